/**
 * Classifies a brand's reply to a customer: `answer`, `request_info`, `auto_reply` or `deflection`.
 *
 * Only an `answer` closes an unanswered thread (classifiers/unanswered.ts). The distinction that matters is
 * who holds the ball afterwards:
 * - `auto_reply`: a canned acknowledgement ("Wir melden uns schnellstmöglich", "we are experiencing high
 *   volumes"); nobody has looked at the case, the brand still owes an answer.
 * - `deflection`: the customer is sent to another channel and must start over there (hotline, 0800 number,
 *   callback service, chat, e-mail address, a bare "please DM us"): seed 000's channel ping-pong.
 * - `request_info`: the brand engaged and asks for something (order number, device, "DM us your details so we
 *   can look into this"); the customer holds the ball.
 * - `answer`: everything else a brand writes to a customer (explanation, fix, link, apology with substance).
 *
 * Cue-based, pure and fast: a few dozen precompiled regular expressions, no allocation beyond the cues.
 * Both languages' cues are always tried because brand replies are short and mix languages (English ticket
 * signatures under German text), so language detection on them is unreliable; cues of the other language
 * weigh a little less, which only matters when kinds tie.
 */
import type { Cue, Lang, ReplyKind } from '../src/model.ts';

interface Pattern {
  readonly kind: ReplyKind;
  readonly cue: string;
  readonly re: RegExp;
  readonly weight: number;
  readonly lang: 'de' | 'en' | 'any';
}

// Patterns are written case-insensitively for reading but run without the `i`/`u` flags over lower-cased text:
// V8's Unicode case folding made every pattern ~10× slower. Nothing below relies on Unicode \b or \w (word
// boundaries sit next to ASCII letters), and lower-casing keeps German text's length, so spans stay valid.
const p = (kind: ReplyKind, lang: Pattern['lang'], cue: string, weight: number, re: RegExp): Pattern => ({
  kind,
  cue,
  re: new RegExp(re.source, re.flags.replace(/[iu]/g, '')),
  weight,
  lang,
});

// Phone numbers as brands post them: 0800/0180x service numbers, +49/+44/+1 international, UK 03xx/08xx.
const PHONE = String.raw`(?:\+\d{1,3}[\s/-]?)?(?:\(?0\d{2,4}\)?|1[\s-]?8\d\d)[\s/-]?\d{2,4}(?:[\s/-]?\d{2,4}){1,3}`;

