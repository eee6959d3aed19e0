/**
 * What went wrong, per intent: the verbs and phrasings of failure ("stürzt … ab", "kam kalt an", "stopped heating",
 * "still billing me"), as opposed to the topic words in intents.ts ("Paket", "Rechnung", "delivery"). QA round 6
 * found intents following topic words rather than the problem: 44 % of complaints got their main intent, and praise,
 * news and questions got problem intents for naming a parcel or a bill. A topic word names what a post is about; one
 * of these phrases says that it went wrong, which is what lets a non-complaint keep the intent (intents.ts
 * `reportedIntents`). Written as families (verb of failure + what failed), German and English, in the cue syntax of
 * cues-types.ts; not the QA posts' strings.
 */
import type { Intent } from '../src/model.ts';

/** Up to `n` words in between ("stürzt seit dem Update bei jeder Überweisung ab"); a comma may end a word, a German ordinal ("im 3. Stock") is one. */
const gap = (n: number): string => `(?:(?:[\\p{L}\\p{N}',]+|\\d+\\.) ){0,${n}}`;
const COUNT = '(?:\\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many)';
const STAFF_DE = '(?:mitarbeiter|mitarbeiterin|fahrer|fahrerin|bote|botin|techniker|monteur|berater|beraterin|verkäufer|verkäuferin|kassierer|kassiererin|dame|herr|typ|schaffner|zugbegleiter|personal)';
const STAFF_EN = '(?:driver|courier|engineer|technician|agent|staff|cashier|rep|representative|guy|bloke|lady|woman|man|employee|manager|crew)';

