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

export const DE_CUES: CueDef[] = [
  // Irony first: in one alternation the first pattern that fits wins, and "danke für nichts" must beat "danke".
  cue('irony', 'danke für nichts', 'danke für nichts|vielen dank auch|na toll|na super|na prima|gut gemacht,? (?:nicht|#not)|#not|#ironie|ironie off|wäre ja mal ein wunder|wäre ja (?:auch )?zu schön|wie immer halt', 1),
  conditionalIrony('Ironie', 'ganz toll|ganz großes kino|großes kino|echt klasse gemacht|super gemacht|gut gemacht|läuft bei (?:euch|dir|der bahn)|perfekt\\.|herzlichen glückwunsch', 1),
  // --- unanswered, unreachable, sent around (seeds 000–003)
  cue('failure', 'keine Antwort', '(?:keine|keinerlei|null) (?:antwort|rückmeldung|reaktion|rückruf|lebenszeichen)', 1.1, 1),
  cue('failure', 'niemand meldet sich', '(?:antwortet|meldet sich|reagiert|hilft|kümmert sich)(?: [\\p{L}]+){0,4} (?:niemand|keiner|kein mensch)|(?:niemand|keiner|keine sau|kein mensch) (?:meldet|antwortet|ruft|reagiert|kümmert|hilft|weiß|wusste)*|(?:niemand|keiner) hat(?: [\\p{L}]+){0,4} (?:reagiert|geantwortet|zurückgerufen|gemeldet)', 1.1, 2),
  cue('failure', 'nichts passiert', '(?:nichts|gar nichts|nix) (?:passiert|geschehen|getan|gehört)*|(?:noch|immer noch) nichts passiert|nicht geschehen', 0.8, 1),
  cue('failure', 'Funkstille', 'funkstille|totenstille|ignoriert|ignoriert ihr|ignorieren mich', 1, 2),
  cue('failure', 'Warteschleife', 'warteschleife*|in der schleife|wartezeit*|stunde* in der leitung', 1.1, 1),
  cue('failure', 'Hotline', '(?:kostenpflichtige|teure) hotline|hotline (?:ist )?(?:nicht|nie|dauerbesetzt|besetzt)|hotline (?:[\\p{L}\\p{N}]+ ){1,4}(?:besetzt|dauerbesetzt|überlastet)|dauerbesetzt|nicht (?:erreichbar|ereichbar|erreichbahr)|niemanden erreicht|niemand erreichbar|kein durchkommen', 1, 2),
  cue('failure', 'immer noch nicht', '(?:immer noch|noch immer|bis heute|bis jetzt|bislang|nach wie vor) (?:nicht|nichts|kein|keine|keinen|nix)*', 1, 1),
  // "seid" is the commonest misspelling of "seit" in complaints ("seid 3 Tagen").
  cue('failure', 'seit Tagen', `(?:seit|seid) ${NUM}? ?${SPAN}|(?:seit|seid) (?:gestern|letzter woche|letztem monat|wochen|tagen|monaten|stunden)|(?:seit|seid) (?:heute|heut) (?:morgen|früh|mittag|nachmittag|abend|nacht)|(?:seit|seid) (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|dem wochenende)`, 0.5, 1),
  cue('failure', 'warte seit', `(?:warte|warten|wartet) (?:seit|schon|immer noch|noch immer)|(?:ich|wir) warte*|(?:${NUM} )?${SPAN} (?:lang )?(?:auf (?:[\\p{L}]+ ){0,2})?gewartet|(?:warte|warten) (?:ich|wir) (?:schon |immer noch |noch immer |seit [\\p{L}\\p{N}]+ [\\p{L}]+ )?auf`, 0.8, 1),
  cue('failure', 'wieder mal', '(?:schon|scho) wieder|mal wieder|wieder mal|wieder einmal|zum (?:\\d+|x|wiederholten|zigsten|x-ten)(?:\\.|ten)? mal|jedes mal|jeden tag', 0.6, 2),
  cue('failure', 'Vertröstung', 'vertröst*|hingehalten|abgewimmelt|verwiesen|weitergeleitet|von a nach b|im kreis geschickt|ping-?pong', 0.9, 2),
  cue('failure', 'automatische Antwort', 'automati* (?:antwort*|e-?mail|nachricht)|(?:wir melden uns|melden uns) schnellstmöglich|standardantwort|textbaustein*|no-?reply', 0.8, 2),
  cue('failure', 'Anfrage unbeantwortet', 'unbeantwortet|(?:anfrage|mail|e-mail|nachricht|beschwerde|reklamation|kontaktformular) (?:ist )?(?:seit|immer noch|noch immer|bis heute|unbeantwortet|ignoriert)', 1, 2),
  // --- billing and dunning (seed 002)
  cue('failure', 'Mahnung', 'mahnung*|mahngebühr*|inkasso*|zahlungserinnerung', 1, 3),
  cue('failure', 'falsche Rechnung', '(?:falsche|fehlerhafte|doppelte|überhöhte) (?:rechnung|abbuchung|abrechnung)|doppelt (?:abgebucht|berechnet)|zu viel (?:abgebucht|berechnet|bezahlt)|ungerechtfertigt*|abgezockt', 1, 3),
  cue('failure', 'Geld zurück', 'verliere* (?:gerade |dadurch )?geld|geld verloren|(?:warte|warten) auf (?:mein|meine|die|das) (?:geld|erstattung|gutschrift|rückerstattung)|geld zurück|keine (?:erstattung|gutschrift)', 0.8, 2),
  // --- cancellation and churn
  cue('failure', 'Kündigung', 'kündig*|gekündigt|zur konkurrenz|(?:anbieter|vertrag) (?:wechseln|beenden)|werde (?:wohl |jetzt |bald |dann )?wechseln|überleg* (?:ernsthaft |schon |jetzt )?(?:zu )?wechseln|wechsle (?:zu|den)|wechseln zu|(?:bin|sind) weg|nie wieder', 0.9, 3),
  // --- delivery, rail, defects
  cue('failure', 'Lieferung fehlt', '(?:paket|lieferung|bestellung|sendung|ware) (?:ist )?(?:nicht|nie|immer noch nicht|noch nicht) (?:angekommen|da|geliefert|eingetroffen|erhalten)|nicht (?:geliefert|angekommen|zugestellt)|keine (?:lieferung|nachlieferung|sendungsverfolgung)|(?:einfach )?vor die (?:haus)?tür gestellt|(?:paket|sendung|lieferung) (?:ist )?(?:einfach )?(?:weg|verschwunden|verloren gegangen)|jetzt ist (?:es|sie|das paket) weg', 1, 1),
  cue('failure', 'Gepäck weg', '(?:koffer|gepäck|gepäckstück) (?:ist |sind )?(?:einfach )?(?:weg|verschwunden|verloren gegangen|nicht angekommen)', 1, 1),
  cue('failure', 'Verspätung', 'verspät*|zu spät|fällt (?:schon wieder |wieder |heute |mal wieder |erneut )?aus|fiel aus|ausgefallen|abgebrochen|zugausfall|ausfall|anschluss verpasst|anschluss weg|stehen (?:seit|schon)|steht (?:seit|schon)|(?:\\d+|\\+\\d+) ?min* (?:verspätung|später|zu spät)', 0.8, 1),
  cue('failure', 'kaputt', 'kaputt*|defekt*|funktioniert (?:nicht|nie|schon wieder nicht)|geht (?:nicht|gar nicht|schon wieder nicht)|störung|störungen|störungsmeld*|störungsstell*|störungsbeheb*|(?:kein|koa|ka|koan|ohne) (?:[\\p{L}]+-)?(?:netz|internet|empfang|wlan|strom|warmwasser)|(?:netz|internet|leitung) (?:ist )?(?:weg|tot|down)|nichts geht|nix geht|geht nichts|geht nix|(?:ist|sind|auch|komplett) (?:down|tot)|fehlermeldung*|abgestürzt|beschädigt*|zerbrochen|zerkratzt|(?:strom|netz|internet|wlan|leitung|heizung|warmwasser|wasser|gas) (?:ist|is|war) (?:[\\p{L}]+ ){0,4}(?:weg|wech|tot|down)', 0.9, 1),
  cue('failure', 'Betrieb gestört', 'funkloch*|funklöcher|gesperrt|sperrung|außer betrieb|streik*|bahnstreik|stillstand|stehen still|steht still|falsche* (?:abfahrtszeit*|anzeige*|auskunft|information*)|keine (?:durchsage|information*|infos)|nix von der durchsage|fehlinformation*|zugeparkt|lahmgelegt|lahmlegt|evakuiert|(?:flug|flüge|verbindung|termin|reise|buchung|fahrt|zug|züge) (?:[\\p{L}\\p{N}]+ ){0,2}(?:wurde |wurden |ist |sind )?(?:gestrichen|annulliert|storniert|abgesagt)|annulliert|annullierung', 0.7, 1),
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
  cue('negative', 'Betrug', 'betrug|betrüger*|abzocke*|abzock*|verarsch*|verbraucherzentrale|anwalt|rechtsanwalt|schlichtungsstelle', 1.1, 4),
  cue('negative', 'Katastrophe', 'katastroph*|desaster|chaos|unterirdisch|armutszeugnis|lachnummer|saftladen|drecksladen|witz von', 1, 3),
  cue('negative', 'Schimpfwort', 'scheiß*|scheiss*|scheiße|kacke|mist|mistladen|verdammt*|zum kotzen|bescheuert', 0.9, 3),
  cue('negative', 'ärgerlich', 'ärger*|sauer|wütend|wut|genervt|nervig|nervt|frustriert|frust|enttäuscht|verzweifelt*|stinksauer|fassungslos|unzufrieden', 0.8, 2),
  cue('negative', 'schlecht', 'schlecht*|mies*|miserabel|schrecklich|furchtbar|fürchterlich|grottig|grauenhaft|ätzend|peinlich|lächerlich|unmöglich|unzumutbar|inakzeptabel|unfassbar|dumm*|blöd*|doof*|schmarrn|schmarren|bledsinn|gschmarri|a graffl|zum heulen', 0.6, 2),
  cue('negative', 'Satzzeichen', '\\?!|!\\?|!!+|\\?\\?+', 0.35, 2),
  cue('negative', 'Ausrufe', '#fail|#bahnfail|#ärgerlich|#nervt|geht\'s noch|gehts noch|ernsthaft\\?|echt jetzt|im ernst|hallo\\?|wtf|omg|:-?\\(|😡|🤬|😠|😤|🙄|👎|😒|😞|😢|😭|💩|🤦', 0.6, 2),
  cue('negative', 'hasse', 'hass*|stink*|eklig|ekelhaft|widerlich|beschämend|peinlich|nervthema|nervtötend|rücksichtslos|gefährlich|lebensgefährlich|unsicher|kriminell', 0.7, 3),
  // A problem reported solved is thanks, not a problem; listed before the problem words, because the first cue to match at a word wins ("Danke @o2 für die schnelle Hilfe, Problem gelöst!").
  cue('positive', 'Problem gelöst', 'problem* (?:gelöst|behoben|erledigt|beseitigt)|problem* (?:ist|sind|wurde|wurden|war|waren) (?:schnell |sofort |gleich )?(?:gelöst|behoben)|(?:schnelle|tolle|super|kompetente) hilfe|sofort geholfen', 0.7),
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
  cue('commentary', 'Meinungsbeitrag', 'ich wage (?:mal )?zu behaupten|unterstelle|meiner meinung nach|finde ich|in diesem fall|für mich sind', 0.4),
  // --- first-person customer experience
  cue('customer', 'eigene Erfahrung', '(?:mein|meine|meinen|meinem|meiner|unser|unsere|unseren) (?:paket*|bestellung*|lieferung*|rechnung*|vertrag|anfrage*|anliegen|mail*|e-mail*|nachricht*|zug|anschluss|ticket*|konto|kundennummer|router|handy|zählerstand|abschlag|geld|reklamation*|beschwerde*)|(?:ich|wir) (?:habe|hatte|haben|hatten) (?:bestellt|angerufen|geschrieben|gemailt|reklamiert|gezahlt|bezahlt)|(?:ich|wir) (?:bin|sind) (?:kunde|kundin|kunden)|als kunde|bei mir|aus eigener erfahrung', 0.5),
  // --- information questions
  cue('question', 'Frage', '(?:wie|wo|wann|ab wann|bis wann|welche*|gibt es|kann ich|können sie|könnt ihr|kann man|muss ich|darf ich|weiß jemand|hat jemand|ist es möglich)', 0.5),
];

/** Words that negate the next evaluation word ("nicht schlecht", "kein guter Service"). */
export const DE_NEGATORS = ['nicht', 'nich', 'net', 'ned', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'nichts', 'nix', 'ohne', 'kaum', 'weder', 'koa'];

/** Second person plural/polite addressing the brand: with a failure it reads as an accusation. */
export const DE_ADDRESS = ['ihr', 'euch', 'eure', 'euer', 'euren', 'eurem', 'eurer'];
