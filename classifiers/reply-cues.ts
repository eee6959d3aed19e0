/**
 * The cues of classifiers/reply-kind.ts: one pattern per way brands phrase an answer, a request for information,
 * a canned or holding acknowledgement, or a redirect to another channel, in German and English.
 */
import { ELSEWHERE_PATTERNS } from './reply-cues-elsewhere.ts';
import { HOLDING_PATTERNS } from './reply-cues-holding.ts';
import { APOS, p, type ReplyPattern, rx, W, WG } from './reply-pattern.ts';

export { DM_PROMISE_CUES } from './reply-cues-holding.ts';

/** A reply that asks: a question mark, "bitte"/"please", or an imperative or need addressed to the brand. */
export const ASKS = new RegExp(
  [
    String.raw`\?|\bbitte\b|\bplease\b|\bpls\b|\bkindly\b`,
    String.raw`(?<![a-zäöüß])(?:schick|sende|send|nenn|gib|gebt|geben|teil|teilen|dm|pn|share|provide|confirm|tell|give|reply\s+with)[a-z]*\s+(?:uns|us|me|mir)\b`,
    // Not the closing offer "If you need anything else, …" / "Falls du noch etwas brauchst, …" (QA round 7: a real
    // answer ending "our live chat is open 24/7" was read as asking for the "address" it had just explained).
    String.raw`\b(?:need|require)\b(?<!\b(?:if|should|whenever)\s+you\s+(?:(?:still|ever)\s+)?(?:need|require))|\b(?:brauchen|benötigen)\b(?<!\b(?:falls|wenn|sollten?)\s+(?:du|sie|ihr)\s+(?:${W}\s+){0,3}?(?:brauchen|benötigen))|\blet\s+us\s+know\b|\bmitteilen\b|\bdurchgeben\b|\bdm\s+(?:your|the|with)\b`,
  ].join('|'),
);

// Phone numbers as brands post them: 0800/0180x service numbers, +49/+44/+1 international, UK 03xx/08xx.
const PHONE = String.raw`(?:\+\d{1,3}[\s/-]?)?(?:\(?0\d{2,4}\)?|1[\s-]?8\d\d)[\s/-]?\d{2,4}(?:[\s/-]?\d{2,4}){1,3}`;
/** Channels a German reply sends the customer to. DM/PN are left to the DM cues below, which weigh a request. */
const CHANNEL_DE = `(?:${[
  String.raw`(?:live-?)?chat|[a-zäöüß-]*hotline|service-?(?:nummer|telefon|center|portal|seite|bereich)`,
  String.raw`kundenservice(?:-?seite)?|kundenbetreuung|kundendienst|kundenberatung|service-?team|kunden-?(?:center|portal)`,
  String.raw`servicecenter|kontaktformular|formular|telefon|e-?mail|mail|filialen?|shops?|geschäft|laden`,
  String.raw`hilfe-?(?:seite|center|bereich)|faq|website|webseite|homepage|messenger|whatsapp`,
].join('|')})\\b`;
/** "die App", "unsere Nordfaser-App". */
const APP = String.raw`(?:[a-zäöüß]+-)?app\b`;
/**
 * Imperatives and invitations that send someone somewhere (du, Sie and ihr forms; no third person: "die Rechnung
 * kommt per Mail"). Contacting can happen in the app; going, looking or using there is usually self-service
 * ("nutze dafür die Funktion X in der App"), which answers.
 */
const CONTACT_DE = `(?:${[
  String.raw`schreib(?:e|st)?|schreiben\s+sie|schreibt\s+uns`,
  String.raw`meld(?:e|est)\s+dich|meldet\s+euch|melden\s+sie\s+sich`,
  // Reporting something there: "Bitte melde Störungen ausschließlich über unsere App" (QA round 7). Not "ich melde
  // mich", "meldet sich" or "melden uns": those are the brand or a colleague.
  String.raw`melde(?<!\b(?:ich|wir|er|sie|es)\s+melde)(?!\s+(?:mich|ich|dich))|meldet(?!\s+sich)|melden\s+sie(?!\s+sich)`,
  String.raw`kontaktier(?:e|st)?|kontaktieren\s+sie|frag(?:e|st)?|fragen\s+sie`,
  String.raw`wende(?:st)?\s+dich|wendet\s+euch|wenden\s+sie\s+sich`,
  String.raw`erreichst\s+du\s+uns|erreichen\s+sie\s+uns|erreicht\s+ihr\s+uns`,
].join('|')})`;
const GO_DE = `(?:${[
  String.raw`geh(?:e|st)?|gehen\s+sie|komm(?:e|st)?|kommen\s+sie|schau(?:e|st)?|schauen\s+sie`,
  String.raw`probier(?:e|st)?|probieren\s+sie|nutz(?:e|st)?|nutzen\s+sie|benutz(?:e|st)?|benutzen\s+sie|verwende(?:st)?|verwenden\s+sie`,
].join('|')})`;
/** A preposition before the channel ("im Chat", "über unser Kontaktformular", "in eine unserer Filialen"). */
const TO_DE = String.raw`(?:\b(?:im|in|ins|per|via|bei|an|unter|auf|zum|zur|mit)|(?<![a-zäöüß])über)\s+(?:[a-zäöüß*:_-]+\s+){0,3}?`;
const SPAN_DE = String.raw`(?:\d+|ein(?:em|es|er)?|zwei|drei|vier|fünf|wenigen|der\s+nächsten)\s+(?:stunden|std|h|werktag(?:en|e)?|arbeitstag(?:en|e)?|tag(?:en|e)?)\b`;
const SPAN_EN = String.raw`(?:the\s+next\s+)?(?:\d+|one|two|three|a\s+few|a\s+couple\s+of)\s*(?:-\s*\d+\s*)?(?:hours?|hrs?|h|business\s+days?|working\s+days?|days?)\b`;

/**
 * A DM mentioned as news, not as a place to go: "wir benachrichtigen die Gewinner zusätzlich per DM", "die Gewinner
 * bekommen außerdem eine PN", "winners will also be notified via DM" (QA round 7: each was read as a redirect
 * although the reply answered when and where the draw is). Third parties as recipients, or the DM as an extra,
 * within the same clause. "We've sent you a DM" stays a redirect (reply-cues-elsewhere.ts).
 */
const DM_NEWS = String.raw`(?:gewinner\S*|teilnehmer\S*|winners?|participants?|entrants?|zusätzlich|außerdem|additionally|as\s+well)`;
// Placed after the DM words (the window reaches back over them), so the lookbehind runs only where they matched.
const NOT_DM_NEWS = String.raw`(?<!${DM_NEWS}[^.!?;:–]{0,80})`;
const NOT_DM_NEWS_AFTER = String.raw`(?![^.!?;:–]{0,40}${DM_NEWS})`;