const PATTERNS: readonly Pattern[] = [
  // --- auto_reply: canned acknowledgements (seed 001: "Wir sind zurzeit schwer beschäftigt und wir werden
  // uns schnellstmöglich bei Ihnen melden").
  p('auto_reply', 'de', 'wir melden uns (schnellstmöglich)', 3, /\b(?:wir\s+(?:werden\s+)?(?:uns\s+)?(?:schnellstmöglich|schnellstmoeglich|baldmöglichst|so\s+schnell\s+wie\s+möglich|zeitnah|in\s+kürze|umgehend)\s+(?:bei\s+(?:ihnen|dir)\s+)?(?:melden|zurückmelden)|(?:melden|kümmern)\s+uns\s+(?:schnellstmöglich|baldmöglichst|zeitnah|so\s+schnell\s+wie\s+möglich|in\s+kürze|umgehend)|wir\s+melden\s+uns\b)/iu),
  p('auto_reply', 'de', 'automatische Nachricht', 4, /\bautomatisch(?:e|en|er)?\s+(?:erstellt|generiert|versandt|versendet|antwort|nachricht|eingangsbestätigung)|\b(?:diese|dies\s+ist\s+eine)\s+(?:nachricht|antwort|e-?mail)\s+(?:wurde\s+)?automatisch|\bautomatisch\s+(?:erstellt|generiert|versandt|versendet)/iu),
  p('auto_reply', 'de', 'Vielen Dank für Ihre Nachricht', 1.5, /\b(?:vielen|herzlichen)\s+dank\s+für\s+(?:ihre|deine)\s+(?:nachricht|anfrage|e-?mail)/iu),
  p('auto_reply', 'de', 'Anfrage eingegangen', 2.5, /\b(?:ihre|deine)\s+(?:nachricht|anfrage|e-?mail)\s+(?:ist\s+(?:bei\s+uns\s+)?eingegangen|haben\s+wir\s+erhalten)|\bwir\s+haben\s+(?:ihre|deine)\s+(?:nachricht|anfrage)\s+erhalten/iu),
  p('auto_reply', 'de', 'hohes Aufkommen', 3, /\b(?:(?:derzeit|zurzeit|aktuell|momentan)\s+(?:ein\s+)?(?:sehr\s+)?(?:hohes|erhöhtes)\s+(?:nachrichten|anfrage)?aufkommen|(?:zurzeit|derzeit|momentan)\s+(?:sehr\s+|schwer\s+)?(?:beschäftigt|ausgelastet)|längere\s+(?:bearbeitungs|warte|antwort)zeit)/iu),
  p('auto_reply', 'de', 'außerhalb der Servicezeiten', 3, /\baußerhalb\s+(?:unserer\s+)?(?:service|geschäfts|öffnungs|büro)zeiten/iu),
  p('auto_reply', 'en', 'high volumes', 3, /\b(?:experiencing|receiving|due\s+to)\s+(?:a\s+)?(?:high(?:er)?|large|unusually\s+high|increased)\s+(?:volumes?|number)\b|\bhigh\s+volume\s+of\s+(?:messages|enquiries|inquiries|requests)/iu),
  p('auto_reply', 'en', "we'll get back to you", 3, /\bwe(?:'|’)?(?:ll|\s+will)\s+(?:get\s+back\s+to\s+you|respond|reply|be\s+in\s+touch)\s+(?:as\s+soon\s+as\s+(?:possible|we\s+can)|shortly|soon|within)|\bwe(?:'|’)?(?:ll|\s+will)\s+get\s+back\s+to\s+you\b/iu),
  p('auto_reply', 'en', 'automated message', 4, /\b(?:this\s+is\s+an\s+)?automated\s+(?:message|response|reply)|\bauto-?reply\b|\bdo\s+not\s+reply\s+to\s+this/iu),
  p('auto_reply', 'en', 'message received', 2, /\b(?:we(?:'|’)?ve|we\s+have)\s+received\s+your\s+(?:message|request|enquiry|inquiry)|\bthank(?:s|\s+you)\s+for\s+your\s+(?:message|patience)[.!]?\s*(?:we|our\s+team)/iu),
  p('auto_reply', 'en', 'outside business hours', 3, /\boutside\s+(?:of\s+)?(?:our\s+)?(?:business|opening|office|service)\s+hours/iu),

  // --- deflection: the customer must start over in another channel.
  p('deflection', 'de', 'nutzen Sie Rückrufservice/Chat/Hotline', 3, /\b(?:nutze[n]?\s+(?:sie\s+)?|verwende[n]?\s+(?:sie\s+)?|wende[n]?\s+(?:sie\s+sich|dich)\s+(?:bitte\s+)?(?:an|direkt\s+an)\s+)(?:(?:gerne|bitte|doch)\s+)?(?:unser(?:e|en)?\s+|die\s+|den\s+)?(?:rückruf-?service|rückrufservice|kontaktformular|live-?chat|chat|hotline|kundenservice|service-?hotline|servicenummer|kundenhotline|filiale)/iu),
  // Compounds count too: "Kündigungshotline", "Störungs-Hotline".
  p('deflection', 'de', 'Hotline/Rückruf/Chat', 2, /(?:rückruf-?service|rückrufservice|hotline|live-?chat|kontaktformular|\bunser(?:en|em)?\s+(?:chat|kundenservice|service-?team))\b/iu),
  p('deflection', 'de', 'ruf uns an', 2.5, /\b(?:bitte\s+)?(?:ruf|rufe|rufen\s+sie)\s+(?:uns|bei\s+uns|unsere\s+\w+)\s+(?:(?:dazu|bitte|gerne|doch|einfach|kurz)\s+)*(?:unter|an)\b|\b(?:ruf|rufe|rufen\s+sie)\s+(?:uns\s+)?(?:unter\s+)?[+0][\d\s/-]{6,}\s+an\b/iu),
  p('deflection', 'de', 'rufen Sie an', 2.5, /\b(?:rufen\s+sie\s+(?:uns\s+)?(?:bitte\s+|gerne\s+)?(?:unter|an)|ruf\s+(?:uns\s+)?(?:bitte\s+|gerne\s+)?(?:unter|an)|telefonisch\s+(?:unter|erreichbar))/iu),
  p('deflection', 'de', 'Kontakt per E-Mail', 2, /\b(?:schreib(?:en\s+sie)?|wende(?:n\s+sie\s+sich)?)\s+(?:uns\s+)?(?:bitte\s+|gerne\s+)?(?:eine\s+)?(?:e-?mail|mail)\s+(?:an|unter)\b/iu),
  p('deflection', 'en', 'use our chat/hotline/callback', 3, /\b(?:please\s+)?(?:use|try|visit|reach\s+out\s+(?:to|via)|contact)\s+(?:our\s+)?(?:live\s?chat|chat\s+team|call-?back\s+service|helpline|hotline|customer\s+(?:service|care)\s+team|support\s+team|contact\s+form)/iu),
  p('deflection', 'en', 'LiveChat is online', 3, /\blive\s?chat\s+(?:is\s+)?(?:online|open|available)|\brequest\s+a\s+call\s?back/iu),
  p('deflection', 'en', 'call us', 2.5, /\b(?:please\s+)?(?:call|phone|ring|give\s+(?:us|our\s+team)\s+a\s+call(?:\s+on)?)\s+(?:us\s+|our\s+(?:[a-z-]+\s+){0,3}(?:team|line|hotline|helpline|department|experts)\s+)?(?:on|at)?\s*(?:\+|0|1-8)/iu),
  p('deflection', 'en', 'contact us at', 2.5, /\b(?:contact|email|e-mail|reach)\s+(?:us|our\s+team|the\s+team)\s+(?:at|on|via)\b/iu),
  p('deflection', 'any', 'phone number', 1.5, new RegExp(`(?<![\\w/])${PHONE}(?![\\w/])`, 'u')),
  p('deflection', 'any', 'e-mail address', 1.5, /\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b/iu),
  // A bare invitation to private messages without asking for anything: the seed's "please DM us".
  p('deflection', 'en', 'please DM us', 2, /\b(?:please\s+)?(?:dm|direct\s+message|message)\s+us\b|\bsend\s+(?:us\s+)?a\s+(?:dm|direct\s+message|private\s+message)\b|\bjoin\s+us\s+in\s+dm\b|\b(?:in|via|through)\s+dms?\b/iu),
  p('deflection', 'de', 'per DM/PN', 2, /\b(?:per|via|als|eine)\s+(?:dm|pn|privatnachricht|direktnachricht)\b|\b(?:schreib(?:en\s+sie)?|schick(?:en\s+sie)?)\s+uns\s+(?:gerne\s+|bitte\s+)?(?:eine\s+)?(?:dm|pn|privatnachricht|direktnachricht)\b/iu),

  // --- request_info: the brand engaged and asks for something.
  p('request_info', 'de', 'nenn uns …', 2.5, /\b(?:nenne?|nennen\s+sie|schick|schicke|schicken\s+sie|sende|senden\s+sie|gib|gebt|geben\s+sie)\s+uns\s+(?:bitte\s+|kurz\s+|noch\s+|gerne\s+)*(?:\w+\s*,\s*)*(?:dein|ihr|die|das|den|datum|zug|kunden|bestell|vertrags)/iu),
  p('request_info', 'de', 'Bestell-/Kundennummer', 3, /\b(?:bestell|auftrags|kunden|vertrags|sendungs|buchungs|rechnungs|vorgangs|ticket|zug)(?:-?nummer|nr\.?)|\b(?:ihre|deine)\s+(?:adresse|postleitzahl|plz|e-?mail-?adresse|anschrift|geburtsdatum)/iu),
  p('request_info', 'de', 'Rückfrage', 2.5, /\b(?:können|könnten|kannst|würden)\s+(?:sie|du)\s+(?:uns\s+)?(?:bitte\s+|kurz\s+|noch\s+)*(?:mitteilen|sagen|schicken|senden|nennen|beschreiben|prüfen|bestätigen|erklären|genauer)|\b(?:teile|teilen\s+sie)\s+uns\s+(?:bitte\s+)?(?:mit|kurz)|\b(?:welche[nrsm]?|wann|wo|seit\s+wann|um\s+welche)\b[^.!?]{0,80}\?/iu),
  p('request_info', 'de', 'damit wir prüfen können', 2, /\bdamit\s+wir\s+(?:uns\s+)?(?:das|dies|es|dein|ihr|den|die)?\s*(?:\w+\s+)?(?:prüfen|anschauen|ansehen|kümmern|nachsehen|helfen|klären|weiterhelfen)|\bum\s+(?:das|dies|es)\s+(?:zu\s+)?(?:prüfen|klären)/iu),
  p('request_info', 'en', 'account details', 3, /\b(?:order|account|booking|reference|tracking|confirmation|case|ticket|serial)\s+(?:number|no\.?|#|details|info(?:rmation)?)|\b(?:full\s+name|zip\s+code|post\s?code|(?:email|service|home|delivery)?\s*address|date\s+of\s+birth|version\s+of\s+\w+|which\s+version|device|model)\b/iu),
  p('request_info', 'en', 'question to the customer', 2.5, /\b(?:can|could|would)\s+you\s+(?:please\s+)?(?:dm|send|tell|let\s+us\s+know|confirm|provide|share|check|clarify|describe)|\blet\s+us\s+know\s+(?:which|what|when|where|how|if|the|any)|\b(?:which|what|when|where|how\s+long|is\s+there|are\s+you|have\s+you|did\s+you|do\s+you)\b[^.!?]{0,80}\?|\btell\s+us\s+(?:more|about|what|which)|\bcan\s+i\s+ask\b/iu),
  p('request_info', 'en', 'so we can look into this', 2, /\bso\s+(?:that\s+)?(?:we|i)\s+can\s+(?:look\s+into|check|investigate|take\s+a\s+look|help|advise|start|look\s+into\s+this)|\b(?:we(?:'|’)?ll|we\s+will|and\s+we\s+can)\s+(?:go|start)\s+from\s+there|\bfor\s+further\s+assistance\b|\bdm\s+(?:us\s+)?(?:your|the|with|more)\b/iu),

  // --- answer: substance. Scored too so a reply that explains and also asks "did that help?" stays an answer.
  p('answer', 'de', 'Erklärung/Lösung', 2, /\b(?:wurde|wird|ist|sind|haben)\s+(?:bereits\s+|inzwischen\s+|nun\s+|jetzt\s+)?(?:behoben|erstattet|gutgeschrieben|storniert|versandt|verschickt|zugestellt|geändert|korrigiert|freigeschaltet|gelöst)|\b(?:die\s+)?(?:lösung|ursache|grund)\s+(?:ist|war|liegt)|\bhier\s+(?:findest\s+du|finden\s+sie)|\bversuch(?:e|en\s+sie)\s+(?:bitte\s+|mal\s+)?(?:\w+\s+){0,3}(?:neu|zu\s+löschen|zu\s+aktualisieren|erneut)/iu),
  p('answer', 'en', 'explanation/fix', 2, /\b(?:has|have)\s+(?:now\s+)?been\s+(?:fixed|resolved|refunded|credited|cancell?ed|shipped|dispatched|updated|corrected|sorted|processed|issued)|\b(?:the\s+)?(?:updated\s+departure\s+time|reason\s+(?:is|was)|this\s+(?:should|will)\s+(?:fix|help|resolve))|\bwe\s+operate\s+a\b|\b(?:it(?:'|’)s|is)\s+working\b|\bhas\s+a\s+service\b|\bplease\s+refer\s+to\b|\b(?:try|could\s+you\s+try)\s+(?:the\s+steps|deleting|restarting|reinstalling|logging|clearing|updating)|\bas\s+long\s+as\b|\byou(?:'|’)?(?:ll|\s+will)?\s+(?:even\s+)?(?:get|receive)\s+(?:it|a|an|your|the)\b|\bwill\s+(?:allow|be\s+challenged|depart)/iu),
  p('answer', 'any', 'help link', 1, /https?:\/\/\S+|\bt\.co\//iu),
];

// A bare DM/PN invitation counts as deflection only when nothing in the reply asks for specific information;
// "DM us your order number" or "send us a DM so we can look into this" engages with the case.
const DM_CUES = new Set(['please DM us', 'per DM/PN']);

export interface ReplyClassification {
  kind: ReplyKind;
  cues: Cue[];
}

/** Classifies a brand account's post in reply to a customer. Pure and synchronous. */
export function classifyReply(text: string, lang: Lang): ReplyClassification {
  const score: Record<ReplyKind, number> = { answer: 0, request_info: 0, auto_reply: 0, deflection: 0 };
  const cues: Cue[] = [];
  let dmOnly = 0;
  const hay = text.toLowerCase();
  // A handful of characters (e.g. "İ") grow when lower-cased; spans would then be off, so leave them out.
  const spans = hay.length === text.length;
  for (const pat of PATTERNS) {
    const m = pat.re.exec(hay);
    if (!m) continue;
    const weight = pat.lang === 'any' || lang === 'other' || pat.lang === lang ? pat.weight : pat.weight * 0.8;
    const start = m.index;
    cues.push({ cue: `${pat.kind}: ${pat.cue}`, weight, ...(spans ? { span: [start, start + m[0].length] as [number, number] } : {}) });
    if (DM_CUES.has(pat.cue)) dmOnly += weight;
    else score[pat.kind] += weight;
  }
  // The "help link" cue alone should not turn a bare redirect into an answer: a link is substance only next to
  // some explanation, and redirects usually carry one (the chat URL).
  const substantive = score.answer > 1;
  let kind: ReplyKind;
  if (score.auto_reply >= 2.5 && score.auto_reply >= score.answer) kind = 'auto_reply';
  else if (score.deflection >= 2 && score.deflection >= score.request_info && !substantive) kind = 'deflection';
  // Half a point of margin: "Are you on BA8733? If so, the new departure time is 15:30" answers first and asks second.
  else if (score.request_info >= 2 && score.request_info > score.answer + 0.5) kind = 'request_info';
  else if (dmOnly > 0 && score.request_info < 2 && !substantive) kind = 'deflection';
  else if (score.deflection >= 2 && !substantive && score.request_info < 2) kind = 'deflection';
  else kind = 'answer';
  cues.sort((a, b) => b.weight - a.weight);
  return { kind, cues };
}