export const PROBLEM_PATTERNS: ReadonlyArray<readonly [Exclude<Intent, 'question'>, string]> = [
  ['product_defect', [
    // German separable verbs put the particle at the clause end: "stürzt seit dem Update bei jeder Überweisung ab".
    `stürzt ${gap(8)}ab|bricht ${gap(8)}ab|fällt ${gap(8)}aus|hängt sich ${gap(2)}auf|friert ${gap(3)}ein`,
    'abgestürzt|abstürz*|ausgefallen|ausfällt|ausfallen|ausfall|ausfälle|aufgehängt|eingefroren',
    'kaputt*|defekt*|beschädigt|mangelhaft*|gerissen|zerbrochen|gesprungen|undicht|tropft|flimmert|flackert|den geist aufgegeben|ist hin',
    `(?:funktioniert|funktionieren|geht|gehen|läuft|laufen|lädt|startet|heizt|kühlt|saugt|schließt|öffnet|reagiert) ${gap(3)}(?:nicht|nicht mehr|nix|gar nix|gar nicht|kaum noch|nur noch)`,
    'lässt sich (?:nicht|nicht mehr) (?:einschalten|ausschalten|öffnen|schließen|starten|laden|bedienen)|(?:weiß*|schwarz*) bildschirm|(?:riss|risse|kratzer|delle|dellen) (?:im|in der|am|an der|hat)|(?:hat|haben|mit) (?:einen|einem|zwei|mehrere) (?:riss|kratzer|sprung)|(?:schraube|schrauben|teile|kabel|zubehör) (?:fehlt|fehlen)|fehl(?:t|en) (?:eine |ein |zwei |drei |die )?(?:schraube|schrauben|teile|kabel|zubehör)|fehlermeldung*|störung|störungen|kein (?:netz|internet|empfang|wlan|strom|signal|warmwasser)',
    '(?:komme|kommen|kommt man) (?:nicht|nicht mehr) (?:rein|ins konto|in die app)|reinkomme|(?:kann|können) (?:mich )?(?:nicht|nicht mehr) (?:einloggen|anmelden)',
    'stopped (?:working|heating|cooling|charging|turning on|loading|responding|connecting|spinning)|(?:won\'t|wont|doesn\'t|doesnt|does not|will not|can\'t|cant) (?:turn on|switch on|start|charge|load|open|close|heat|cool|connect|work|let me (?:log|sign) in)',
    'not working|damaged|broken|broke|cracked|snapped|shattered|leaking|leaks|faulty|defective|dead on arrival|crash*|freez*|glitch*|bugs?|error*|buffering|outage|(?:is|are|went|goes) down',
    // An app that throws the user out or hangs at one step, an update that broke something, a device that died or
    // smells of burning, a supply switched off; Swiss "gaht nüme".
    `(?:wirft|schmeißt|schmeisst|kickt) (?:mich|uns) ${gap(6)}raus|(?:[\\p{L}]+-)?(?:app|seite|website|kasse|terminal) ${gap(1)}(?:hängt|hing) ${gap(4)}(?:beim|bei der|bei|im)|zerschossen|(?:heizung|strom|wasser|warmwasser|internet|netz) ${gap(6)}(?:aus|abgestellt|abgeschaltet|abgedreht)(?![\\p{L}])|(?:gaht|goht|geit|gehd) ${gap(3)}(?:nüme|nümme|nöd|ned|nimma|nimmer)`,
    `(?:shut|switched|cut|turned) off (?:the |our |my )?(?:power|electricity|water|gas|heating|internet)|(?:shut|switched|cut|turned) (?:the |our |my )?(?:power|electricity|water|gas|heating|internet) off|(?:died|dead|packed in|gave up|stopped) after ${COUNT} (?:uses|days|weeks|months)|(?:won't|wont|doesn't|doesnt|will not|can't|cant) (?:load|scan|show|display|open|update|sync)|smells? (?:like|of) burning|caught fire|sparks? (?:came|coming) out`,
    // Supply cut: "keine Heizung", Austrian "ka Netz", "s Internet scho wieder weg", "no water since 6am".
    `(?:keine|ka|koa) (?:heizung|wärme|netz|internet|empfang|verbindung)|kein (?:wasser|gas)|(?:internet|netz|wlan|strom|wasser|heizung|empfang|verbindung) ${gap(1)}(?:ist |isch |is )?(?:scho |schon |schon wieder |scho wieder |wieder |komplett |ganz )?(?:weg|futsch|tot)`,
    'no (?:water|heating|hot water|gas|heat)|(?:wiped|deleted|lost) (?:my|our|all (?:my|our)) (?:files|data|photos|folder|work|emails|messages)|(?:sync|update) ' + gap(2) + '(?:wiped|deleted|lost)|logs? (?:me|us) out',
    'keeps (?:crashing|freezing|dropping|disconnecting|logging me out|restarting|buffering|cutting out)|logging me out|locked out|(?:signal|wifi|internet|connection|broadband|network) (?:is |has been |keeps )?(?:proper |completely |totally |still |just )?(?:dead|down|gone|dropping|cutting out)|no (?:signal|service|internet|wifi|power|connection)|(?:can\'t|cant|cannot|unable to) (?:log in|sign in|login|connect|send|make calls)',
    // Batteries that no longer last, installs stuck at a percentage, a process that failed, service that works only in one
    // place, food that came out wrong or with something in it, mould in a home: defects told without a defect word.
    `(?:battery|akku) ${gap(3)}(?:only lasts|lasts only|barely lasts|dies after|drains|hält nur|hält nicht|hält kaum|ist nach ${gap(2)}leer)|refus(?:es|ed|ing) to (?:install|load|start|open|work|connect|update|turn on|boot|charge|sync)|stuck at \\d+ ?%|(?:hängt|bleibt|steht) ${gap(1)}(?:bei|auf) \\d+ ?%`,
    `failed to (?:process|load|send|go through|transfer|update|save|sync|install|connect)|(?:funktioniert|funktionierte|geht|ging|läuft|lief|klappt|klappte) nur (?:in|im|am|an|auf|bei|mit) |(?:works|worked|working) only (?:in|on|at|with) `,
    `(?:war|waren|ist|sind) ${gap(2)}(?:lauwarm|versalzen|verbrannt|angebrannt|roh|zäh|matschig|verkocht|ungenießbar|abgelaufen|verschimmelt)(?![\\p{L}])|(?:was|were|is|are) ${gap(2)}(?:lukewarm|undercooked|raw|burnt|stale|soggy|inedible|expired|mouldy|moldy)(?![\\p{L}])`,
    `(?:glass|plastic|metal|a hair|hair|hairs|an insect|a bug|a fly|a screw|a stone|mould|mold) in (?:my|the|our|her|his|their) ${gap(1)}(?:food|meal|burger|nuggets|chips|fries|salad|pizza|sandwich|drink|coffee|soup|order|bread|cereal|yoghurt|yogurt|curry|rice)|(?:glas|glassplitter|plastik|metall|ein haar|haare|eine fliege|ein insekt|schimmel) (?:im|in der|in meinem|in meiner) ${gap(1)}(?:essen|salat|burger|brot|pizza|suppe|getränk|kaffee|müsli|joghurt|menü|gericht)|schimmel(?!käse)|mould (?:in|on|all over)|black mo(?:u)?ld|water damage|wasserschaden`,
  ].join('|')],
  ['delivery', [
    `(?:kam|kamen|kommt|kommen) ${gap(6)}(?:kalt|lauwarm|zu spät|verspätet|beschädigt|kaputt|nass|offen|falsch) an|(?:kalt|lauwarm|beschädigt|kaputt) (?:an)?gekommen`,
    '(?:nicht|nie|noch nicht|immer noch nicht) (?:angekommen|gekommen|geliefert|zugestellt|eingetroffen|abgeholt)|(?:kam|kommt|kamen) (?:nicht|nie)',
    `(?:liegt|lag|landet|landete) ${gap(3)}in der (?:filiale|packstation|postfiliale|abholstation)|nicht angetroffen|zustellversuch*`,
    `falsche (?:adresse|anschrift|lieferung|ware|bestellung|artikel|größe|farbe)|falsch geliefert|verschlampt|vertauscht|verloren|verspätet*|verspätung*|verzögert*|verzögerung*|lieferung verschiebt|${COUNT} (?:minuten|stunden|tage|wochen) zu spät|(?:z'|z’|z )spät|zspät`,
    `(?:koffer|gepäck|paket|päckchen|sendung|lieferung|bestellung|essen|pizza|getränk) ${gap(3)}(?:fehlt|fehlte|fehlen|weg|verschwunden|matschig)`,
    `(?:warte|warten|wartet|gewartet) ${gap(5)}auf (?:mein|meine|meinen|das|die|den|unser|unsere|ihr|ihren) ${gap(1)}(?:paket|päckchen|lieferung|bestellung|essen|pizza|sendung|ware|koffer|gepäck|sofa|möbel|termin)`,
    'never (?:arrived|came|turned up|showed up|got delivered)|(?:hasn\'t|hasnt|has not|haven\'t|have not|didn\'t|didnt|did not) (?:arrived|arrive|come|turned up|turn up|shown up|been delivered)|not (?:arrived|delivered|here|turned up)',
    '(?:marked|shows|showing|says) (?:as )?(?:delivered|arriving)|(?:arrived|came|turned up|showed up) ' + gap(4) + '(?:late|cold|soaked|wet|open)',
    '(?:stone|ice) cold|cold (?:food|burger|pizza|chips|fries|meal|curry)|(?:wrong|someone else\'s|somebody else\'s) (?:address|item|items|order|parcel|package|food)',
    'lost (?:my |our |the )?(?:parcel|package|bags?|luggage|suitcase|order|delivery)|(?:bags?|luggage|suitcase|suitcases) (?:left|lost|missing|went missing|still in|ended up)|missing (?:item|items|parcel|package|bags?|order)',
    // A bus that did not come, a missed-delivery card while someone was home, the wrong strength sent, lost in transit.
    `(?:[\\p{L}]*bus|zug|bahn|tram|fahrer|bote|techniker|monteur|taxi) ${gap(3)}(?:kam|kommt|kamen|ist) (?:einfach |schon wieder |wieder |gar )?(?:nicht|nie)(?: gekommen)?|(?:gelber |gelbe |eine |die )?(?:zettel|benachrichtigungskarte|karte) ${gap(6)}obwohl ${gap(6)}(?:zuhause|zu hause|daheim|daham|dahoam|da)|statt ${gap(6)}(?:geschickt|geliefert|bekommen)`,
    `lost in transit|(?:bus|train|driver|courier|engineer|technician) ${gap(2)}(?:never|didn't|didnt|did not) (?:came|come|show|showed|turn up|arrive)|(?:sent|gave) (?:me |us )?${gap(2)}instead of`,
    // The service itself not delivered: a train or flight cancelled by the company (not the customer cancelling).
    `(?:zug|züge|flug|flüge|bus|fähre|verbindung|fahrt|anschluss|sbb|ice|ic|railjet|s-bahn) ${gap(3)}(?:fällt|fiel|fallen|ist|wurde|wird|sind) ${gap(2)}(?:aus|ausgefallen|gestrichen|annulliert)|(?:flug|zug|verbindung|fahrt) ${gap(3)}(?:gestrichen|annulliert)|(?:sitze|sitzen|stecke|stecken|hänge|hängen) ${gap(5)}fest`,
    `(?:train|trains|flight|flights|bus|ferry|service|connection) ${gap(4)}(?:cancelled|canceled|axed|scrapped|terminated)|cancell?ed (?:my|our|the) (?:flight|train|trip|connection|booking)|stranded|stuck at (?:the )?(?:airport|station|gate)`,
    `(?:sent|gave|delivered|shipped) (?:me |us |my [\\p{L}]+ )?(?:the )?wrong|falsche (?:dosierung|dosis|packung|medikament*)|(?:geschickt|geliefert) ${gap(3)}statt|(?:being prepared|in bearbeitung|in progress|processing) for ${COUNT} (?:days|weeks)|(?:seit|since) ${COUNT} (?:tagen|wochen|days|weeks) (?:in bearbeitung|unterwegs|in transit|being prepared)|(?:hängt|hängen|steckt|stecken|stuck) ${gap(4)}(?:bei|at|with|in) (?:dhl|dpd|hermes|gls|ups|fedex|customs|zoll|der post|royal mail|evri)`,
    `delay*|late delivery|${COUNT} (?:mins|minutes|hours|hrs|days|weeks) late|(?:arriving|arrive|delivered) in ${COUNT} (?:weeks|months)|(?:waiting|waited) ${gap(4)}for (?:my|the|our|a|an) ${gap(1)}(?:parcel|package|order|delivery|food|burger|pizza|bed|sofa|bags?|luggage)`,
  ].join('|')],
  ['billing', [
    'abgebucht|abbuchung*|zurückbuch*|zurückerstatt*|nie gebucht|nachzahlung*|preiserhöhung*|mahnung*|inkasso*|mahngebühr*',
    `rechnung ${gap(3)}(?:falsch|fehlerhaft|zu hoch|höher|doppelt)|falsche (?:rechnung|abrechnung|abbuchung)|zu viel (?:berechnet|abgebucht|bezahlt|verlangt)|doppelt (?:abgebucht|berechnet|bezahlt|kassiert)`,
    `(?:preis|preise|abschlag|abschlagszahlung|beitrag|beiträge|gebühr|gebühren|grundgebühr|tarif) ${gap(4)}(?:erhöht|verdoppelt|gestiegen|angehoben)|erhöht ${gap(6)}(?:preis|preise|abschlag|beitrag|beiträge|gebühr|gebühren)`,
    `(?:buchen|bucht) ${gap(4)}ab|(?:weiter|trotzdem|immer noch) (?:abgebucht|abbuchen|kassiert|berechnet)|nimmt ${gap(1)}[\\p{N}]+(?:[,.][\\p{N}]+)?`,
    `(?:entschädigung|erstattung|rückerstattung|geld|gutschrift) ${gap(4)}(?:verweigert|abgelehnt|nicht (?:gezahlt|bezahlt|überwiesen|erstattet)|nie (?:gezahlt|bezahlt|überwiesen|angekommen))|verweigert ${gap(2)}(?:die |eine )?(?:entschädigung|erstattung)|(?:überweisung|zahlung|geld|lastschrift) ${gap(4)}(?:hängt|hängen|verschwunden|weg|nicht angekommen|zurückgebucht)|säumniszuschl*|zuschlag|zuschläge|mahnspesen`,
    `(?:lehnt|lehnte|lehnen) ${gap(4)}(?:schaden|antrag|erstattung|kostenübernahme|forderung|leistung|klage|reklamation) ${gap(3)}ab|(?:schaden|antrag|erstattung|kostenübernahme|leistung) ${gap(2)}abgelehnt|erstattung ${gap(2)}(?:leider )?(?:nicht möglich|ausgeschlossen)|(?:geld|betrag|erstattung) ${gap(4)}(?:immer noch|noch immer|noch) nicht (?:zurück|da|erstattet|gutgeschrieben|auf dem konto)`,
    `(?:verweigern|verweigert|verweigerte|verweigerten) ${gap(4)}(?:auszahlung|rückzahlung|erstattung|gutschrift|überweisung|zahlung)|(?:withhold|withholding|withheld|refus(?:e|es|ed|ing) to (?:pay out|release|return|refund)) ${gap(3)}(?:money|funds|savings|deposit|payout|balance)`,
    `(?:denied|rejected|declined|refused) (?:my |our |the )?(?:claim|refund|compensation|reimbursement)|(?:claim|refund) ${gap(2)}(?:denied|rejected|declined|refused)`,
    `(?:compensation|refund|chargeback|money|payout) ${gap(4)}(?:refused|denied|rejected|never|still (?:nothing|not|hasn't|pending)|not (?:paid|received))|(?:hasn't|hasnt|has not|haven't|never|still not|yet to) (?:paid|refunded|reimbursed)(?: (?:me|us|the|my|our))?|back-?bill(?:ed|ing)?|chargeback`,
    'charg(?:ed|ing|es) (?:me|us|my|our)|(?:stop|keep|keeps|still) (?:charging|billing|taking|debiting)|overcharg*|double charged|charged (?:twice|double|again)',
    `(?:took|taken|taking|take) (?:${COUNT}|another|my|our) (?:payments?|money)|refund (?:still |is |was )?(?:owed|due|pending|missing|never|not)|(?:still|never) (?:got|received|had) (?:my |a |the )?refund|no refund`,
    `(?:bill|price|prices|direct debit|payment|premium|tariff|fees?) ${gap(3)}(?:went up|goes up|going up|up from|increased|doubled|hiked)|put (?:my |our |the )?${gap(2)}up (?:from|to|by)|price (?:hike|rise|increase)|wrong (?:bill|amount|charge)|hidden (?:fee|fees|charges)|late fee|debt collect*`,
  ].join('|')],
  ['support_unreachable', [
    'keine (?:einzige )?(?:antwort|rückmeldung|reaktion|rückruf)|(?:nie|kaum) (?:durch|durchgekommen|erreichbar)|nicht (?:durchgekommen|erreichbar)',
    `(?:niemand|keiner|kein mensch|keine sau) ${gap(2)}(?:geht ran|meldet sich|antwortet|erreichbar|zuständig|ruft zurück|hebt ab)|(?:irgendwer|irgendjemand|jemand) ${gap(2)}erreichbar`,
    `weiterverbunden|(?:verbindet|verbinden) ${gap(2)}weiter|vertröstet|textbaustein*|chatbot*|bandansage*|warteschleife*|(?:geht|gehen|geh) ${gap(3)}ans telefon`,
    `(?:zum )?(?:(?:\\d+\\.?|zweiten|dritten|vierten|fünften|x-ten) ?mal|zweimal|dreimal|viermal|fünfmal|x-mal|mehrfach|mehrmals) ${gap(3)}(?:angerufen|geschrieben|gemailt|nachgefragt|geschickt|eingereicht|erklärt)|${COUNT} ?(?:x|mal|mails|e-mails|anrufe) ${gap(3)}(?:angerufen|geschrieben|gemailt)`,
    `(?:warte|warten|gewartet) ${gap(4)}auf (?:eine |ihre |eure |die )?(?:antwort|rückmeldung|rückruf)|auf (?:eine |ihre |eure |die )?antwort gewartet|meldet sich (?:nicht|nie|keiner|niemand)`,
    `no (?:reply|response|answer|call ?back)|(?:nobody|no one|noone|no-one) ${gap(1)}(?:picked up|picks up|answers|answered|replies|replied|responds|responded|gets back|got back|called back|at the desk|working)`,
    `(?:still )?waiting (?:on|for) (?:a |any |their |your )?(?:reply|response|answer|callback|call back)|waiting for (?:[\\p{L}\\p{N}@_]+ ){1,2}to (?:reply|respond|answer|call)`,
    `(?:emailed|called|messaged|rang|phoned|dmed|dm'd|wrote to) ${gap(3)}${COUNT} times|${COUNT} (?:emails|calls|messages|dms)|(?:won't|wont|doesn't|never) (?:reply|respond|answer|call back)`,
    `(?:hotline|notdienst|kundendienst|kundenservice|service|support|shop|händler|filiale|verkäufer) ${gap(3)}(?:geht nicht ran|geht keiner ran|antwortet (?:nicht|nicht mehr|nie)|meldet sich (?:nicht|nie)|reagiert (?:nicht|nie))|(?:niemand|keiner|koaner|kaner) (?:am|an der|im) (?:schalter|telefon|counter|service)|(?:ruft|rufen) ${gap(2)}(?:zruck|zurück) ${gap(1)}(?:an)?`,
    `(?:braucht|brauchen|dauert) ${gap(3)}(?:${COUNT}|mehrere|viele) (?:wochen|monate) ${gap(3)}(?:für )?(?:eine |die )?(?:antwort|entscheidung|bearbeitung|rückmeldung)|seit ${COUNT} (?:wochen|monaten) (?:[\\p{L}"„“]+ ){0,2}(?:in prüfung|in bearbeitung)|(?:app|they|it) (?:just |only )?says? (?:["“]?we're|["“]?we are) (?:reviewing|looking into)`,
    `copy-?paste|(?:same|generic|canned|scripted) (?:replies|responses|answers|reply|response)|(?:is|are) (?:anyone|anybody|someone) ${gap(2)}(?:actually )?(?:going to|gonna|ever going to) (?:answer|reply|respond|get back)|(?:support|customer service|they) (?:just |only )?(?:sends?|keeps? sending) (?:me )?(?:copy|the same|generic|canned)`,
    'auto-?reply|automated (?:reply|response)|recorded message|chat ?bots?|bot keeps|on hold|hold music|(?:can\'t|cant|cannot|couldn\'t|unable to) (?:reach|contact|get through|get hold of|speak to|talk to)|ignor(?:ed|ing) (?:me|us|my)',
  ].join('|')],
  ['staff_behaviour', [
    'unfreundlich*|angepampt|angeschnauzt|angemotzt|angeblafft|angeschrien|angebrüllt|angepöbelt|ausgelacht|beleidigt|pampig*|patzig*|grantler|grantig|herablassend|von oben herab|respektlos|unhöflich|aufgelegt',
    `(?:behandelt|behandeln) ${gap(3)}(?:wie|als)|ohne ein (?:wort|gruß|hallo)|augen verdreht|${STAFF_DE} ${gap(6)}(?:geworfen|geschmissen|geknallt|ignoriert|angeschnauzt|angemotzt|angeschrien|unfreundlich|frech)`,
    `(?:[\\p{L}]+-)?(?:bote|fahrer|fahrerin|kurier|zusteller|zustellerin|mitarbeiter) ${gap(4)}(?:über den [\\p{L}]*zaun|in die hecke|vor die tür) ${gap(1)}(?:geworfen|geschmissen|gepfeffert)|(?:${STAFF_EN}|gate agent) ${gap(3)}(?:actually |just )?(?:laughed|roared|shouted|yelled|screamed|swore|smirked)`,
    `(?:aufgeschwatzt|aufschwatzen|aufgequatscht|angedreht|untergejubelt)|${STAFF_EN} ${gap(4)}on (?:his|her|their) phone|${STAFF_DE} ${gap(4)}(?:am handy|telefoniert)|(?:so|very|really) condescending|mis-?sold|pushy`,
    'rude*|rolled (?:her|his|their) eyes|eye-?roll*|eye roll*|attitude|condescending|patronis*|patroniz*|unprofessional|unhelpful|impolite|hung up (?:on )?(?:me|us)',
    `(?:laughed|shouted|yelled|swore|screamed|sneered|snapped) at (?:me|us)|told (?:me|us) to ${gap(2)}(?:figure|sort|deal|go away|shut|calm|get lost)|treated (?:me|us) like|${STAFF_EN} ${gap(5)}(?:chucked|threw|thrown|dumped|kicked|ignored me|refused)`,
  ].join('|')],
];