export const REPLY_PATTERNS: readonly ReplyPattern[] = [
  // --- auto_reply, canned: only a machine or an out-of-hours notice says this.
  p('auto_reply', 'de', 'automatische Nachricht', 4, rx(
    String.raw`\bautomatisch(?:e|en|er)?\s+(?:erstellt|generiert|versandt|versendet|antwort|nachricht|eingangsbestätigung)`,
    String.raw`\b(?:diese|dies\s+ist\s+eine)\s+(?:nachricht|antwort|e-?mail)\s+(?:wurde\s+)?automatisch`,
    String.raw`\bautomatisch\s+(?:erstellt|generiert|versandt|versendet)`,
  ), true),
  p('auto_reply', 'de', 'außerhalb der Servicezeiten', 3, /(?<![a-zäöüß])außerhalb\s+(?:unserer\s+)?(?:service|geschäfts|öffnungs|büro)zeiten/iu, true),
  p('auto_reply', 'en', 'automated message', 4, /\b(?:this\s+is\s+an\s+)?automated\s+(?:message|response|reply)|\bauto-?reply\b|\bdo\s+not\s+reply\s+to\s+this/iu, true),
  p('auto_reply', 'en', 'outside business hours', 3, /\boutside\s+(?:of\s+)?(?:our\s+)?(?:business|opening|office|service)\s+hours/iu, true),

  // --- auto_reply, holding: an answer is promised for later (seed 001: "Wir sind zurzeit schwer beschäftigt und
  // wir werden uns schnellstmöglich bei Ihnen melden"). Word order varies: "wir melden uns", "melden uns aber
  // so schnell es geht", "die Kolleg*innen melden sich".
  p('auto_reply', 'de', 'wir melden uns / kümmern uns', 3, rx(
    String.raw`\bwir\s+(?:${W}\s+){0,5}?(?:melden|kümmern)\s+uns\b`,
    String.raw`\b(?:melden|kümmern)\s+uns\s+(?:${W}\s+){0,3}?(?:darum|drum|schnellstmöglich|baldmöglichst|so\s+schnell|zeitnah|umgehend|kürze|bald|gleich|sofort|zurück|wieder|bei\s+(?:dir|ihnen|euch))`,
    String.raw`(?:kolleg\S*|fachabteilung|abteilung|team|technik\S*|jemand|mitarbeiter\S*)\s+(?:${W}\s+){0,3}?(?:melde[nt]|kümmer[nt])\s+sich\b`,
    String.raw`(?:kolleg\S*|fachabteilung|abteilung|team|technik\S*|jemand|mitarbeiter\S*|berater\S*)\s+(?:${W}\s+){0,4}?(?:wird|werden)\s+sich\s+(?:${W}\s+){0,8}?(?:melden|kümmern)\b`,
    String.raw`(?:kolleg\S*|fachabteilung|abteilung|team|technik\S*|jemand|mitarbeiter\S*|berater\S*)\s+(?:${W}\s+){0,4}?(?:wird|werden)\s+(?:sie|dich|euch)\s+(?:${W}\s+){0,4}?(?:anrufen|kontaktieren|zurückrufen|informieren)\b`,
    String.raw`\b(?:melde[nt]|kümmer[nt])\s+sich\s+(?:${W}\s+){0,3}?(?:darum|schnellstmöglich|so\s+schnell|zeitnah|umgehend|kürze|bald|bei\s+(?:dir|ihnen|euch))`,
  )),
  p('auto_reply', 'de', 'wir prüfen das', 3, rx(
    String.raw`\bwir\s+(?:${W}\s+){0,2}?(?:prüfen|checken|klären|untersuchen|schauen|sehen|gucken|bearbeiten)\s+(?:uns\s+)?(?:das|dies|es|den\s+fall|deinen\s+fall|ihren\s+fall|dein\s+anliegen|ihr\s+anliegen|deine\s+anfrage|ihre\s+anfrage|deine\s+nachricht|ihre\s+nachricht|die\s+sache|nach|mal|gerade|sofort|umgehend|direkt|gerne?)\b`,
    String.raw`\b(?:schauen|sehen|gucken)\s+wir\s+uns\s+(?:das|den\s+fall|dein\s+anliegen|ihr\s+anliegen)\s+(?:${W}\s+){0,2}?an\b`,
    String.raw`\bwird\s+(?:${W}\s+){0,2}?(?:geprüft|bearbeitet|untersucht|geklärt)\b`,
    String.raw`\bin\s+(?:bearbeitung|prüfung|klärung)\b`,
    String.raw`\bhaben\s+(?:das|es|dies|dein\s+anliegen|ihr\s+anliegen)\s+(?:notiert|aufgenommen)\b`,
    String.raw`\bwir\s+sind\s+(?:${W}\s+){0,2}?dran\b`,
    String.raw`\barbeite[nt]\s+(?:${W}\s+){0,3}?(?:daran|dran|an\s+(?:der|einer)\s+(?:lösung|behebung))\b`,
    String.raw`\b(?:ist|sind)\s+uns\s+bekannt\b`,
    String.raw`\buns\s+(?:ist|sind)\s+(?:${W}\s+){0,4}?bekannt\b`,
  )),
  p('auto_reply', 'de', 'weitergeleitet', 3, rx(
    // Not what was sent on for the customer to someone of theirs: "wurde an deinen Arbeitgeber weitergeleitet" is done (QA round 10).
    String.raw`(?:\b(?:wir\s+haben|ich\s+habe|haben\s+wir|habe\s+ich)\s+(?:[a-zäöüß*:]+\s+){0,8}?)?(?<!\b(?:an|zu)\s+(?:deine[nmr]?|ihre[nmr]?|eure[nmr]?)\s+[a-zäöüß-]+\s+)\bweiter(?:geleitet|gegeben|gereicht)\b`,
    String.raw`\b(?:leite[nt]?|gebe[nt]?|reiche[nt]?)\s+(?:[a-zäöüß*:]+\s+){1,7}?weiter\b`,
  )),
  p('auto_reply', 'de', 'hohes Aufkommen', 3, rx(
    String.raw`(?:hohe[nsm]?|erhöhte[nsm]?|große[nsm]?|starke[nsm]?)\s+(?:${W})?aufkommens?\b`,
    String.raw`(?:nachrichten|anfrage|anruf|anfragen|kontakt)aufkommens?\b`,
    String.raw`\bviele[rn]?\s+(?:anfragen|nachrichten|anrufe)\b`,
    String.raw`\b(?:sehr|schwer|stark|gerade|derzeit|zurzeit|momentan|aktuell)\s+(?:${W}\s+)?(?:beschäftigt|ausgelastet|überlastet)`,
    String.raw`\bviel\s+los\b`,
    String.raw`\bim\s+rückstand\b`,
    String.raw`\barbeiten\s+(?:${W}\s+){0,5}?ab\b`,
    String.raw`\bkann\s+(?:es|das|die\s+${W}|der\s+${W})\s+(?:${W}\s+){0,3}?(?:etwas|ein\s+wenig|ein\s+bisschen|einige\s+zeit|länger|etwas\s+länger|ein\s+paar\s+tage)\s+dauern`,
    String.raw`(?:länger|erhöht|lang)e[n]?\s+(?:bearbeitungs|warte|antwort|reaktions)zeit(?:en)?`,
    String.raw`(?:bearbeitungs|warte|antwort)zeit(?:en)?\s+(?:${W}\s+){0,3}?(?:länger|verlängert|erhöht|\d+\s+(?:stunden|tage|werktage))`,
  )),
  p('auto_reply', 'de', 'Geduld / Rückmeldung folgt', 2.5, rx(
    String.raw`\bgib\s+uns\s+(?:bitte\s+)?(?:etwas\s+|ein\s+wenig\s+|ein\s+bisschen\s+|kurz\s+)?zeit\b`,
    String.raw`\b(?:hab|habe|haben\s+sie|habt)\s+(?:bitte\s+)?(?:noch\s+)?(?:etwas\s+|ein\s+wenig\s+|ein\s+bisschen\s+|kurz\s+)?geduld\b`,
    String.raw`\bgedulde\s+dich`,
    String.raw`\bgedulden\s+sie\s+sich`,
    String.raw`\bum\s+(?:etwas\s+|ein\s+wenig\s+)?geduld\b`,
    String.raw`\b(?:du\s+hörst|sie\s+hören|ihr\s+hört)\s+(?:${W}\s+){0,2}?von\s+uns`,
    String.raw`\bgeben\s+(?:dir|ihnen|euch)\s+(?:${W}\s+){0,2}?(?:bescheid|rückmeldung|nachricht)\b`,
    String.raw`\b(?:halten|informieren)\s+(?:dich|sie|euch)\s+(?:${W}\s+){0,3}?(?:auf\s+dem\s+laufenden|informiert)`,
    String.raw`(?:rückmeldung|antwort|updates?|infos?)\s+(?:folgt|folgen|kommt|kommen|bekommst\s+du|erhältst\s+du|erhalten\s+sie)\b`,
    String.raw`\bwir\s+kommen\s+(?:${W}\s+){0,3}?(?:auf\s+(?:dich|sie|euch)\s+)?zurück\b`,
    // Ticket bots add their queue figures: "Durchschnittliche Antwortzeit: 2 Stunden".
    String.raw`\b(?:durchschnittliche|aktuelle|voraussichtliche|übliche)[nr]?\s+(?:antwort|bearbeitungs|warte|reaktions)zeit(?:en)?\b[^.!?]{0,30}`,
    String.raw`\bkommen\s+(?:${W}\s+){0,3}?auf\s+(?:dich|sie|euch)\s+zurück\b`,
    String.raw`\b(?:erhältst\s+du|erhalten\s+sie|bekommst\s+du|bekommen\s+sie)\s+(?:${W}\s+){0,3}?(?:eine\s+)?(?:rückmeldung|antwort|nachricht)\b`,
    String.raw`\b(?:liegt|ist|sind|liegen)\s+(?:jetzt\s+|nun\s+|bereits\s+)?(?:bei|in\s+der)\s+(?:unseren?|den|der)\s+(?:${WG}\s+)?(?:spezialist|fachabteilung|kolleg|technik|abteilung|team)[a-zäöüß*:_]*`,
    String.raw`\bwährend\s+wir\s+(?:das|dies|es|uns)\s+(?:${W}\s+){0,2}?(?:prüfen|klären|anschauen|ansehen|untersuchen)`,
  )),
  p('auto_reply', 'de', 'antworten innerhalb von … Stunden', 2, rx(
    String.raw`(?:antworten|melden|beantworten|rückmeldung|antwort)\b[^.!?]{0,40}?\b(?:innerhalb|binnen)\s+(?:von\s+)?${SPAN_DE}`,
    String.raw`\b(?:innerhalb|binnen)\s+(?:von\s+)?${SPAN_DE}[^.!?]{0,40}?(?:antworten|melden|beantworten|rückmeldung|antwort)\b`,
    String.raw`\bin\s+den\s+(?:nächsten|kommenden)\s+(?:${W}\s+)?(?:minuten|stunden|tagen|werktagen|wochen)\b[^.!?]{0,40}?(?:melden|anrufen|kontaktieren|zurückrufen|antworten)\b`,
  )),
  p('auto_reply', 'de', 'schnellstmöglich', 1.5, rx(
    String.raw`\bschnellstmöglich`,
    String.raw`\bschnellstmoeglich`,
    String.raw`\bbaldmöglichst`,
    String.raw`\bso\s+schnell\s+(?:wie\s+möglich|es\s+geht|wir\s+können)`,
    String.raw`\bzeitnah\b`,
    String.raw`\bin\s+kürze\b`,
    String.raw`\basap\b`,
  )),
  p('auto_reply', 'de', 'Vielen Dank für Ihre Nachricht', 1.5, /\b(?:vielen|herzlichen|lieben)\s+dank\s+für\s+(?:ihre|deine|eure)\s+(?:nachricht|anfrage|e-?mail)/iu),
  p('auto_reply', 'de', 'Anfrage eingegangen', 2.5, rx(
    String.raw`\b(?:ihre|deine)\s+(?:nachricht|anfrage|e-?mail|anliegen)\s+(?:ist\s+(?:bei\s+uns\s+)?eingegangen|haben\s+wir\s+erhalten)`,
    String.raw`\bwir\s+haben\s+(?:ihre|deine|ihr|dein)\s+(?:nachricht|anfrage|anliegen)\s+erhalten`,
  )),
  p('auto_reply', 'en', "we're looking into it", 3, rx(
    String.raw`\b(?:we${APOS}re|we\s+are|i${APOS}m|i\s+am|(?:our|the)\s+(?:[a-z-]+\s+){0,2}?(?:team|engineers?|technicians?|colleagues|experts|specialists)\s+(?:is|are|${APOS}re))\s+(?:currently\s+|already\s+|now\s+|still\s+|actively\s+|urgently\s+)?(?:looking\s+into|investigating|checking(?:\s+on)?|working\s+on|on)\s+(?:it|this|that|the\s+(?:issue|problem|matter|fault|case)|your\s+(?:case|issue|request|complaint|query))\b`,
    String.raw`\b(?:we${APOS}ll|we\s+will|i${APOS}ll|i\s+will|let\s+(?:us|me))\s+(?:[a-z]+\s+)?(?:look\s+into|investigate|check\s+(?:on\s+|into\s+)?|take\s+a\s+look\s+at|have\s+a\s+look\s+at|chase(?:\s+up)?)\s*(?:it|this|that)\b`,
    String.raw`\bbeing\s+(?:looked\s+into|investigated)\b`,
    String.raw`\bworking\s+(?:hard\s+)?(?:to\s+(?:fix|resolve|restore|sort)|on\s+a\s+(?:fix|solution))\b`,
    String.raw`\b(?:while|whilst|as)\s+we\s+(?:look\s+into|investigate|check(?:\s+on)?)\s+(?:it|this|that)\b`,
    String.raw`\b(?:we${APOS}re|we\s+are|we${APOS}ve\s+been\s+made|we\s+have\s+been\s+made)\s+aware\s+of\s+(?:an?\s+|the\s+|some\s+)?(?:[a-z-]+\s+)?(?:issues?|problems?|faults?|outages?|disruption)[^.!?,;:]{0,60}`,
    // After the longer phrasings above: alternatives are tried in order, and the global scan for the substance
    // check resumes after the first one that matches.
    String.raw`\b(?:we${APOS}re|we\s+are|(?:team|engineers?|technicians?)\s+(?:is|are))\s+(?:currently\s+|already\s+|now\s+|still\s+)?(?:investigating|aware)\b`,
  )),
  p('auto_reply', 'en', "we'll get back to you", 3, rx(
    String.raw`\b(?:we${APOS}ll|we\s+will|we\s+shall|i${APOS}ll|i\s+will|(?:our|the)\s+(?:[a-z-]+\s+){0,2}?(?:team|agents?|colleagues|experts|specialists|department|engineers?)\s+(?:will|should|${APOS}ll|are\s+going\s+to)|(?:someone|somebody|a\s+member\s+of\s+(?:our|the)\s+(?:[a-z-]+\s+)?team|one\s+of\s+our\s+(?:[a-z-]+\s+)?(?:agents|team(?:\s+members)?|advisors|advisers|experts|colleagues)|an?\s+(?:colleague|team\s+member|member\s+of\s+(?:staff|the\s+team)|advisor|adviser|agent|specialist|expert))\s+(?:will|should))\s+(?:[a-z]+\s+){0,2}?(?:get\s+back\s+to\s+you|reply|respond|be\s+in\s+touch|contact\s+you|call\s+you|ring\s+you|phone\s+you|reach\s+out|follow\s+up|come\s+back\s+to\s+you|update\s+you|keep\s+you\s+(?:posted|updated|informed)|let\s+you\s+know|be\s+with\s+you\s+(?:shortly|soon|as\s+soon))\b`,
    String.raw`\byou(?:${APOS}ll|\s+will)\s+hear\s+(?:back\s+)?from\s+us`,
    String.raw`\b(?:will|${APOS}ll|shall)\s+(?:[a-z]+\s+){0,2}?(?:get\s+back\s+to\s+you|be\s+in\s+touch|come\s+back\s+to\s+you)\b`,
    String.raw`\b(?:will|${APOS}ll)\s+(?:reply|respond)\s+(?:to\s+you\s+)?(?:as\s+soon\s+as|shortly|soon|within)\b`,
    String.raw`\b(?:will|${APOS}ll)\s+(?:[a-z]+\s+)?(?:update\s+you|keep\s+you\s+(?:posted|updated|informed)|let\s+you\s+know)\b`,
  )),
  p('auto_reply', 'en', 'reply within … hours', 2, rx(
    String.raw`\b(?:reply|respond|response|get\s+back|be\s+in\s+touch|hear\s+(?:back\s+)?from\s+us|answer|contact\s+you|replies)\b[^.!?]{0,40}?\bwithin\s+${SPAN_EN}`,
    String.raw`\bwithin\s+${SPAN_EN}[^.!?]{0,30}?\b(?:reply|respond|get\s+back|be\s+in\s+touch)\b`,
    // When, as a promise puts it: "will call you in the next few days".
    String.raw`\b(?:will|${APOS}ll)\s+(?:[a-z]+\s+){0,4}?in\s+the\s+(?:next|coming)\s+(?:few\s+|couple\s+of\s+|\d+\s+)?(?:minutes|hours|days|weeks|working\s+days|business\s+days)\b`,
  )),
  p('auto_reply', 'en', 'passed on to the team', 3, rx(
    String.raw`\b(?:passed|forwarded|escalated|referred|raised|logged|flagged|sent|handed)\s+(?:this|it|that|your\s+(?:[a-z]+\s+)?(?:message|case|complaint|feedback|details|issue|query|request|comments?|concerns?))\s+(?:on\s+|over\s+|up\s+)?(?:to|with)\s+(?:the|our|a)\s+(?:[a-z-]+\s+){0,2}?(?:team|department|colleagues|experts|specialists|engineers?|manager|management|supervisor)\b`,
    String.raw`\b(?:passed|forwarded|escalated)\s+(?:this|it|that)\s+on\b`,
    String.raw`\b(?:i|we)(?:${APOS}ve|\s+have)\s+(?:now\s+)?(?:escalated|forwarded|passed\s+(?:this\s+|it\s+)?on)\b`,
  )),
  p('auto_reply', 'en', 'high volumes', 3, rx(
    String.raw`\b(?:experiencing|receiving|due\s+to)\s+(?:a\s+)?(?:high(?:er)?|large|unusually\s+high|increased)\s+(?:volumes?|number)(?:\s+of\s+(?:messages|enquiries|inquiries|requests|calls|contacts))?\b`,
    String.raw`\b(?:replies|responses?|response\s+times?|wait(?:ing)?\s+times?|it)\s+(?:may|might|could|can|will|are|is)\s+(?:take|taking)\s+(?:a\s+(?:little|bit)\s+)?longer\b`,
    String.raw`\bdue\s+to\s+(?:[a-z]+\s+){0,2}?(?:demand|volumes?)\b`,
    String.raw`\bhigh\s+volume\s+of\s+(?:messages|enquiries|inquiries|requests)`,
    String.raw`\b(?:higher|longer)\s+than\s+(?:usual|normal)\b`,
    String.raw`\bbear(?:ing)?\s+with\s+us\b`,
    String.raw`\b(?:response|reply|waiting|wait)\s+times?\s+(?:is|are)\s+(?:currently\s+|at\s+the\s+moment\s+)?(?:around\s+|about\s+|up\s+to\s+)?\d+\s*(?:hours?|days?|h|minutes?)\b`,
    String.raw`\bbacklog\b`,
    String.raw`\b(?:average|current|typical|expected|estimated|usual)\s+(?:response|reply|wait(?:ing)?|handling)\s+times?\b[^.!?]{0,30}`,
    String.raw`\bin\s+the\s+order\s+(?:they|we)\s+(?:were\s+|are\s+)?received\b`,
    String.raw`\bwe(?:'|’)re\s+(?:very\s+|extremely\s+|really\s+)?busy\b`,
    String.raw`\bwe\s+are\s+(?:very\s+|extremely\s+|really\s+)?busy\b`,
  )),
  p('auto_reply', 'en', 'as soon as possible', 1.5, /\bas\s+(?:soon|quickly|fast)\s+as\s+(?:possible|we\s+can|we\s+(?:have|know|hear)\b[^.!?,;:]{0,30})|\basap\b|\bshortly\b|\bin\s+due\s+course\b/iu),
  p('auto_reply', 'en', 'message received', 2, rx(
    String.raw`\b(?:we(?:'|’)?ve|we\s+have)\s+received\s+your\s+(?:message|request|enquiry|inquiry)`,
    String.raw`\bthank(?:s|\s+you)\s+for\s+your\s+(?:message|patience)[.!]?\s*(?:we|our\s+team)`,
  )),

  // --- deflection: the customer must start over in another channel.
  p('deflection', 'de', 'nutzen Sie Rückrufservice/Chat/Hotline', 3, rx(String.raw`\b(?:nutze[n]?\s+(?:sie\s+)?|verwende[n]?\s+(?:sie\s+)?|wende[n]?\s+(?:sie\s+sich|dich)\s+(?:bitte\s+)?(?:an|direkt\s+an)\s+)(?:(?:gerne?|bitte|doch|dafür|dazu|einfach|hierfür|dann|jetzt|am\s+besten)\s+)*(?:unser(?:e|en)?\s+|die\s+|den\s+|das\s+)?(?:rückruf-?service|rückrufservice|servicenummer|kundenhotline|app\b|${CHANNEL_DE})`)),
  // "Schreib uns gerne im Chat", "wende dich über unser Kontaktformular an", "geh damit in eine unserer Filialen",
  // "melde dich telefonisch bei unserem Kundenservice", "bei Fragen erreichst du uns im Chat".
  p('deflection', 'de', 'schreib uns im Chat / wende dich an', 3, rx(
    String.raw`\b(?:${CONTACT_DE}|${GO_DE})\b[^.!?]{0,50}?${TO_DE}${CHANNEL_DE}`,
    String.raw`\b${CONTACT_DE}\b[^.!?]{0,50}?${TO_DE}${APP}`,
    String.raw`\b(?:wende(?:st)?\s+dich|wendet\s+euch|wenden\s+sie\s+sich)\s+(?:${W}\s+){0,4}?an\b`,
  )),
  // Compounds count too: "Kündigungshotline", "Störungs-Hotline".
  // A form to fill in is a new channel too: "Bitte füllen Sie unser Online-Formular unter … aus" (QA: read as an answer).
  p('deflection', 'de', 'Formular ausfüllen', 3, rx(
    String.raw`\b(?:füllen\s+sie|füll(?:e|t|st)?)\s+(?:(?:bitte|einfach|gerne|doch|dazu|dafür|hierfür)\s+)*(?:unser|das|dieses|ein|den|die)[a-zäöüß]*\s+(?:[a-zäöüß-]+\s+)?(?:online-?|kontakt-?|schadens-?|beschwerde-?|reklamations-?|erstattungs-?)?formular`,
    String.raw`(?:online|schadens|beschwerde|reklamations|erstattungs|antrags)-?formular`,
  )),
  p('deflection', 'de', 'Rückruf/Kontaktformular/Chat', 2, /(?:rückruf-?service|rückrufservice|kontaktformular|\bunser(?:en|em)?\s+(?:chat|kundenservice|service-?team)|\bim\s+chat\b|\bper\s+chat\b)\b/iu),
  // Both languages say "Hotline" and "Live-Chat".
  p('deflection', 'any', 'Hotline/LiveChat', 2, /(?:hotline|live-?\s?chat)\b/iu),
  // The people elsewhere who will help: "Unsere Kolleg*innen im Chat helfen dir gerne weiter".
  p('deflection', 'de', 'die Kolleg*innen dort helfen weiter', 2.5, rx(
    String.raw`\b(?:die|der|das|sie|er|die\s+${WG})\s+(?:kann|können|wird|werden)\s+(?:dir|ihnen|euch|das|dies|es)\s+(?:${W}\s+){0,3}?(?:weiterhelfen|helfen|klären|prüfen|lösen|beantworten)\b`,
    String.raw`(?<!wir\s)\bhelfen\s+(?:dir|ihnen|euch)\s+(?:${WG}\s+){0,2}?weiter\b`,
    String.raw`\b(?:unsere?[nm]?|die|den)\s+(?:${W}\s+)?(?:kolleg(?:en|innen|\*innen|:innen|_innen|/innen|in|e)?|expert(?:en|innen|\*innen)|spezialist(?:en|innen|\*innen)|berater(?:innen|\*innen)?)\b[^.!?]{0,60}?\b(?:helfen|beraten|unterstützen)\b`,
  )),
  // Why the case cannot be handled here: "da können wir das besser klären", "aus Datenschutzgründen".
  p('deflection', 'de', 'dort besser zu klären', 1.5, rx(
    String.raw`\b(?:klären|besprechen|lösen|prüfen|regeln)\s+wir\s+(?:das\s+|dies\s+|es\s+)?(?:am\s+besten|lieber|besser|direkt)\s+(?:${W}\s+)?(?:telefonisch|per|im|über|in)\b`,
    String.raw`\b(?:geht|klappt)\s+(?:das\s+|es\s+)?(?:am\s+besten|schneller|einfacher|leichter)\s+(?:telefonisch|per|im|über|in)\b`,
    String.raw`\b(?:da|dort|darüber)\s+(?:können|kann)\s+(?:wir|man|die\s+kolleg\S*)\s+(?:${W}\s+){0,3}?(?:klären|helfen|weiterhelfen|prüfen|besprechen)\b`,
    String.raw`\baus\s+datenschutz(?:gründen|rechtlichen\s+gründen)`,
    String.raw`(?<![a-zäöüß])(?:hier|öffentlich)\s+(?:können|dürfen|kann|darf)\s+(?:wir|ich)\s+(?:${W}\s+){0,3}?(?:nicht|keine?n?)\b`,
    String.raw`\b(?:können|dürfen|kann|darf)\s+(?:wir|ich)\s+(?:(?:das|dies|es|dir|ihnen|euch|dabei|damit|leider)\s+)*hier\s+(?:${W}\s+){0,2}?(?:nicht|keine?n?)\b`,
    String.raw`\bkeinen\s+zugriff\s+auf\b[^.!?,;:]{0,40}`,
  )),
  p('deflection', 'de', 'dafür ist … zuständig', 2, rx(
    String.raw`\b(?:ist|sind)\s+(?:${WG}\s+){0,4}?zuständig\b`,
    String.raw`\bnur\s+(?:telefonisch|persönlich|per\s+(?:e-?mail|mail|telefon|post)|im\s+(?:chat|kundenportal)|in\s+(?:der|einer|unserer|unseren)\s+filialen?)\b`,
    // "ausschließlich über unsere App", "nur über das Kundenportal" (QA round 7).
    String.raw`(?<![a-zäöüß])(?:nur|ausschließlich|ausschliesslich)\s+(?:über|per|via|im|in\s+(?:der|unserer))\s+(?:[a-zäöüß-]+\s+){0,2}?(?:[a-zäöüß]+-)?(?:app|chat|hotline|kundenportal|portal|kontaktformular|formular|website|webseite|service-?center|filialen?)\b`,
    String.raw`\berreich(?:st\s+du|en\s+sie|t\s+ihr)\s+(?:uns|ihn|sie|die\s+${WG})\s+(?:${W}\s+){0,2}?(?:unter|per|im|telefonisch)\b`,
    String.raw`(?<![a-zäöüß])(?:über|via)\s+(?:${W}\s+){0,2}?(?:whatsapp|messenger|kontaktformular)`,
  )),
  // "Alle Infos dazu findest du in unseren FAQ: …" (QA: read as an answer).
  p('deflection', 'de', 'Infos in den FAQ', 2.5, rx(
    String.raw`\b(?:findest\s+du|finden\s+sie|gibt\s+es|stehen)\s+(?:[a-zäöüß]+\s+){0,3}?(?:in|auf|unter|bei)\s+(?:unseren?|den|der|die)\s+(?:[a-zäöüß-]+\s+)?(?:faqs?|hilfe-?(?:seite|center|bereich)|häufige[nr]?\s+fragen|website|webseite|homepage|internetseite|service-?(?:seite|bereich|portal))\b`,
    String.raw`(?<![a-zäöüß])(?:in|auf|unter)\s+unseren\s+faqs?\b`,
  )),
  p('deflection', 'de', 'Kundenservice-Seite', 2, rx(
    String.raw`(?:kunden)?service-?seite`,
    String.raw`hilfe-?(?:seite|center|bereich)`,
    String.raw`support-?seite`,
    String.raw`\b(?:auf|unter)\s+unserer?\s+(?:web-?seite|website|homepage|internetseite)\b`,
  )),
  p('deflection', 'de', 'ruf uns an', 2.5, rx(
    String.raw`\b(?:bitte\s+)?(?:ruf|rufe|rufen\s+sie)\s+(?:uns|bei\s+uns|unsere\s+\w+)\s+(?:(?:dazu|bitte|gerne|doch|einfach|kurz)\s+)*(?:unter|an)\b`,
    String.raw`\b(?:ruf|rufe|rufen\s+sie)\s+(?:[a-zäöüß0-9-]+\s+){0,9}?an\b`,
    String.raw`\b(?:ruf|rufe|rufen\s+sie)\s+(?:uns\s+)?(?:unter\s+)?[+0][\d\s/-]{6,}\s+an\b`,
  )),
  p('deflection', 'de', 'rufen Sie an', 2.5, /\b(?:rufen\s+sie\s+(?:uns\s+)?(?:bitte\s+|gerne\s+)?(?:unter|an)|ruf\s+(?:uns\s+)?(?:bitte\s+|gerne\s+)?(?:unter|an)|telefonisch\s+(?:unter|erreichbar))/iu),
  // Fillers between verb and channel: "Schreiben Sie uns dazu bitte eine E-Mail an …" (QA round 11: not recognised).
  p('deflection', 'de', 'Kontakt per E-Mail', 2.5, rx(
    String.raw`\b(?:schreib(?:e|st)?|schreiben\s+sie|schick(?:e|st)?|schicken\s+sie|wende(?:n\s+sie\s+sich)?)\s+(?:uns\s+)?(?:(?:bitte|gerne|dazu|dafür|einfach|kurz|direkt)\s+)*(?:eine\s+)?(?:e-?mail|mail)\s+(?:an|unter)\b`,
    String.raw`\bper\s+(?:e-?)?mail\s+an\s+(?!dich|sie|euch)`,
  )),
  p('deflection', 'en', 'use our chat/hotline/callback', 3, /\b(?:please\s+)?(?:use|try|visit|reach\s+out\s+(?:to|via)|contact)\s+(?:our\s+)?(?:live\s?chat|chat\s+team|call-?back\s+service|helpline|hotline|customer\s+(?:service|care)\s+team|support\s+team|contact\s+form)/iu),
  // A form is a new channel: "Please fill in the form at …" (QA: read as an answer, the complaint closed).
  p('deflection', 'en', 'fill in the form', 3, rx(
    String.raw`\b(?:fill\s+(?:in|out)|complete|submit|use)\s+(?:the|our|this|an?)\s+(?:[a-z-]+\s+){0,2}?(?:form|claim\s+form)\b`,
    String.raw`\b(?:find|get)\s+the\s+(?:[a-z-]+\s+)?form\s+(?:on|at|in|via)\b`,
    String.raw`\bform\s+(?:on|at)\s+our\s+(?:website|web\s*site|site|app|help\s*cent(?:re|er))\b`,
    // "please submit your request via skylark.example/refund" (QA: read as an answer).
    String.raw`\b(?:submit|raise|file|lodge|make)\s+(?:your|a|the)\s+(?:[a-z-]+\s+)?(?:request|claim|complaint|application|case|ticket)\s+(?:via|through|on|at|using|online|in\s+(?:our|the)\s+app)\b`,
  )),
  // Back to where it was bought: "please return the machine to the retailer you bought it from".
  p('deflection', 'en', 'return it to the retailer', 2.5, /\b(?:return|take|send|bring)\s+(?:it|them|the\s+[a-z-]+|your\s+[a-z-]+)\s+(?:back\s+)?to\s+(?:the|your)\s+(?:retailer|seller|store|shop|dealer|merchant|vendor)\b/iu),
  p('deflection', 'en', 'LiveChat is online', 3, /\blive\s?chat\s+(?:is\s+)?(?:online|open|available)|\brequest\s+a\s+call\s?back/iu),
  // "reach out to our team at …", "contact us via …", "you can chat to us in the app"; not "we'll contact our
  // courier partner" (a team, a store or us: somebody the customer has to talk to).
  p('deflection', 'en', 'contact our team', 2.5, rx(
    String.raw`\b(?:contact|reach\s+out\s+to|get\s+in\s+touch\s+with|speak\s+(?:to|with)|talk\s+(?:to|with)|chat\s+(?:to|with)|get\s+hold\s+of)\s+(?:us|(?:our|the)\s+(?:[a-z-]+\s+){0,2}?(?:team|store|branch|department|helpline|hotline|colleagues|experts|specialists)|your\s+(?:local\s+|nearest\s+)?(?:store|branch|shop|bank|provider|landlord|airline|retailer|dealer|travel\s+agen(?:t|cy)|booking\s+agent|agent|tour\s+operator|insurer|insurance\s+(?:company|provider)|broker|card\s+issuer|network\s+provider|courier|installer|seller)|one\s+of\s+our|a\s+(?:member|colleague))\b`,
    String.raw`\b(?:help|support|advice|assistance)\s+(?:with\s+(?:this|that|it)\s+)?from\s+(?:our|the|your)\s+(?:[a-z-]+\s+){0,2}?(?:team|store|branch|department|colleagues|experts|specialists)\b`,
    String.raw`\breach\s+(?:us|them|our\s+(?:[a-z-]+\s+){0,2}?team)\s+(?:on|at|via|through)\b`,
  )),
  // Someone else to talk to (QA round 3): "We'd recommend contacting the restaurant directly", "booked via a third party,
  // you will need to contact them directly", "please pop down to reception".
  p('deflection', 'en', 'contact the merchant', 2.5, rx(
    String.raw`\b(?:contact(?:ing)?|reach(?:ing)?\s+out\s+to|get(?:ting)?\s+in\s+touch\s+with|speak(?:ing)?\s+(?:to|with)|talk(?:ing)?\s+(?:to|with)|call(?:ing)?|go(?:ing)?\s+back\s+to)\s+(?:the|your)\s+(?:[a-z-]+\s+)?(?:restaurant|store|shop|hotel|seller|merchant|retailer|venue|partner|provider|carrier|courier|bank|landlord|operator|manufacturer|third\s+party|booking\s+(?:site|platform|agent)|reception|front\s+desk|concierge)\b`,
    String.raw`\b(?:contact|call|reach|email)\s+them\s+directly\b`,
    String.raw`\b(?:pop|head|go|come)\s+(?:down|over|along|up)?\s*to\s+(?:the\s+)?(?:reception|front\s+desk|concierge|service\s+desk|customer\s+service\s+desk)\b`,
  )),
  p('deflection', 'en', 'visit our help centre / store', 2.5, /\b(?:visit|check\s+out|check|see|read|consult|refer\s+to|look\s+at|head\s+(?:over\s+)?to|go\s+to|pop\s+(?:in)?to|pop\s+into|drop\s+into|call\s+into|nip\s+into|use|try)\s+(?:our|the|your\s+(?:local|nearest)|a|any\s+of\s+our|one\s+of\s+our)\s+(?:[a-z-]+\s+){0,2}?(?:help\s*cent(?:re|er)|help\s+(?:page|site|section|hub)|support\s+(?:page|site|cent(?:re|er)|portal|hub)|community(?:\s+forum)?|forum|faqs?|contact\s+(?:page|form|us\s+page)|website|stores?|branch(?:es)?|shops?|service\s+cent(?:re|er)|live\s*chat|web\s*chat|chat)\b/iu),
  p('deflection', 'en', 'via live chat', 2, rx(
    String.raw`\b(?:via|through|using|on|over)\s+(?:our\s+|the\s+)?(?:live\s*chat|web\s*chat|contact\s+form)\b`,
    String.raw`\b(?:via|through|using|on|over|in)\s+(?:our|the)\s+(?:chat|help\s*line|hotline|messenger)\b`,
    // "Please report faults only via our app" (the English of QA round 7's "ausschließlich über unsere App").
    String.raw`\b(?:only|exclusively|solely)\s+(?:via|through|in|on|using|by|over)\s+(?:our|the)\s+(?:[a-z-]+\s+){0,2}?(?:app|live\s*chat|chat|hotline|helpline|phone(?:\s+line)?|website|online\s+form|form|portal)\b`,
  )),
  // Who will help over there: "the team there will sort it out", "a colleague will be happy to help".
  p('deflection', 'en', 'the team there will help', 1.5, rx(String.raw`\b(?:they|the\s+(?:[a-z-]+\s+)?(?:team|store|branch|colleagues?)(?:\s+there)?|our\s+(?:[a-z-]+\s+){0,2}?(?:team|colleagues|experts|specialists|agents)|(?:a|one\s+of\s+our)\s+(?:colleague|team\s+member|advisor|adviser)s?)\s+(?:will|${APOS}ll|can|should|(?:are|is)\s+(?:best\s+)?placed\s+to)\s+(?:be\s+(?:able|happy|glad|best\s+placed)\s+to\s+)?(?:help|assist|advise|sort|take\s+a\s+look|look\s+into\s+(?:it|this))\b`)),
  // Information elsewhere, a redirect only when nothing else is said: "the new prices are on our website".
  p('deflection', 'en', 'on our website', 1, /\b(?:on|via|through|at)\s+our\s+(?:website|web\s*site|site|app)\b/iu),
  p('deflection', 'en', 'handled by the branch', 2, rx(
    String.raw`\b(?:handled|dealt\s+with|sorted|resolved|done|processed)\s+(?:by|at|in)\s+(?:your\s+(?:local\s+|nearest\s+)?|the\s+|our\s+|a\s+)(?:[a-z-]+\s+){0,2}?(?:branch|store|shop|team|department|station|operator|provider|supplier|retailer|partner|airline|restaurant|carrier|merchant|seller)\b`,
    String.raw`\b(?:pop|drop|call)\s+in(?:to)?\b`,
  )),
  p('deflection', 'en', "can't discuss this here", 2, rx(
    String.raw`\b(?:can(?:'|’)?t|cannot|can\s+not|unable\s+to|(?:aren(?:'|’)?t|are\s+not|am\s+not|i(?:'|’)m\s+not)\s+able\s+to)\s+(?:[a-z]+\s+){0,2}?(?:discuss|access|look\s+at|see|share|go\s+into|help(?:\s+with)?)\s+(?:[a-z]+\s+){0,3}?(?:here|on\s+(?:twitter|x|social(?:\s+media)?|this\s+channel)|publicly|over\s+social\s+media)`,
    String.raw`\bfor\s+(?:data\s+protection|security|privacy)\s+reasons\b`,
    String.raw`\b(?:don(?:'|’)?t|do\s+not)\s+have\s+access\s+to\b[^.!?,;:]{0,40}`,
    String.raw`\bno\s+access\s+to\b[^.!?,;:]{0,40}`,
  )),
  p('deflection', 'en', 'call us', 2.5, rx(
    String.raw`\b(?:please\s+)?(?:call|phone|ring|dial|contact|give\s+(?:us|our\s+team)\s+a\s+call(?:\s+on)?)\s+(?:us\s+|our\s+(?:[a-z-]+\s+){0,3}(?:team|line|hotline|helpline|department|experts)\s+)?(?:on|at)?\s*(?:\+|0|1-8)`,
    String.raw`\b(?:team|line|department|helpline|hotline|desk)\s+(?:on|at)\s*(?:\+|0|1-8)`,
    // Short national service numbers: "please call 105 for updates on outages".
    String.raw`\b(?:please\s+)?(?:call|ring|dial)\s+\d{3,4}\b(?!\s*(?:times|minutes|hours|days|people))`,
  )),
  p('deflection', 'en', 'contact us at', 2.5, rx(
    String.raw`\b(?:contact|email|e-mail|reach)\s+(?:us|our\s+team|the\s+team)\s+(?:at|on|via)\b`,
    String.raw`\b(?:e-?mail|write\s+to)\s+(?:us\s+)?(?:at\s+|on\s+)?[\w.+-]+@`,
  )),
  p('deflection', 'any', 'phone number', 1.5, new RegExp(`(?<![\\w/])${PHONE}(?![\\w/])`, 'u')),
  p('deflection', 'any', 'e-mail address', 1.5, /\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b/iu, false, '@'),
  // A bare invitation to private messages without asking for anything: the seed's "please DM us".
  p('deflection', 'en', 'please DM us', 2, rx(
    String.raw`\b(?:please\s+)?(?:dm|direct\s+message|message)\s+us\b`,
    String.raw`\bsend\s+(?:us\s+)?a\s+(?:dm|direct\s+message|private\s+message)\b`,
    String.raw`\bjoin\s+us\s+in\s+dm\b`,
    String.raw`\b(?:in|via|through|by)\s+dms?\b${NOT_DM_NEWS}${NOT_DM_NEWS_AFTER}`,
  )),
  p('deflection', 'de', 'per DM/PN', 2, rx(
    String.raw`\b(?:per|via|als|eine)\s+(?:dm|pn|privatnachricht|direktnachricht)\b${NOT_DM_NEWS}${NOT_DM_NEWS_AFTER}`,
    String.raw`\b(?:schreib(?:en\s+sie)?|schick(?:en\s+sie)?)\s+uns\s+(?:gerne\s+|bitte\s+)?(?:eine\s+)?(?:dm|pn|privatnachricht|direktnachricht)\b`,
  )),

  // --- request_info: the brand engaged and asks for something.
  p('request_info', 'de', 'nenn uns …', 2.5, /\b(?:nenne?|nennen\s+sie|schick|schicke|schicken\s+sie|sende|senden\s+sie|gib|gebt|geben\s+sie)\s+uns\s+(?:bitte\s+|kurz\s+|noch\s+|gerne\s+)*(?:\w+\s*,\s*)*(?:dein|ihr|die|das|den|datum|zug|kunden|bestell|vertrags)/iu),
  // "Schick uns eine DM mit deiner Rufnummer" asks for something (QA firestorm round 2: read as a bare DM invitation).
  p('request_info', 'de', 'DM mit deiner …', 2.5, rx(
    String.raw`\b(?:dm|pn|privatnachricht|direktnachricht|nachricht|mail|e-?mail)\s+mit\s+(?:deiner|deinem|deinen|ihrer|ihrem|ihren|der|dem|den|eurer|eurem)\s+`,
    // "Schick uns bitte per DM deine Mitgliedsnummer" (QA round 3: read as a bare DM invitation).
    String.raw`\b(?:schick|schicke|schicken\s+sie|sende|senden\s+sie|gib|nenn|nenne|nennen\s+sie)\s+(?:uns\s+)?(?:(?:bitte|kurz|noch|gerne|einfach)\s+)*(?:per|als|via|in\s+einer)\s+(?:dm|pn|privatnachricht|direktnachricht|nachricht|mail|e-?mail)\s+(?:(?:bitte|kurz|noch|gerne)\s+)*(?:deine|deinen|dein|ihre|ihren|ihr|eure|euren|das|die|den)\b`,
  )),
  p('request_info', 'de', 'Bestell-/Kundennummer', 3, rx(
    // Not a warning against posting them ("Bitte poste hier keine Vertragsnummern", an office-hours notice, QA round 8).
    String.raw`\b(?:bestell|auftrags|kunden|vertrags|sendungs|buchungs|rechnungs|vorgangs|ticket|zug|mitglieds|versicherten|versicherungs|policen|zähler|schadens?|reservierungs|mieter|fahrgestell|kennzeichen)(?:-?nummer|nr\.?)(?<!\bkeine\s+(?:${W}\s+){0,2}[a-zäöüß-]+)`,
    String.raw`\b(?:ihre|deine)\s+(?:adresse|postleitzahl|plz|e-?mail-?adresse|anschrift|geburtsdatum)`,
  ), false, undefined, true),
  p('request_info', 'de', 'Rückfrage', 2.5, rx(
    String.raw`\b(?:können|könnten|kannst|würden)\s+(?:sie|du)\s+(?:uns\s+)?(?:bitte\s+|kurz\s+|noch\s+)*(?:mitteilen|sagen|schicken|senden|nennen|beschreiben|prüfen|bestätigen|erklären|genauer)`,
    String.raw`\b(?:teile|teilen\s+sie)\s+uns\s+(?:bitte\s+)?(?:mit|kurz)`,
    String.raw`\b(?:welche[nrsm]?|wann|wo|seit\s+wann|um\s+welche)\b[^.!?]{0,80}\?`,
  )),
  p('request_info', 'de', 'damit wir prüfen können', 2, rx(
    String.raw`\bdamit\s+wir\s+(?:uns\s+)?(?:das|dies|es|dein|ihr|den|die)?\s*(?:\w+\s+)?(?:prüfen|anschauen|ansehen|kümmern|nachsehen|helfen|klären|weiterhelfen)`,
    String.raw`\bum\s+(?:das|dies|es)\s+(?:zu\s+)?(?:prüfen|klären)`,
  )),
  p('request_info', 'en', 'account details', 3, rx(
    String.raw`\b(?:order|account|booking|reference|tracking|confirmation|case|ticket|serial)\s+(?:number|no\.?|#|details|info(?:rmation)?)(?<!\b(?:never|don${APOS}t|do\s+not|please\s+no)\s+(?:post|share|send|tweet|include)\s+(?:your\s+|any\s+)?(?:[a-z]+\s+)?[a-z]+\s+[a-z#.]+)`,
    String.raw`\b(?:full\s+name|zip\s+code|post\s?code|(?:email|service|home|delivery)?\s*address|date\s+of\s+birth|version\s+of\s+\w+|which\s+version|device|model)\b`,
  ), false, undefined, true),
  p('request_info', 'en', 'question to the customer', 2.5, rx(
    String.raw`\b(?:can|could|would)\s+you\s+(?:please\s+)?(?:dm|send|tell|let\s+us\s+know|confirm|provide|share|check|clarify|describe)`,
    String.raw`\blet\s+us\s+know\s+(?:which|what|when|where|how|if|the|any)`,
    String.raw`\b(?:which|what|when|where|how\s+long|is\s+there|are\s+you|have\s+you|did\s+you|do\s+you)\b[^.!?]{0,80}\?`,
    String.raw`\btell\s+us\s+(?:more|about|what|which)`,
    String.raw`\bcan\s+i\s+ask\b`,
  )),
  p('request_info', 'en', 'so we can look into this', 2, rx(
    String.raw`\bso\s+(?:that\s+)?(?:we|i)\s+can\s+(?:look\s+into|check|investigate|take\s+a\s+look|help|advise|start|look\s+into\s+this)`,
    String.raw`\b(?:we(?:'|’)?ll|we\s+will|and\s+we\s+can)\s+(?:go|start)\s+from\s+there`,
    String.raw`\bfor\s+further\s+assistance\b`,
    String.raw`\bdm\s+(?:us\s+)?(?:your|the|with|more)\b`,
  )),

  // --- answer: substance. Scored too so a reply that explains and also asks "did that help?" stays an answer.
  p('answer', 'de', 'Erklärung/Lösung', 2, rx(
    String.raw`\b(?:wurde|wird|ist|sind|haben)\s+(?:bereits\s+|inzwischen\s+|nun\s+|jetzt\s+)?(?:behoben|erstattet|gutgeschrieben|storniert|versandt|verschickt|zugestellt|geändert|korrigiert|freigeschaltet|gelöst)`,
    String.raw`\b(?:die\s+)?(?:lösung|ursache|grund)\s+(?:ist|war|liegt)`,
    String.raw`\bhier\s+(?:findest\s+du|finden\s+sie)(?![^.!?]{0,40}(?:chat|kontaktformular|hotline|kundenservice|formular|nummer))`,
    String.raw`\bversuch(?:e|en\s+sie)\s+(?:bitte\s+|mal\s+)?(?:\w+\s+){0,3}(?:neu|zu\s+löschen|zu\s+aktualisieren|erneut)`,
  )),
  // "you'll get a reply" promises an answer and is none; "you'll get the refund" is one.
  p('answer', 'en', 'explanation/fix', 2, rx(
    String.raw`\b(?:has|have)\s+(?:now\s+)?been\s+(?:fixed|resolved|refunded|credited|cancell?ed|shipped|dispatched|updated|corrected|sorted|processed|issued)`,
    String.raw`\b(?:the\s+)?(?:updated\s+departure\s+time|reason\s+(?:is|was)|this\s+(?:should|will)\s+(?:fix|help|resolve))`,
    String.raw`\bwe\s+operate\s+a\b`,
    String.raw`\b(?:it(?:'|’)s|is)\s+working\b`,
    String.raw`\bhas\s+a\s+service\b`,
    String.raw`\bplease\s+refer\s+to\b`,
    String.raw`\b(?:try|could\s+you\s+try)\s+(?:the\s+steps|deleting|restarting|reinstalling|logging|clearing|updating)`,
    String.raw`\bas\s+long\s+as\b`,
    String.raw`\byou(?:'|’)?(?:ll|\s+will)?\s+(?:even\s+)?(?:get|receive)\s+(?:it|a|an|your|the)\b(?!\s+(?:reply|response|answer|call|callback|update|follow-?up))`,
    String.raw`\bwill\s+(?:allow|be\s+challenged|depart)`,
  )),
  // Thanks for praise is the whole reply to praise, even when it says the praise is passed on to the team.
  p('answer', 'any', 'thanks for the praise', 2, rx(
    String.raw`\bdanke\s+für\s+(?:das|dein|ihr|euer|die)\s+(?:[a-zäöüß]+\s+)?(?:lob|kompliment|komplimente|blumen)\b`,
    String.raw`\bdanke\s+für\s+(?:das|dein|ihr|euer|die)\s+(?:tolle|liebe|nette|schöne|positive)[snr]?\s+(?:feedback|worte|rückmeldung)`,
    String.raw`\bfreut\s+uns\b`,
    String.raw`\bwie\s+schön\b`,
    String.raw`\b(?:great|glad|good|lovely|nice)\s+to\s+hear\b`,
    String.raw`\bthanks?\s+(?:you\s+)?(?:so\s+much\s+)?for\s+(?:the|your)\s+(?:kind\s+words|lovely\s+(?:feedback|words|comments?)|compliments?|praise)\b`,
    String.raw`\bpass\s+(?:on\s+)?your\s+(?:thanks|compliments|kind\s+words|praise)`,
  )),
  p('answer', 'any', 'help link', 1, /https?:\/\/\S+|\bt\.co\//iu),
  ...HOLDING_PATTERNS,
  ...ELSEWHERE_PATTERNS,
];

// A bare DM/PN invitation counts as deflection only when nothing in the reply asks for specific information;
// "DM us your order number" or "send us a DM so we can look into this" engages with the case.
export const DM_CUES: ReadonlySet<string> = new Set(['please DM us', 'per DM/PN']);
