/**
 * German cues. Sources: the situations in the seed posts (unanswered web forms, auto-replies, channel
 * ping-pong, dunning after unanswered e-mails, hotline queues), common complaint phrasing in German customer
 * service on Twitter/Facebook (rail delays, parcels, telco outages, billing), and a small evaluative lexicon
 * of frequent German polarity words. Written by hand and checked — not fitted — against GermEval 2017 dev.
 * Order matters only inside one regex alternation: longer phrases first.
 */
import { conditionalIrony, cue, type CueDef } from './cues-types.ts';

const NUM = '(?:\\d+|ein|einem|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|mehreren|etlichen|vielen|paar)';
const SPAN = '(?:minute|minuten|min|std|stunde|stunden|tag|tagen|woche|wochen|monat|monaten|jahr|jahren)';
/** Words between "funktioniert/läuft" and "wieder" in a resolution: "läuft jetzt alles wieder", not "geht schon wieder". */
/** Any word but a negation: "wurde repariert" resolves, "wurde noch nicht repariert" must stay the failure it is. */
const UNNEGATED_WORD = '(?!(?:nicht|nichts|nie|kein|keine|keinen|noch|angeblich)[\\s\\-])[\\p{L}\\p{N}]+';
/** What a customer claims and a company may turn down. */
const CLAIM = '(?:antrag|erstattung|rückerstattung|entschädigung|schaden|wasserschaden|schadensfall|schadensmeldung|reklamation|garantie*|gewährleistung|kulanz|widerspruch|kündigung|anspruch|forderung|zahlung|überweisung|kredit|beschwerde|umtausch|rückgabe|leistung|kostenübernahme)';
const AGAIN_SUBJECT = '(?:jetzt|nun|endlich|auch|alles|es|er|sie|das|der|die|bei mir|bei uns|überall|internet|wlan|netz|strom|heizung|router|telefon|app|zug|bahn)';
/** What a customer does to hold up their side: pay, cancel, report, send, order, be at home. */
const DUTY_DONE = '(?:bezahl*|gezahlt|zahle|zahlen|überwiesen|beglichen|gekündigt|storniert|gemeldet|melde|gemailt|mitgeteilt|geschickt|geschrieben|eingereicht|zurückgeschickt|angerufen|angemeldet|abgemeldet|bestellt|gebucht|verbrauch*|zuhause|zu hause|daheim|vereinbart|zugesagt|versprochen|bestätigt|läuft|gültig)';
const COST = '(?:preis|preise|gebühr*|beitrag|beiträge|abschlag|abschläge|rechnung|grundgebühr|kosten|tarif|stromrechnung|gasrechnung)';

