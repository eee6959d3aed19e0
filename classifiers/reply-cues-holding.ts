/**
 * Holding replies classifiers/reply-cues.ts did not know (QA round 6: each of these closed a complaint as if it
 * had been answered). All are `auto_reply`: the brand acknowledges and still owes the answer, so the SLA clock
 * keeps running. As with every holding phrase, substance in the same reply makes it an answer ("Die Kollegen sind
 * informiert, der Techniker kommt morgen zwischen 8 und 12 Uhr").
 */
import { APOS, p, type ReplyPattern, rx, W, WG } from './reply-pattern.ts';

/** The rest of the clause: a holding phrase's object and time ("… first thing tomorrow") say nothing new. */
const REST = '[^.!?,;:]{0,40}';
/** Weekdays as office hours give them: "Mo–Fr", "Mo.-Fr.", "montags bis freitags", "werktags", with the hours after them. */
const HOURS_DE = String.raw`(?:(?:von|zwischen|ab)\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:uhr\s*)?(?:-|–|—|bis|und)\s*\d{1,2}(?:[:.]\d\d)?(?:\s*uhr)?`;
const DAYS_DE = String.raw`(?:mo(?:ntag)?s?\.?\s*(?:-|–|—|bis)\s*(?:fr(?:eitag)?|sa(?:mstag)?|so(?:nntag)?)s?\.?|montags?\s+bis\s+(?:freitags?|samstags?)|werktags|wochentags|an\s+werktagen)(?:\s*,?\s*${HOURS_DE})?`;
const HOURS_EN = String.raw`(?:(?:from|between)\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)?\s*(?:-|–|—|to|and|until|till)\s*\d{1,2}(?:[:.]\d\d)?(?:\s*(?:am|pm))?`;
const DAYS_EN = String.raw`(?:mon(?:day)?s?\.?\s*(?:-|–|—|to|through|thru)\s*(?:fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?\.?|(?:on\s+)?weekdays|(?:seven|7)\s+days\s+a\s+week)(?:\s*,?\s*${HOURS_EN})?`;
/** When a team is away: "am Wochenende", "an Feiertagen", "derzeit". */
const ABSENT_WHEN_DE = String.raw`(?:am\s+wochenende|an\s+(?:sonn-?\s*und\s+)?feiertagen|samstags|sonntags|nachts|heute|derzeit|zurzeit|gerade|aktuell|momentan|über\s+(?:die\s+feiertage|ostern|weihnachten|pfingsten))`;
/** The day a promised answer comes: "ab Montag", "nach dem Wochenende", "first thing Monday". */
const LATER_DE = String.raw`montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|morgen|übermorgen|wochenende|feiertag(?:en)?|werktag`;
/** "ab Montag 8 Uhr", "am Dienstag früh", "nach dem Wochenende". */
const FROM_DAY_DE = String.raw`(?:ab|am|nach\s+dem|nach|bis)\s+(?:${LATER_DE})(?:\s+(?:früh|morgen|vormittag))?(?:\s+(?:ab|um|gegen)?\s*\d{1,2}(?:[:.]\d\d)?\s*uhr)?`;
const LATER_EN = String.raw`monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the\s+weekend|the\s+next\s+working\s+day|the\s+next\s+business\s+day`;
/** Whoever the brand says will act: "we", "I", "our team", "someone", "a member of our team". */
const WE_EN = String.raw`(?:we|i|(?:our|the)\s+(?:[a-z-]+\s+){0,2}?(?:team|agents?|colleagues|experts|specialists)|someone|somebody|a\s+member\s+of\s+(?:our|the)\s+(?:[a-z-]+\s+)?team|one\s+of\s+(?:our|the)\s+(?:[a-z-]+\s+)?(?:agents|team(?:\s+members)?|advisors|advisers|experts|colleagues))`;
const WILL = `(?:${APOS}ll|\\s+will|\\s+shall|\\s+(?:is|are)\\s+going\\s+to)`;
const PRIVATE_EN = String.raw`(?:dms?|direct\s+messages?|private\s+messages?|pms?|e-?mail|inbox)`;
const PRIVATE_DE = String.raw`(?:dm|pn|privatnachricht|direktnachricht)`;