export const DE_CUES: CueDef[] = [
  // Irony first: in one alternation the first pattern that fits wins, and "danke für nichts" must beat "danke".
  cue('irony', 'danke für nichts', 'danke für nichts|danke für nix|danke auch(?! an| für| dir| euch| ihnen| allen)|ja nee,? (?:is|ist) klar|wer\'?s glaubt|klar doch[.!]|vielen dank auch|na toll|na super|na prima|gut gemacht,? (?:nicht|#not)|#not|#ironie|ironie off|wäre ja mal ein wunder|wäre ja (?:auch )?zu schön|wie immer halt', 1),
  conditionalIrony('Ironie', 'ganz toll|ganz großes kino|großes kino|echt klasse gemacht|super gemacht|gut gemacht|läuft bei (?:euch|dir|der bahn)|perfekt\\.|herzlichen glückwunsch', 1),
  // Resolution before the failure words it shares a word with ("läuft wieder" is not "läuft", "wurde repariert" no defect).
  cue('resolution', 'Problem gelöst', `(?:funktioniert|funktionieren|geht|gehen|läuft|laufen|klappt|tut|fährt|fahren) (?:${AGAIN_SUBJECT} ){0,3}wieder|wieder (?:alles )?(?:in ordnung|da|online|verfügbar|erreichbar)|(?:alles|problem*|störung|fehler|das|es) (?:ist |sind |wurde |wurden |war )?(?:jetzt |nun |schnell |sofort |gleich |inzwischen |mittlerweile |wieder )?(?:gelöst|behoben|geklärt|erledigt|repariert|beseitigt|wiederhergestellt)|(?:hat|haben|hatte|hatten|wurde|wurden|ist) (?:${UNNEGATED_WORD} ){0,5}(?:repariert|behoben|gelöst|geklärt|erstattet|gutgeschrieben|zurückerstattet|zurücküberwiesen|ausgetauscht|getauscht|ersetzt)|(?:geld|betrag|erstattung|rückerstattung|gutschrift) (?:ist|war|wurde|sind) (?:schon |bereits |jetzt |inzwischen |wieder )?(?:zurück|da|gutgeschrieben|eingegangen|auf dem konto)|doch noch (?:gefunden|angekommen|gekommen|geliefert|da)|alles (?:wieder )?(?:gut|bestens|in ordnung|geklärt|erledigt)`, 0.7),
  // --- unanswered, unreachable, sent around (seeds 000–003)
  cue('failure', 'keine Antwort', '(?:keine|keinerlei|null) (?:antwort|rückmeldung|reaktion|rückruf|lebenszeichen)', 1.1, 1),
  cue('failure', 'niemand meldet sich', '(?:antwortet|meldet sich|reagiert|hilft|kümmert sich)(?: [\\p{L}]+){0,4} (?:niemand|keiner|kein mensch)|(?:niemand|keiner|keine sau|kein mensch) (?:meldet|antwortet|ruft|reagiert|kümmert|hilft|weiß|wusste)*|(?:niemand|keiner) hat(?: [\\p{L}]+){0,4} (?:reagiert|geantwortet|zurückgerufen|gemeldet)', 1.1, 2),
  cue('failure', 'nichts passiert', '(?:nichts|gar nichts|nix) (?:passiert|geschehen|getan|gehört)*|(?:noch|immer noch) nichts passiert|nicht geschehen', 0.8, 1),
  cue('failure', 'Funkstille', 'funkstille|totenstille|ignoriert|ignoriert ihr|ignorieren mich', 1, 2),
  cue('failure', 'Warteschleife', 'warteschleife*|in der schleife|wartezeit*|stunde* in der leitung', 1.1, 1),
  cue('failure', 'Hotline', '(?:kostenpflichtige|teure) hotline|geht (?:keiner|niemand|keine sau) ran|(?:keiner|niemand) (?:geht|nimmt) (?:ran|ab)|hotline (?:ist )?(?:nicht|nie|dauerbesetzt|besetzt)|hotline (?:[\\p{L}\\p{N}]+ ){1,4}(?:besetzt|dauerbesetzt|überlastet)|dauerbesetzt|nicht (?:erreichbar|ereichbar|erreichbahr)|niemanden erreicht|niemand erreichbar|kein durchkommen|(?:legt|legen|legte|legten) (?:einfach |dann |direkt |sofort |jedes mal |immer )?auf|(?:einfach|mich|uns) aufgelegt|wurde aufgelegt|(?:raus|aus der leitung) ?(?:geworfen|geflogen)|nur (?:eine )?bandansage', 1, 2),
  cue('failure', 'immer noch nicht', '(?:immer noch|noch immer|bis heute|bis jetzt|bislang|nach wie vor) (?:nicht|nichts|kein|keine|keinen|nix)*', 1, 1),
  // "seid" is the commonest misspelling of "seit" in complaints ("seid 3 Tagen").
  cue('failure', 'seit Tagen', `(?:seit|seid) ${NUM}? ?${SPAN}|(?:seit|seid) (?:gestern|letzter woche|letztem monat|wochen|tagen|monaten|stunden)|(?:seit|seid) (?:heute|heut) (?:morgen|früh|mittag|nachmittag|abend|nacht)|(?:seit|seid) (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|dem wochenende)`, 0.5, 1),
  cue('failure', 'warte seit', `(?:warte|warten|wartet) (?:seit|schon|immer noch|noch immer)|(?:ich|wir) warte*|(?:${NUM} )?${SPAN} (?:lang )?(?:auf (?:[\\p{L}]+ ){0,2})?gewartet|(?:warte|warten) (?:ich|wir) (?:schon |immer noch |noch immer |seit [\\p{L}\\p{N}]+ [\\p{L}]+ )?auf`, 0.8, 1),
  cue('failure', 'wieder mal', '(?:schon|scho) wieder|mal wieder|wieder mal|wieder einmal|zum (?:\\d+|x|wiederholten|zigsten|x-ten)(?:\\.|ten)? mal|jedes mal|jeden tag', 0.6, 2),
  cue('failure', 'Vertröstung', 'vertröst*|hingehalten|abgewimmelt|verwiesen|weitergeleitet|von a nach b|im kreis geschickt|ping-?pong|(?:schickt|schicken|verweist|verweisen) mich (?:zum|zur|an den|an die|an das)|soll mich an (?:den|die|das) (?:[\\p{L}]+ )?wenden|(?:nicht|keiner|niemand) zuständig', 0.9, 2),
  cue('failure', 'automatische Antwort', 'automati* (?:antwort*|e-?mail|nachricht)|(?:wir melden uns|melden uns) schnellstmöglich|standardantwort|textbaustein*|no-?reply', 0.8, 2),
  cue('failure', 'Anfrage unbeantwortet', 'unbeantwortet|(?:anfrage|mail|e-mail|nachricht|beschwerde|reklamation|kontaktformular) (?:ist )?(?:seit|immer noch|noch immer|bis heute|unbeantwortet|ignoriert)', 1, 2),
  // --- billing and dunning (seed 002)
  cue('failure', 'Mahnung', 'mahnung*|mahngebühr*|inkasso*|zahlungserinnerung', 1, 3),
  cue('failure', 'falsche Rechnung', '(?:falsche|fehlerhafte|doppelte|überhöhte) (?:rechnung|abbuchung|abrechnung)|(?:doppelt|zweimal|zwei mal|2x|2 mal|mehrfach|dreimal) (?:abgebucht|berechnet|belastet|abgezogen|kassiert)|(?:abbuchung|abbuchungen|belastung) (?:[\\p{L}]+ ){0,2}(?:doppelt|zweimal|2x|mehrfach)|zu viel (?:abgebucht|berechnet|bezahlt)|ungerechtfertigt*|abgezockt|geld (?:ist |war )?(?:einfach |jetzt )?(?:weg|futsch|verschwunden)|(?:bucht|buchen|ziehen|zieht|kassiert|kassieren) (?:[\\p{L}]+ ){0,3}(?:weiter|immer noch|munter) (?:ab|weiter|ein)|weiter (?:abgebucht|abgezogen|kassiert|berechnet|kassieren|abbuchen)', 1, 3),
  cue('failure', 'Geld zurück', 'verliere* (?:gerade |dadurch )?geld|geld verloren|(?:warte|warten) auf (?:mein|meine|die|das) (?:geld|erstattung|gutschrift|rückerstattung)|geld zurück|keine (?:erstattung|gutschrift)', 0.8, 2),
  // The customer kept their side of the deal and the company did not: "obwohl alles bezahlt ist", "obwohl wir weniger
  // verbraucht haben", "trotz Kündigung", "gekündigt und trotzdem …". The contrast names the breached expectation
  // itself, so it is a failure whatever the company did wrong (cut off, billed, dunned, lost it).
  cue('failure', 'obwohl bezahlt', `(?:obwohl|obgleich|obschon|wobei|dabei) (?:[\\p{L}\\p{N}]+ ){0,6}${DUTY_DONE}|trotz (?:[\\p{L}]+ ){0,2}(?:zahlung|bezahlung|überweisung|kündigung|vertrag|vertrags|termin|zusage|garantie|bestätigung|einschreiben|vorkasse|reklamation|beschwerde|nachfrage|nachfragen|anfrage|anfragen|erinnerung)|${DUTY_DONE},? (?:und |aber |doch )?trotzdem`, 1.1, 3),
  // Left stranded by a cancellation or breakdown: "Wir sitzen am Flughafen fest".
  cue('failure', 'gestrandet', 'gestrandet|(?:sitzen|sitze|sitzt|stecken|stecke|steckt|hängen|hänge|hängt) (?:[\\p{L}\\p{N}]+ ){0,6}fest|festgesessen', 0.8, 1),
  // The company's record against the customer's: "laut Sendungsverfolgung zugestellt", "angeblich beim Nachbarn
  // abgegeben", "weil wir angeblich nicht gezahlt haben".
  cue('failure', 'angeblich', 'angeblich (?:[\\p{L}]+ ){0,4}(?:zugestellt|abgegeben|geliefert|verschickt|versandt|unterwegs|erledigt|bearbeitet|behoben|repariert|erstattet|nicht|nie|kein|keine|keinen)|laut (?:sendungsverfolgung|tracking|app|system|status|dhl|hermes|dpd|gls) (?:[\\p{L}]+ ){0,2}(?:zugestellt|abgegeben|geliefert|erledigt)|(?:app|status|tracking|sendungsverfolgung) sagt (?:[\\p{L}]+ ){0,2}(?:zugestellt|geliefert)|als zugestellt (?:markiert|angezeigt)', 0.7, 2),
  // Not even the least a customer can expect: "klingelt nicht mal", "hat sich nicht einmal entschuldigt".
  cue('failure', 'nicht mal', '(?:nicht|nich|net|ned) (?:mal|einmal) (?:[\\p{L}]+ )?(?:da|gekommen|geklingelt|angerufen|gemeldet|geantwortet|versucht|entschuldigt|reagiert|bescheid|zugestellt|geliefert|angekommen)|(?:klingelt|klingeln|klingelte|meldet|melden|antwortet|antworten|reagiert|reagieren|entschuldigt|kam|kommt|kamen) (?:[\\p{L}]+ )?(?:nicht|nich|net|ned) (?:mal|einmal)', 0.7, 2),
  // Done to the customer without asking: charged for what they never ordered, rebooked, changed without notice.
  cue('failure', 'ungefragt', 'nie (?:abgeschlossen|bestellt|beantragt|unterschrieben|gebucht|genutzt|vereinbart)|nicht (?:bestellt|abgeschlossen|beantragt)|ohne (?:[\\p{L}]+ ){0,3}zu (?:fragen|informieren|erwähnen|benachrichtigen|sagen|warnen|melden)|ohne (?:nachfrage|rückfrage|ankündigung|vorwarnung|vorankündigung|info|infos|information|erklärung|begründung|bescheid|zustimmung|einwilligung)|keine ahnung wofür', 1, 2),
  // A claim, refund or repair turned down (the company turning down a proposal is news, not a complaint).
  cue('failure', 'abgelehnt', `${CLAIM} (?:[\\p{L}]+ ){0,3}(?:abgelehnt|verweigert)|(?:mir|uns) (?:[\\p{L}]+ )?(?:abgelehnt|verweigert)|(?:lehnt|lehnen|lehnte|lehnten) (?:die |den |das |meine |meinen |unsere |unseren )?(?:[\\p{L}]+ )?${CLAIM} ab|weigert* sich|weigern sich`, 0.7, 2),
  // Costs going up: weak alone (price news is no complaint), a complaint with a customer frame or a contrast. The
  // singular only: a rise that hit the writer; "Preiserhöhungen" is talk about pricing policy (GermEval dev).
  cue('failure', 'Preiserhöhung', `preiserhöhung|preissteigerung|${COST} (?:[\\p{L}\\p{N}€%,.]+ ){0,5}(?:erhöht|verdoppelt|höher|teurer|gestiegen|angehoben|doppelt so hoch)|(?:erhöht|erhöhen|verdoppelt|verdoppeln) (?:[\\p{L}]+ ){0,3}${COST}|nachzahlung*|will (?:[\\p{L}]+ ){0,2}\\d+ ?(?:€|euro|eur)`, 0.5, 2),
  // --- cancellation and churn
  // Done with a brand for good ("Nie wieder Vantair.", "Nie mehr Hofgut im Kühlschrank"): a stance, negative even when
  // nothing went wrong for the writer. Before the churn cue, which would take "nie wieder" at the same word.
  cue('negative', 'nie wieder', 'nie (?:mehr|wieder) [\\p{L}\\p{N}-]+ (?:im|in meinem|in meiner|in unserem|in unserer|bei|von|für)|nie (?:mehr|wieder) [\\p{L}\\p{N}-]+(?:[.!]|$)|nie (?:mehr|wieder)(?:[.!]|$)|(?:ich bin|bin|sind|wir sind) (?:jetzt |sowas von |endgültig )?fertig mit|(?:ist|sind) (?:ab heute |ab sofort |ab jetzt |jetzt )?geschichte|(?:vertrauen|kunde|kundin) weg|(?:kann|können) mich mal', 1.0, 3),
  cue('failure', 'Kündigung', 'kündig(?!(?:t|te|en|ten) (?:[\\p{L}\\p{N}-]+ ){0,10}an(?![\\p{L}]))*|gekündigt|zur konkurrenz|(?:anbieter|vertrag) (?:wechseln|beenden)|werde (?:wohl |jetzt |bald |dann )?wechseln|überleg* (?:ernsthaft |schon |jetzt )?(?:zu )?wechseln|wechsle (?:zu|den)|wechseln zu|(?:bin|sind) weg|nie wieder', 0.9, 3),
  // --- delivery, rail, defects
  cue('failure', 'Lieferung fehlt', '(?:paket|lieferung|bestellung|sendung|ware) (?:ist )?(?:nicht|nie|immer noch nicht|noch nicht) (?:angekommen|da|geliefert|eingetroffen|erhalten)|nicht (?:geliefert|angekommen|zugestellt)|(?:nichts|nix) (?:angekommen|bekommen|erhalten|geliefert)|nie (?:angekommen|bekommen|erhalten|geliefert|zugestellt)|keine (?:lieferung|nachlieferung|sendungsverfolgung)|(?:einfach )?vor die (?:haus)?tür gestellt|(?:paket|sendung|lieferung) (?:ist )?(?:einfach )?(?:weg|verschwunden|verloren gegangen)|jetzt ist (?:es|sie|das paket) weg', 1, 1),
  cue('failure', 'Gepäck weg', '(?:koffer|gepäck|gepäckstück) (?:ist |sind )?(?:einfach )?(?:weg|verschwunden|verloren gegangen|nicht angekommen)', 1, 1),
  cue('failure', 'Verspätung/Ausfall', 'verspät*|zu spät|fällt (?:schon wieder |wieder |heute |mal wieder |erneut )?aus|fiel aus|ausgefallen|abgebrochen|zugausfall|ausfall|anschluss verpasst|anschluss weg|stehen (?:seit|schon)|steht (?:seit|schon)|(?:\\d+|\\+\\d+) ?min* (?:verspätung|später|zu spät)', 0.8, 1),
  cue('failure', 'kaputt', 'kaputt*|defekt*|funktioniert (?:nicht|nie|schon wieder nicht)|geht (?:nicht|gar nicht|schon wieder nicht)|störung|störungen|störungsmeld*|störungsstell*|störungsbeheb*|(?:kein|koa|ka|koan|ohne) (?:[\\p{L}]+-)?(?:netz|internet|empfang|wlan|strom|warmwasser)|(?:netz|internet|leitung) (?:ist )?(?:weg|tot|down)|nichts geht|nix geht|geht nichts|geht nix|(?:ist|sind|auch|komplett) (?:down|tot)|fehlermeldung*|abgestürzt|beschädigt*|zerbrochen|zerkratzt|(?:strom|netz|internet|wlan|dsl|kabel|festnetz|telefon|leitung|router|anschluss|heizung|warmwasser|wasser|gas) (?:[\\p{L}\\p{N}]+ ){0,4}(?:weg|wech|tot|down|hinüber|abgestellt|abgeklemmt|abgeschaltet|gekappt)|(?:bricht|brechen|brach) (?:[\\p{L}\\p{N}]+ ){0,5}(?:ein|zusammen)', 0.9, 1),
  cue('failure', 'Betrieb gestört', 'funkloch*|funklöcher|gesperrt|sperrung|außer betrieb|streik*|bahnstreik|stillstand|stehen still|steht still|falsche* (?:abfahrtszeit*|anzeige*|auskunft|information*)|keine (?:durchsage|information*|infos|info)|kein* (?:ersatz*|hotel*|umbuchung|alternative*) (?:[\\p{L}]+ )?(?:angeboten|bekommen|organisiert|gestellt)|nix von der durchsage|fehlinformation*|zugeparkt|lahmgelegt|lahmlegt|evakuiert|(?:flug|flüge|verbindung|termin|reise|buchung|fahrt|zug|züge) (?:[\\p{L}\\p{N}]+ ){0,2}(?:wurde |wurden |ist |sind )?(?:gestrichen|annulliert|storniert|abgesagt)|annulliert|annullierung', 0.7, 1),
  cue('failure', 'ungelöst', 'nicht (?:gelöst|behoben|erledigt|erstattet|gutgeschrieben|bearbeitet|zurückgerufen)|ungelöst|unbearbeitet|(?:immer noch|noch immer) in der werkstatt|brauche hilfe|bitte helft|bitte helfen|hilfe!|kann mir (?:jemand|niemand|keiner) helfen', 0.6, 1),
  // A demand to put something right, and impatience in a question ("Wann kommt endlich der Techniker?"): support for a
  // reported failure; a complaint seldom stops at reporting it.
  cue('failure', 'Forderung', 'sofort (?:erstatten|zurückzahlen|zurücküberweisen|beheben|reparieren|stornieren)|(?:erstatten|überweisen) sie (?:mir )?(?:bitte )?(?:sofort|umgehend)|ich (?:fordere|verlange) (?:eine|die|mein|meine|sofort|umgehend)|(?:ich )?will mein geld', 0.6, 2),
  cue('failure', 'endlich?', 'wann (?:[\\p{L}]+ ){0,3}endlich|(?:jetzt|nun) (?:mal )?endlich|endlich mal (?:eine|jemand|antwort)', 0.5, 2),
  cue('failure', 'überfüllt', 'überfüllt|brechend voll|keinen sitzplatz|klimaanlage (?:ist )?(?:aus|kaputt|defekt)|heizung (?:ist )?(?:aus|kaputt)|dreckig|verdreckt', 0.7, 2),
  cue('failure', 'Kundenservice versagt', 'kundenservice (?:ist )?(?:eine )?(?:katastrophe|unterirdisch|ein witz|versagt)|mangelhafte* service|schlechte* service|(?:so soll|so sollte) es nicht sein|geht gar nicht', 1, 2),
  cue('failure', 'schief gelaufen', 'schief (?:geht|gegangen|gelaufen|läuft)|schlecht gelaufen|enttäuschung|negative erfahrung|imageschaden|imageverlust', 0.8, 2),
  cue('failure', 'unfreundlich', 'unfreundlich*|patzig*|pampig*|herablassend|angeschnauzt|angemotzt|respektlos', 0.9, 3),
  // --- blame and accusation
  cue('negative', 'unverschämt', 'unverschämt*|frechheit|dreistigkeit|dreist|zumutung|skandal*|schande', 1.1, 4),
  // Public outrage in a shitstorm: a boycott (also as the storm's hashtag, "#EdekaBoykott"), shaming, calls to sack
  // someone, no more custom. Not a service failure of the writer's own, but plainly negative about the brand.
  cue('negative', 'Empörung/Boykott', 'boykottier*|boykott!|(?:ich|wir) boykottiere*|#(?:[\\p{L}\\p{N}_]+)?boykott*|#(?:[\\p{L}\\p{N}_]+)?boycott*|schämt euch|schämen sie sich|(?:sollte|sollten) sich (?:was |etwas )?schämen|gehör(?:t|en) (?:[\\p{L}]+ )?(?:gefeuert|entlassen|rausgeschmissen)|(?:kauf|kaufe|kaufen|bestell|bestelle|bestellen|tank|tanke|tanken|buch|buche|buchen|flieg|fliege|fliegen) (?:[\\p{L}]+ ){0,4}(?:nie|nicht|nichts|nix) mehr|(?:kaufe|kaufen) (?:ab (?:heute|sofort|jetzt) )?woanders|(?:keinen|kein) (?:cent|euro) mehr|(?:mein|meinen|unser|unseren|euer|eurer) letzte[rn]? (?:cent|euro)|hat fertig|habt fertig|für (?:mich|uns) (?:[\\p{L}]+ ){0,3}gestorben|den schuss nicht gehört|entlasst (?:den|die|euren|eure)|verbraucherschutz|(?:absolut|völlig|total|komplett) daneben|pfui|entfolgt|weggeschmissen|geschmacklos*|rassistisch*|sexistisch*|menschenverachtend*|(?:gehört|gehören|sollte|sollten|muss|müssen|sondern|ab) vor (?:gericht|den richter|den kadi)|sammelklage*|(?:sollte|sollten|soll|sollen|muss|müssen|gehört|gehören) (?:[\\p{L}]+ ){0,3}(?:zurücktreten|gefeuert werden|eingesperrt werden|bestraft werden|in den knast|hinter gitter|verboten)|für (?:mich|uns) (?:[\\p{L}]+ ){0,2}(?:durch|erledigt|gegessen)|mitschuldig', 1.0, 4),
  // Contempt and accusation in a storm: lies, greed, cynicism, shame by proxy; clown and vomit emoji aimed at a brand.
  cue('negative', 'Verachtung', 'lüg*|gelogen|belogen|angelogen|verlogen*|gier|gierig*|geldgier*|profitgier*|raffgier*|greenwashing|heuchl*|scheinheilig*|fahrlässig*|verantwortungslos*|skrupellos*|sauerei|schweinerei|fremdscham|fremdschäm*|(?:kopf|kopp) schütteln|kopfschütteln|wucher*|halsabschneider*|raubritter*|das allerletzte|eigentor*|arroganz|arrogant*|ausrede|seid (?:echt |wirklich |einfach |so |doch )?das letzte|🤮|🤢|🤡|🖕', 1.0, 4),
  cue('negative', 'Betrug', 'betrug|betrüger*|abzocke*|abzock*|verarsch*|verbraucherzentrale|anwalt|rechtsanwalt|schlichtungsstelle', 1.1, 4),
  cue('negative', 'Katastrophe', 'katastroph*|desaster|chaos|unterirdisch|armutszeugnis|lachnummer|saftladen|drecksladen|witz von', 1, 3),
  cue('negative', 'Schimpfwort', 'scheiß*|scheiss*|scheiße|kacke|mist|mistladen|verdammt*|zum kotzen|bescheuert', 0.9, 3),
  cue('negative', 'ärgerlich', 'ärger*|sauer|wütend|wut|genervt|nervig|nervt|frustriert|frust|enttäuscht|verzweifelt*|stinksauer|fassungslos|unzufrieden', 0.8, 2),
  cue('negative', 'schlecht', 'schlecht*|mies*|miserabel|schrecklich|furchtbar|fürchterlich|grottig|grauenhaft|ätzend|peinlich|lächerlich|unmöglich|unzumutbar|inakzeptabel|unfassbar|dumm*|blöd*|doof*|schmarrn|schmarren|bledsinn|gschmarri|a graffl|zum heulen', 0.6, 2),
  cue('negative', 'Satzzeichen', '\\?!|!\\?|!!+|\\?\\?+', 0.35, 2),
  cue('negative', 'Ausrufe', '#fail|#bahnfail|#ärgerlich|#nervt|geht\'s noch|gehts noch|ernsthaft\\?|echt jetzt|im ernst|hallo\\?|wtf|omg|:-?\\(|😡|🤬|😠|😤|🙄|👎|😒|😞|😢|😭|💩|🤦', 0.6, 2),
  cue('negative', 'hasse', 'hass*|stink*|eklig|ekelhaft|widerlich|beschämend|peinlich|nervthema|nervtötend|rücksichtslos|gefährlich|lebensgefährlich|unsicher|kriminell', 0.7, 3),
  // Help praised; listed before the problem words, because the first cue to match at a word wins.
  cue('positive', 'schnelle Hilfe', '(?:schnelle|tolle|super|kompetente) hilfe|sofort geholfen', 0.7),
  cue('negative', 'leider', 'leider|(?:ein|einen|1|zwei|2) sterne?|schade|traurig|sorgen|problem|probleme|problemen|problemchen|problematisch*|problematik|beschwerde*|reklamation*|#fail|fail', 0.3, 1),
  // --- praise
  cue('positive', 'Dank', 'danke*|dankeschön|vielen dank|herzlichen dank|bedanke*', 0.6),
  // Weighed as two praise words: it praises exactly what customers most often complain about, so it is no filler
  // ("Hotline war heute schnell erreichbar" read as a complaint about the hotline). Sarcasm carries an irony marker.
  cue('positive', 'gut erreichbar', '(?:schnell|gut|sofort|direkt|problemlos|gleich) (?:erreichbar|durchgekommen|jemanden erreicht|jemanden dran)', 1.2),
  cue('positive', 'guter Service', '(?:mega|super|top|toller|tolle|tollen|klasse|spitzen|erstklassige*|hervorragende*|schnelle*|gute|guter|guten|freundliche*|kompetente*) (?:service|kundenservice|support|beratung|lieferung|abwicklung|kundendienst)', 0.7),
  cue('positive', 'Lob', 'super|toll*|klasse|prima|spitze|top|perfekt|großartig|hervorragend|ausgezeichnet|wunderbar|genial|lob|lobe|loben|lobt|gelobt|vorbildlich|empfehle*|empfehlenswert|👍|👏|🙏|😊|🙂|😀|😃|😄|zufrieden*|freundlich*|hilfsbereit*|kompetent*|schnell geholfen|problemlos|reibungslos|störungsfrei|fehlerfrei|unkompliziert|pünktlich|gut|besser|beste|besten|bester|bestes|schön*|geil|läuft', 0.7),
  cue('positive', 'gefällt', 'gefällt mir|liebe (?:es|euch)|freue mich|freu mich|begeistert|der hammer|❤|😍|🥰|🎉', 0.7),
  // Relief that a nuisance is over ("Endlich kein Drosseln mehr"): praise, though "kein" would read as a failure's negation.
  cue('positive', 'endlich vorbei', 'endlich (?:kein|keine|keinen|nicht)(?: [\\p{L}]+){0,3} mehr', 0.7),
  // --- commentary about third parties (seed 004)
  cue('commentary', 'über einen Tweet', '(?:folgenden|diesen|dieser|den|einen|einem) (?:tweet|post|beitrag|artikel|kommentar|thread)|stolperte ich|bin ich über|gestolpert|likes|retweets|in den antworten|zustimmung', 0.6),
  cue('commentary', 'Kundenbashing', 'kunden-?bashing|kundenerziehung|kunden erziehen|seinen kunden|ihre kunden|seine kunden|mit (?:seinen|ihren) kunden', 0.8),
  // Reporting on a storm, and bystanders of it, as observers: "Shitstorm gegen Edeka: Kette zieht Werbespot zurück".
  cue('commentary', 'Bericht über Empörung', 'shitstorm (?:gegen|um|wegen|bei)|(?:sorgt|sorgen|sorgte|sorgten) für (?:empörung|kritik|wirbel|aufregung|diskussionen)|(?:zieht|ziehen|zog|zogen) (?:[\\p{L}]+ ){0,3}(?:werbespot|werbung|kampagne|spot|beitrag|post) zurück|in der kritik|boykott-?aufruf*|aufruf* zum boykott|empörungskultur|empörungswelle|die empörten', 1.0),
  // News reporting on a company: an agency's or the company's confirmation, an authority's inquiry, figures "laut Bank".
  cue('commentary', 'Nachricht', '(?:bestätigt|bestätigte|bestätigen|leitet|leitete|leiten|prüft|prüfte|ermittelt|ermittelte|kündigt|kündigte) (?:[\\p{L}\\p{N}-]+ ){0,4}(?:ein|an|datenleck|rückruf|prüfung|ermittlungen|verfahren|untersuchung)(?![\\p{L}])|laut (?:bank|unternehmen|konzern|firma|polizei|behörde|bericht|medienberichten|angaben des|angaben der)|nach (?:ngo-?|medien)?bericht*|rund [\\d.,]+ (?:kunden|kundendaten|nutzer|fälle|datensätze|betroffene)', 1),
  cue('commentary', 'Meinungsbeitrag', 'ich wage (?:mal )?zu behaupten|unterstelle|meiner meinung nach|finde ich|in diesem fall|für mich sind', 0.4),
  // The company speaking (a maintenance notice, a service update, an offer): announcing downtime is no customer's complaint.
  cue('commentary', 'Mitteilung der Marke', '(?:wir bitten|bitten wir) (?:um )?(?:ihr |euer )?verständnis|(?:geplante |planmäßige |angekündigte )?wartungsarbeiten|danke für (?:eure|ihre) geduld|wir entschuldigen uns für (?:die |etwaige |entstandene )?unannehmlichkeiten|(?:liebe|sehr geehrte) kunden*|unsere (?:filiale|filialen|kunden|kundinnen|servicezeiten|öffnungszeiten|märkte)|jetzt (?:bestellen|sichern|wechseln|buchen|testen|zuschlagen)|gewinnspiel|wir verlosen', 1),
  // --- first-person customer experience
  cue('customer', 'eigene Erfahrung', '(?:mein|meine|meinen|meinem|meiner|unser|unsere|unseren) (?:paket*|bestellung*|lieferung*|rechnung*|vertrag|anfrage*|anliegen|mail*|e-mail*|nachricht*|zug|anschluss|ticket*|konto|kundennummer|router|handy|zählerstand|abschlag|geld|reklamation*|beschwerde*|flug|rückflug|hinflug|koffer|gepäck|buchung|reise|termin|tarif|abo|karte|versicherung|police|schaden|auftrag|strom*|gas*|internet*|anschluss|wohnung|kündigung|rücksendung|erstattung|essen)|(?:ich|wir) (?:habe|hatte|haben|hatten) (?:bestellt|angerufen|geschrieben|gemailt|reklamiert|gezahlt|bezahlt)|(?:ich|wir) (?:bin|sind) (?:kunde|kundin|kunden)|als kunde|bei mir|aus eigener erfahrung', 0.5),
  // --- information questions
  cue('question', 'Frage', '(?:wie|wo|wann|ab wann|bis wann|welche*|gibt es|kann ich|können sie|könnt ihr|kann man|muss ich|darf ich|weiß jemand|hat jemand|ist es möglich)', 0.5),
];

/** Words that negate the next evaluation word ("nicht schlecht", "kein guter Service"). */
export const DE_NEGATORS = ['nicht', 'nich', 'net', 'ned', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'nichts', 'nix', 'ohne', 'kaum', 'weder', 'koa'];

/** Second person plural/polite addressing the brand: with a failure it reads as an accusation. */
export const DE_ADDRESS = ['ihr', 'euch', 'eure', 'euer', 'euren', 'eurem', 'eurer'];