export const HOLDING_PATTERNS: readonly ReplyPattern[] = [
  // "Leave it with us!", "Hang tight!", "we've got this": the case is taken, nothing is said about it yet.
  p('auto_reply', 'en', 'leave it with us', 3, rx(
    String.raw`\bleave\s+(?:it|this|that|everything)\s+with\s+(?:us|me)\b`,
    String.raw`\b(?:hang|sit|hold)\s+tight\b`,
    String.raw`\b(?:we|i)(?:${APOS}ve|\s+have)\s+got\s+(?:this|it|you)\b`,
    String.raw`\b(?:we${APOS}re|we\s+are|i${APOS}m|i\s+am)\s+on\s+the\s+case\b`,
    // "We'll check with the airport and get back to you": someone else is asked, the customer is not answered.
    String.raw`\b(?:we|i)${WILL}\s+(?:double-?\s?)?(?:check|speak|talk|liaise|follow\s+(?:this\s+|it\s+)?up)\s+(?:with|to)\s+(?:the|our|your)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\b${REST}`,
    String.raw`\b(?:we|i)${WILL}\s+(?:get\s+(?:this|it|that)\s+sorted|sort\s+(?:this|it|that)(?:\s+out)?)(?:\s+for\s+you)?(?:\s+(?:asap|shortly|soon|as\s+soon\s+as\s+(?:possible|we\s+can)))?`,
  )),
  // "Die Kollegen sind informiert", "I've let the team know": told someone, answered nobody.
  p('auto_reply', 'de', 'Kollegen sind informiert', 3, rx(
    String.raw`(?:kolleg\S*|team|fachabteilung|abteilung|techniker\S*|technik|zuständigen|verantwortlichen|leitstelle|werkstatt)\s+(?:${W}\s+){0,2}?(?:ist|sind|wurde|wurden)\s+(?:bereits\s+|schon\s+|jetzt\s+|nun\s+|sofort\s+|umgehend\s+)?(?:informiert|benachrichtigt|verständigt|alarmiert|eingeschaltet|im\s+bilde)\b`,
    String.raw`\b(?:wir\s+haben|haben\s+wir|ich\s+habe|habe\s+ich)\s+(?:${W}\s+){0,3}?(?:kolleg\S*|team|fachabteilung|abteilung|techniker\S*|technik|zuständigen|werkstatt)\s+(?:${W}\s+){0,2}?(?:informiert|benachrichtigt|verständigt|alarmiert|eingeschaltet|bescheid\s+gegeben)\b`,
  )),
  p('auto_reply', 'en', 'the team has been informed', 3, rx(
    String.raw`\b(?:team|colleagues|engineers?|department|crew|staff)\s+(?:has|have)\s+(?:now\s+|already\s+)?been\s+(?:informed|notified|alerted|told|made\s+aware)\b`,
    String.raw`\b(?:we|i)(?:${APOS}ve|\s+have)\s+(?:now\s+|just\s+|already\s+)?(?:let|told|informed|notified|alerted|made)\s+(?:the|our)\s+(?:[a-z-]+\s+){0,2}?(?:team|colleagues|engineers?|department|crew|staff)(?:\s+(?:know|aware))?\b`,
  )),
  // "Wir geben Bescheid, sobald wir mehr wissen", "we'll update you once we know more". Not "Sagen Sie uns Bescheid".
  p('auto_reply', 'de', 'Bescheid, sobald wir mehr wissen', 3, rx(
    String.raw`\b(?:wir\s+)?(?:geben|sagen)\s+(?:(?:dir|ihnen|euch)\s+)?(?:(?:sofort|gleich|gerne?|umgehend|dann|direkt|natürlich|auf\s+jeden\s+fall)\s+)*bescheid\b${REST}`,
    String.raw`\bsobald\s+(?:wir|es)\s+(?:${W}\s+){0,2}?(?:mehr|neues|neuigkeiten|näheres|infos|informationen)\b${REST}`,
    // Someone else must learn more first: "sobald die Kollegen aus der IT mehr wissen" (QA round 7).
    String.raw`\bsobald\s+(?:die|der|das|unsere?|den)\s+(?:${WG}\s+){0,4}?(?:mehr|neues|neuigkeiten|näheres|etwas|rückmeldung)\s+(?:${W}\s+){0,2}?(?:wissen|weiß|haben|hat|gibt|vorliegt|vorliegen|melden|meldet|sagen|sagt)\b${REST}`,
  )),
  p('auto_reply', 'en', 'once we know more', 2, /\b(?:once|when|as\s+soon\s+as)\s+we\s+(?:know|hear|have)\s+(?:anything\s+)?(?:more|back|an\s+update|news)\b/),
  // Acknowledgement: "Danke für dein Feedback! Wir nehmen das mit", "ist notiert", "we've noted your feedback".
  p('auto_reply', 'de', 'wir nehmen das mit / notiert', 2.5, rx(
    String.raw`\b(?:wir\s+)?nehmen\s+(?:wir\s+)?(?:das|dies|es|den\s+hinweis|deinen\s+hinweis|ihren\s+hinweis|dein\s+feedback|ihr\s+feedback|deine\s+anregung|ihre\s+anregung|die\s+kritik|deine\s+kritik|ihre\s+kritik)\s+(?:${W}\s+){0,2}?(?:mit|auf|ernst)\b`,
    String.raw`(?<![a-zäöüß])(?:ist|sind|wurde|haben\s+wir\s+(?:uns\s+)?|habe\s+ich\s+(?:mir\s+)?)\s*(?:${W}\s+)?notiert\b`,
  )),
  p('auto_reply', 'en', 'noted', 2.5, rx(
    String.raw`\b(?:we|i)(?:${APOS}ve|\s+have)\s+(?:now\s+|duly\s+)?(?:noted|logged|recorded)\s+(?:this|that|it|your\s+(?:[a-z]+\s+)?(?:feedback|comments?|concerns?|suggestion|complaint))\b`,
    String.raw`\b(?:we${APOS}ll|we\s+will)\s+(?:take\s+(?:this|that|it|your\s+feedback)\s+on\s+board|feed\s+(?:this|that|it)\s+back)\b`,
    String.raw`(?:^|[\s.!])noted[.!]`,
  )),
  // A promise to answer later: "We'll get to your message first thing tomorrow" (an out-of-hours notice at 23:01),
  // "sobald wir wieder erreichbar sind", "ab 8 Uhr sind wir wieder für dich da".
  p('auto_reply', 'en', 'get to your message tomorrow', 3, rx(
    String.raw`\b${WE_EN}${WILL}\s+(?:[a-z]+\s+)?get\s+(?:to|round\s+to|around\s+to)\s+(?:your\s+(?:message|dm|tweet|query|question|request|case|comment)|you|it|this|everyone|each\s+(?:one|of\s+you))\b${REST}`,
    String.raw`\bfirst\s+thing\s+(?:tomorrow|in\s+the\s+morning|on\s+monday|monday)\b`,
    String.raw`\bwhen\s+(?:we${APOS}re|we\s+are|the\s+team\s+(?:is|are)|our\s+team\s+(?:is|are))\s+back\b${REST}`,
  )),
  p('auto_reply', 'de', 'wieder für dich da', 3, rx(
    String.raw`\bsobald\s+wir\s+(?:${W}\s+){0,2}?wieder\s+(?:erreichbar|online|da|im\s+büro|besetzt)\b${REST}`,
    // The hour it starts at belongs to the promise: "Ab 8 Uhr sind wir wieder für dich da".
    String.raw`(?:\b(?:ab|um|morgen|montag|früh)\s+(?:\d{1,2}(?:[:.]\d\d)?\s*uhr\s+|${W}\s+){0,2})?\b(?:sind|ist)\s+(?:wir|das\s+team|unser\s+team)\s+(?:(?:ab|um|morgen|montag|früh|gleich)\s+(?:\d{1,2}(?:[:.]\d\d)?\s+uhr\s+|${W}\s+)?){0,2}wieder\s+(?:für\s+(?:dich|sie|euch)\s+da|erreichbar|online|da)\b`,
    // About to answer, in a moment (QA round 7: "Wir sind gleich für dich da"), and the English "be right with you".
    String.raw`\b(?:wir\s+sind|sind\s+wir|ich\s+bin|bin\s+ich|(?:das|unser)\s+team\s+ist)\s+(?:(?:auch|aber|dann|schon)\s+)?(?:gleich|sofort|bald|umgehend|in\s+kürze|in\s+wenigen\s+minuten|so\s+schnell\s+wie\s+möglich|schnellstmöglich|zeitnah)\s+(?:wieder\s+)?(?:für\s+(?:dich|sie|euch)\s+da|bei\s+(?:dir|ihnen|euch))\b`,
    String.raw`\b(?:einen|ein)\s+(?:kleinen\s+)?moment\s+(?:bitte|noch)\b`,
  )),
  p('auto_reply', 'en', 'be right with you', 3, rx(
    String.raw`\b(?:we${APOS}ll|we\s+will|i${APOS}ll|i\s+will|someone${APOS}ll|someone\s+will)\s+be\s+(?:right\s+)?with\s+you\s+(?:shortly|soon|in\s+a\s+(?:moment|minute|mo|sec|second|bit|few\s+minutes)|right\s+away|as\s+soon\s+as\s+(?:we\s+can|possible))\b`,
    String.raw`\b(?:we${APOS}ll|we\s+will|i${APOS}ll|i\s+will)\s+be\s+right\s+with\s+you\b`,
    String.raw`\bone\s+moment,?\s+please\b|\bjust\s+a\s+moment\b`,
  )),
  // Object first: "Das schauen wir uns an", "Das prüfen wir gleich", "Den Fall klären wir" (QA round 7; "Wir schauen
  // uns das an" is the word order of 'wir prüfen das'). "Das sehen wir anders" disagrees and is no promise.
  p('auto_reply', 'de', 'das schauen wir uns an', 3, rx(
    String.raw`(?<![a-zäöüß])(?:das|dies|es|den\s+fall|deinen\s+fall|ihren\s+fall|dein\s+anliegen|ihr\s+anliegen|die\s+sache|der\s+sache|dem)\s+(?:schauen|sehen|gucken)\s+wir\s+uns\s+(?:${W}\s+){0,3}?an\b`,
    String.raw`(?<![a-zäöüß])(?:das|dies|es|den\s+fall|deinen\s+fall|ihren\s+fall|dein\s+anliegen|ihr\s+anliegen|die\s+sache)\s+(?:prüfen|checken|klären|untersuchen|kontrollieren|recherchieren)\s+wir\b${REST}`,
    String.raw`\b(?:da|danach)\s+(?:schauen|sehen|gucken|fragen|hören)\s+wir\s+(?:${W}\s+){0,3}?nach\b`,
    String.raw`\b(?:ich\s+schaue\s+mir|schaue\s+ich\s+mir|ich\s+sehe\s+mir|ich\s+prüfe|ich\s+kläre|ich\s+kümmere\s+mich|ich\s+gehe)\s+(?:${W}\s+){0,4}?(?:an|nach|darum|das|es)\b${REST}`,
    String.raw`\bwir\s+gehen\s+(?:dem|der\s+sache|dieser\s+sache|dem\s+hinweis|deinem\s+hinweis|ihrem\s+hinweis)\s+(?:${W}\s+){0,2}?nach\b`,
  )),
  // A promise to call (QA round 7: "wir rufen dich heute noch an, versprochen"): nothing is answered until the call.
  p('auto_reply', 'de', 'wir rufen dich an', 3, rx(
    String.raw`\b(?:wir|ich|kolleg\S*|team|techniker\S*|berater\S*|jemand)\s+(?:${W}\s+){0,2}?(?:rufen|rufe|ruft)\s+(?:dich|sie|euch)\s+(?:${W}\s+|\d{1,2}(?:[:.]\d\d)?\s+){0,6}?(?:an|zurück)\b${REST}`,
    String.raw`\b(?:du\s+bekommst|sie\s+bekommen|ihr\s+bekommt|du\s+erhältst|sie\s+erhalten)\s+(?:${W}\s+){0,4}?(?:einen\s+)?(?:anruf|rückruf)\b${REST}`,
    String.raw`\b(?:wir|ich)\s+(?:melden\s+uns|melde\s+mich)\s+(?:${W}\s+){0,3}?telefonisch\b${REST}`,
  )),
  p('auto_reply', 'en', "we'll call you", 3, rx(
    String.raw`\b${WE_EN}${WILL}\s+(?:[a-z]+\s+)?(?:call|ring|phone)\s+you(?:\s+back)?\b${REST}`,
    String.raw`\b${WE_EN}${WILL}\s+(?:[a-z]+\s+)?give\s+you\s+a\s+(?:call|ring|bell)(?:\s+back)?\b${REST}`,
    String.raw`\byou${WILL}\s+(?:get|receive)\s+a\s+(?:call|callback|call\s+back|phone\s+call)\b${REST}`,
  )),
  // "We'll pass this on to the depot manager" (QA round 7): the promise of 'passed on to the team', not yet done.
  p('auto_reply', 'en', "we'll pass this on", 3, rx(
    String.raw`\b${WE_EN}${WILL}\s+(?:(?:now|also|certainly|definitely)\s+)?(?:pass|forward|escalate|refer|raise|flag|feed)\s+(?:this|it|that|your\s+(?:[a-z]+\s+)?(?:message|case|complaint|feedback|comments?|concerns?|details))\s+(?:on\s+|back\s+|up\s+)?(?:to|with)\s+(?:the|our|a|your)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\b${REST}`,
  )),
  // Many comments at once, answered one after another: a page-wide holding post ("erreichen uns aktuell sehr
  // viele Schadenmeldungen. Wir bearbeiten alle der Reihe nach.") answers none of the customers waiting under it.
  p('auto_reply', 'de', 'der Reihe nach', 3, rx(
    String.raw`(?:(?:wegen|aufgrund|durch|nach)\s+(?:${W}\s+){1,3}?)?(?:erreichen|erreicht|bekommen|erhalten)\s+(?:uns|wir)\s+(?:${W}\s+){0,3}?(?:sehr\s+|extrem\s+|außergewöhnlich\s+|ungewöhnlich\s+|besonders\s+|enorm\s+|unglaublich\s+)?viele[rn]?\s+${W}`,
    String.raw`\b(?:sehr|extrem|außergewöhnlich|ungewöhnlich|besonders|enorm)\s+viele[rn]?\s+[a-zäöüß]*(?:meldungen|anfragen|nachrichten|anrufe|mails|zuschriften|kommentare|rückfragen|beschwerden|anliegen|fälle)\b`,
    String.raw`\b(?:ansturm|flut|welle)\s+(?:an|von)\s+[a-zäöüß]*(?:meldungen|anfragen|nachrichten|anrufen|mails|zuschriften)\b`,
    String.raw`\bder\s+reihe\s+nach\b`,
    String.raw`\b(?:nach|in\s+der\s+reihenfolge\s+(?:des|ihres|ihrer|der))\s+eingangs?\b`,
    String.raw`\bnach\s+und\s+nach\b`,
    String.raw`\bwir\s+bearbeiten\s+(?:alle|jede[ns]?)\b${REST}`,
  )),
  p('auto_reply', 'en', 'one by one', 3, rx(
    String.raw`\b(?:a\s+lot\s+of|lots\s+of|so\s+many|a\s+large\s+number\s+of|an\s+unusually\s+(?:high|large)\s+number\s+of)\s+(?:messages|enquiries|inquiries|requests|calls|claims|reports|dms|tweets|comments|questions)\b${REST}`,
    String.raw`\bin\s+(?:the\s+)?order\s+of\s+(?:receipt|arrival)\b`,
    String.raw`\bone\s+by\s+one\b`,
    String.raw`\bworking\s+(?:our\s+way\s+)?through\s+(?:them|all|every|each|the\s+(?:queue|backlog|messages|claims|comments))\b${REST}`,
  )),
  // "We'll DM you shortly", "A member of our team will reply via DM", "Wir melden uns per DM bei dir": an answer
  // promised in private, none given; holding, unless the reply also asks the customer to write first (DM_PROMISE_CUES).
  p('auto_reply', 'en', "we'll DM you", 3, rx(
    String.raw`\b${WE_EN}${WILL}\s+(?:(?:now|just|shortly|soon|quickly)\s+)?(?:dm|pm|direct\s+message|message|e-?mail)\s+you\b${REST}`,
    String.raw`\b${WE_EN}${WILL}\s+(?:(?:now|just|shortly|soon|quickly)\s+)?(?:send|drop|pop|fire\s+over)\s+you\s+(?:a|an)\s+(?:quick\s+)?(?:dm|pm|direct\s+message|private\s+message|message|e-?mail|line)\b${REST}`,
    String.raw`\b${WE_EN}${WILL}\s+(?:[a-z]+\s+)?(?:reply|respond|get\s+back\s+to\s+you|be\s+in\s+touch|follow\s+up|reach\s+out(?:\s+to\s+you)?)\s+(?:to\s+you\s+)?(?:via|in|by|over)\s+(?:a\s+)?${PRIVATE_EN}\b${REST}`,
  )),
  p('auto_reply', 'de', 'wir melden uns per DM', 3, rx(
    String.raw`\b(?:wir|ich|kolleg\S*|team)\s+(?:${W}\s+){0,2}?(?:melden\s+uns|melde\s+mich|meldet\s+sich|melden\s+sich|schreiben|schreibe|schicken|schicke)\s+(?:${W}\s+){0,3}?(?:per|als|via|eine?)\s+${PRIVATE_DE}\b${REST}`,
  )),
  // Office-hours notices (QA round 8): "Unser Team antwortet dir Mo–Fr zwischen 8 und 18 Uhr", "Unser Social-Media-Team
  // ist werktags von 8 bis 17 Uhr für dich da", "Our team replies Mon–Fri, 9am–6pm". The hours are when an answer may
  // come, not an answer. Who is reachable must be the brand's team answering here ("wir", "unser Team"): "Die Hotline
  // ist Mo–Fr von 8 bis 18 Uhr erreichbar" answers the customer who asked when it is (reply-channel-question.ts).
  p('auto_reply', 'de', 'Servicezeiten des Teams', 3, rx(
    String.raw`\b(?:wir|unser\s+(?:${W}-)*team|das\s+(?:${W}-)*team)\s+(?:${W}\s+){0,3}?(?:antwortet|antworten|ist|sind|arbeitet|arbeiten)\s+(?:${W}\s+){0,3}?${DAYS_DE}${REST}`,
    String.raw`${DAYS_DE}\s+(?:${HOURS_DE}\s+)?(?:antwortet|antworten\s+wir|sind\s+wir|ist\s+(?:unser|das)\s+(?:${W}-)*team)${REST}`,
    String.raw`\b(?:unsere\s+)?(?:service|antwort|bearbeitungs|social-?media-?)zeiten\s*(?::|sind)?\s*${DAYS_DE}${REST}`,
  )),
  p('auto_reply', 'en', 'team hours', 3, rx(
    String.raw`\b(?:we|our\s+(?:[a-z-]+\s+){0,2}?team|the\s+(?:[a-z-]+\s+){0,2}?team)(?:${APOS}re|\s+are|\s+is|\s+reply|\s+replies|\s+respond|\s+responds|\s+answer|\s+answers|\s+work|\s+works)\s+(?:[a-z]+\s+){0,3}?${DAYS_EN}${REST}`,
    String.raw`\b(?:our\s+)?(?:support|service|social\s+media|response)\s+hours\s+(?:are\s+)?:?\s*${DAYS_EN}${REST}`,
  )),
  // Not there now: "Am Wochenende sind wir nicht erreichbar", "We're offline over the weekend", and the promise that
  // goes with it, whose day and hour are no appointment: "Wir melden uns ab Montag 8 Uhr bei dir".
  p('auto_reply', 'de', 'gerade nicht erreichbar', 3, rx(
    String.raw`(?<![a-zäöüß])${ABSENT_WHEN_DE}\s+(?:sind\s+wir|ist\s+(?:unser|das)\s+(?:${W}-)*team)\s+(?:leider\s+|auch\s+)?nicht\s+(?:erreichbar|besetzt|online|im\s+dienst|da)\b`,
    String.raw`\b(?:wir\s+sind|(?:unser|das)\s+(?:${W}-)*team\s+ist)\s+(?:leider\s+)?${ABSENT_WHEN_DE}\s+(?:leider\s+)?nicht\s+(?:erreichbar|besetzt|online|im\s+dienst|da)\b`,
    String.raw`\b(?:wir|das\s+team|unser\s+team)\s+(?:melden\s+uns|meldet\s+sich|antworten|antwortet)\s+(?:(?:dann|wieder|gerne?|gern)\s+)*${FROM_DAY_DE}(?:\s+bei\s+(?:dir|ihnen|euch))?`,
    String.raw`\b(?:wir\s+sind|(?:unser|das)\s+team\s+ist)\s+${FROM_DAY_DE}\s+wieder\s+(?:für\s+(?:dich|sie|euch)\s+da|erreichbar|online|da)\b`,
  )),
  p('auto_reply', 'en', 'offline right now', 3, rx(
    String.raw`\b(?:we${APOS}re|we\s+are|(?:our|the)\s+(?:[a-z-]+\s+){0,2}?team\s+is)\s+(?:currently\s+|now\s+)?(?:offline|away|unavailable|not\s+(?:available|online|around|in)|out\s+of\s+(?:the\s+)?office|closed)\s+(?:(?:at|on|over|during|for)\s+(?:the\s+)?(?:weekends?|bank\s+holidays?|public\s+holidays?|holidays?|night)|(?:right\s+now|at\s+the\s+moment|until\s+(?:monday|tomorrow)))\b`,
    String.raw`(?:\bwe${APOS}ll|\b(?:we|and|team)\s+will)\s+(?:get\s+back\s+to\s+you|reply|respond|be\s+in\s+touch|be\s+back)\s+(?:on|from|after|first\s+thing)\s+(?:${LATER_EN})(?:\s+morning)?(?:\s+(?:at|from)\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?)?`,
  )),
];

/** Cues of a promise to answer in private; such a reply holds (auto_reply) rather than redirects. */
export const DM_PROMISE_CUES: ReadonlySet<string> = new Set(["we'll DM you", 'wir melden uns per DM']);
