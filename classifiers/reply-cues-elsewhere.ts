/**
 * Redirects classifiers/reply-cues.ts did not know (QA round 6: each closed a complaint as if answered, or parked
 * it as waiting on the customer): a question that only points to another channel, someone on site or a third
 * party, and a case moved to private messages. All are `deflection`: the customer keeps waiting for a public
 * answer, the SLA clock keeps running, and repeated redirects escalate as channel ping-pong.
 */
import { APOS, p, type ReplyPattern, rx, W, WG } from './reply-pattern.ts';

/**
 * Not what the brand says it did itself: "I've raised this with the baggage team" is a holding reply. Placed after
 * a lookahead for the verb, so the lookbehind runs only where a verb starts.
 */
const NOT_BY_US = String.raw`(?<!\b(?:we|i)(?:${APOS}(?:ve|ll|d))?\s+(?:(?:have|will|would|can|could|should|must|may|need\s+to|already|just|now|also)\s+){0,2})`;
const CHANNEL_EN = String.raw`(?:live\s*chat|web\s*chat|chat(?:\s+team)?|help\s*cent(?:re|er)|help\s+(?:pages?|section|hub|site)|faqs?|website|contact\s+(?:form|page|us\s+page)|hotline|helpline|support\s+(?:pages?|site|team|cent(?:re|er)|portal)|(?:customer\s+)?(?:service|care|relations|support)\s+team|[a-z-]+\s+desk|desk|counter|community(?:\s+forum)?|forum)\b`;
/** "Did you visit the store on King Street?" asks about the case; only "your local store" sends the customer there. */
const LOCAL_EN = String.raw`your\s+(?:local|nearest)\s+(?:store|branch|shop)\b`;
/** People and places on site, and parties other than the brand, a customer is sent to. */
const ON_SITE_EN = String.raw`(?:[a-z-]+\s+)?(?:desk|counter|gate|staff|crew|reception|station|airport|information\s+point|service\s+point|help\s*point|driver|conductor|guard|police|hotel|airline|bank|insurer|manufacturer|retailer|landlord|council|embassy|operator|agent|agency)\b`;
/** Places and third parties a German reply sends the customer to (besides the channels of reply-cues.ts). */
const PLACE_DE = String.raw`(?:kundencenter|kundenzentrum|kundenbüro|servicecenter|servicepoint|service-?point|reisezentrum|[a-zäöüß-]*schalter|rezeption|empfang|info-?(?:point|stand|theke)|filiale|vermittler\S*|makler\S*|händler\S*|hersteller|vermieter\S*|hausverwaltung|flughafen|fluggesellschaft|airline|reisebüro|reiseveranstalter|bank|polizei|netzbetreiber|personal|zugbegleiter\S*)`;

/** A phone number as a report line gives it: "0800 818 818", "+43 732 1234", "05 07 08". */
const PHONE_START = String.raw`(?:\+|0|1-8)\d`;
/** Documents that state rules, not this customer's case: a refund policy, the terms, the AGB. */
const POLICY_EN = String.raw`(?:[a-z-]+\s+)?(?:policy|policies|terms(?:\s+(?:and|&)\s+conditions)?|terms\s+of\s+(?:service|use)|t\s?&\s?cs|conditions\s+of\s+(?:carriage|sale))`;
const POLICY_DE = String.raw`(?:[a-zäöüß]+-?)?(?:richtlinien?|bedingungen|agb|geschäftsbedingungen|widerrufsbelehrung|datenschutzerklärung|regelungen)`;
/** A web address: "help.forkly.example/refunds", "https://…". */
const LINK = String.raw`(?:https?://)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?`;

export const ELSEWHERE_PATTERNS: readonly ReplyPattern[] = [
  // A redirect asked as a question is still a redirect, not a request for details: "have you tried our live
  // chat? They can change your seat.", "Have you checked our help centre?"
  p('deflection', 'en', 'have you tried our chat?', 3, rx(
    String.raw`\b(?:have\s+you|did\s+you|had\s+you|why\s+not|maybe|perhaps)\s+(?:(?:already|yet|also|maybe|just)\s+)?(?:tr(?:y|ied)|check(?:ed)?|visit(?:ed)?|used?|contact(?:ed)?|call(?:ed)?|rung|phoned|ask(?:ed)?|look(?:ed)?\s+(?:at|on|in)|had\s+a\s+look\s+(?:at|on|in)|reach(?:ed)?\s+out\s+to|(?:got|get|been)\s+in\s+touch\s+with|spoken\s+(?:to|with)|speak\s+(?:to|with)|pop(?:ped)?\s+into|been\s+to)(?:\s+(?:calling|contacting|using|asking|visiting|messaging|chatting\s+(?:to|with)|speaking\s+(?:to|with)|reaching\s+out\s+to))?\s+(?:(?:our|the)\s+(?:[a-z-]+\s+){0,2}?${CHANNEL_EN}|${LOCAL_EN})`,
  )),
  // "Please ask at the check-in desk", "please raise this with the airport as they operate the security lanes".
  p('deflection', 'en', 'ask at the desk / raise it with a third party', 2.5, rx(
    String.raw`\b(?=ask|enquire|inquire|speak|talk|check|report)${NOT_BY_US}(?:ask|enquire|inquire|speak|talk|check|report\s+(?:it|this))\s+(?:at|with|to)\s+(?:the|a|an|our|your|any)\s+(?:member\s+of\s+(?:the\s+)?)?${ON_SITE_EN}`,
    String.raw`\b(?=raise|take)${NOT_BY_US}(?:raise|take)\s+(?:this|it|that|the\s+(?:matter|issue)|your\s+(?:[a-z-]+\s+)?(?:complaint|claim|issue|concern|query))\s+(?:up\s+)?(?:directly\s+)?with\s+(?:the|your|a|an)\s+`,
    String.raw`\b(?:recommend|suggest|advise)\s+(?:you\s+)?(?:raising|contacting|asking|speaking\s+(?:to|with)|talking\s+to|checking\s+with)\s+(?:this\s+|it\s+)?(?:with\s+)?(?:the|your|a|an)\s+${ON_SITE_EN}`,
  )),
  // A question that only names another channel: "Hast du es schon über unser Kontaktformular probiert?",
  // "Hast du dich schon an unseren Kundenservice gewandt?" (not "…im Kundenportal nachgeschaut?": self-service).
  p('deflection', 'de', 'hast du es schon im Chat probiert?', 3, rx(
    String.raw`\b(?:hast\s+du|haben\s+sie|habt\s+ihr|warst\s+du|waren\s+sie)\s+(?:es\s+|dich\s+|sich\s+|euch\s+)?(?:(?:schon|bereits|mal|einmal|denn)\s+)*[^.!?]{0,40}?(?:chat|hotline|kundenservice|kundendienst|kundenbetreuung|service-?team|kontaktformular|formular|filiale|kundencenter|servicecenter|reisezentrum|schalter|vermittler|händler)[^.!?]{0,30}?\b(?:probiert|versucht|ausprobiert|kontaktiert|angerufen|angeschrieben|geschrieben|gewandt|gemeldet|gefragt|genutzt|gewesen|vorbeigeschaut)\b`,
  ), false, '?'),
  // A place or a third party that "helps you gladly": "Unser Kundencenter in der Bahnhofstraße hilft dir gern weiter".
  p('deflection', 'de', 'das Kundencenter hilft dir weiter', 2.5, rx(
    String.raw`\b(?:unser(?:e|em|en)?|die|das|der|dein(?:e|em|en)?|ihr(?:e|em|en)?)\s+(?:${W}\s+)?${PLACE_DE}\b[^.!?]{0,60}?\b(?:hilft|helfen|berät|beraten|kümmert\s+sich|kümmern\s+sich|ist\s+(?:gerne?\s+)?für\s+(?:dich|sie|euch)\s+da|steht\s+(?:dir|ihnen|euch))\b[^.!?]{0,30}`,
    String.raw`(?<!wir\s)\bhilft\s+(?:dir|ihnen|euch)\s+(?:${WG}\s+){0,2}?weiter\b`,
  )),
  // "Frag am besten direkt am Schalter", "Bitte melde dich dazu bei deiner Bank".
  p('deflection', 'de', 'frag am Schalter / bei deiner Bank', 2.5, rx(
    String.raw`\b(?:frag|fragen\s+sie|erkundige\s+dich|erkundigen\s+sie\s+sich|melde\s+dich|melden\s+sie\s+sich|wende\s+dich|wenden\s+sie\s+sich|geh|gehen\s+sie)\s+(?:${W}\s+){0,3}?(?:am|beim|bei\s+(?:der|dem|deinem|deiner|ihrem|ihrer|einem|einer)|an\s+(?:der|dem|den)|im|in\s+(?:der|einer|unserer)|zum|zur)\s+(?:${W}\s+)?${PLACE_DE}\b`,
  )),
  // The case moved to private messages, sent or answered there: "We've sent you a DM", "Wir haben dir eine PN
  // geschickt", "wir haben Ihnen soeben eine private Nachricht geschickt" (QA round 11: read as an answer), "Check
  // your DMs", "Schau mal in dein Postfach". The public complaint is still unanswered where everyone sees it, and
  // the tool cannot read DMs to know whether the private message answers; so, in both languages, it is a redirect
  // (the clock keeps running and the alert says why) rather than an answer that would close the case unseen. A
  // customer who says it is solved ends the thread as usual.
  { ...p('deflection', 'en', 'sent you a DM', 2.5, rx(
    String.raw`\b(?:we|i)(?:${APOS}ve|\s+have)?\s+(?:just\s+|now\s+|already\s+)?(?:sent|dropped|popped|fired\s+(?:over|off))\s+you\s+(?:a|an|our)\s+(?:quick\s+|private\s+|direct\s+)?(?:dm|pm|direct\s+message|private\s+message|message|e-?mail|reply)\b`,
    String.raw`\b(?:we|i)(?:${APOS}ve|\s+have)\s+(?:just\s+|now\s+|already\s+)?(?:replied|responded|answered|got(?:ten)?\s+back|written\s+back)\s+(?:to\s+you\s+)?(?:to\s+your|in|via|by|over)\s+(?:dms?|direct\s+messages?|private\s+messages?|e-?mail|inbox)\b`,
    String.raw`\b(?:we|i)(?:${APOS}ve|\s+have)\s+(?:just\s+|now\s+|already\s+)?(?:dm${APOS}?e?d|pm${APOS}?e?d|messaged|e-?mailed|written\s+to)\s+you\b`,
    String.raw`\bcheck\s+(?:your|ur)\s+(?:dms?|inbox|direct\s+messages|private\s+messages|messages|e-?mails?)\b`,
    String.raw`\b(?:see|read)\s+(?:our|my)\s+(?:dm|direct\s+message|private\s+message|message|reply)\b`,
  )), phraseOnly: true },
  { ...p('deflection', 'de', 'DM geschickt', 2.5, rx(
    String.raw`\b(?:wir\s+haben|haben\s+wir|ich\s+habe|habe\s+ich)\s+(?:dir|ihnen|euch)\s+(?:${W}\s+){0,2}?(?:eine?\s+)?(?:(?:private|persönliche|direkte)\s+)?(?:dm|pn|privatnachricht|direktnachricht|nachricht|e-?mail|mail|antwort)\s+(?:${W}\s+){0,3}?(?:geschickt|geschrieben|gesendet|zukommen\s+lassen)\b`,
    String.raw`\b(?:wir\s+haben|haben\s+wir|ich\s+habe|habe\s+ich)\s+(?:dir|ihnen|euch)\s+(?:(?:gerade|eben|soeben|bereits|schon|gerne)\s+)*(?:per\s+(?:dm|pn|mail|e-?mail)\s+)?(?:geschrieben|geantwortet)\b`,
    String.raw`\bschau(?:e|en\s+sie|t)?\s+(?:(?:mal|bitte|gerne?|doch|kurz)\s+)*in\s+(?:dein|ihr|euer)e?n?\s+(?:postfach|posteingang|dms?|pns?|nachrichten|mails?|e-?mails?)\b`,
    String.raw`\b(?:dm|pn|nachricht|antwort)\s+(?:ist\s+)?(?:in\s+(?:deinem|ihrem|eurem)\s+(?:postfach|posteingang))`,
  )), phraseOnly: true },
  // Report it by phone (QA round 8): "Bitte melden Sie das umgehend unter 0800 818 818", "bitte melde den Schaden bei
  // unserer Störungsnummer 0800 …", "please report it on 0800 …". Not the brand's own "wir melden das unter …".
  p('deflection', 'de', 'melden Sie das unter 0800 …', 2.5, rx(
    String.raw`(?<![a-zäöüß])(?:melde|meldet|melden\s+sie|ruf|rufe|rufen\s+sie)(?<!\b(?:ich|wir|er|es)\s+(?:melde|melden\s+sie|rufe))(?!\s+(?:mich|ich|dich|uns))\b[^.!?]{0,40}?(?<![a-zäöüß])(?:unter|bei|über)\s+(?:(?:der|unserer|unsere[rnm]?)\s+)?(?:[a-zäöüß-]*(?:nummer|hotline|telefon)\s+)?${PHONE_START}`,
  )),
  p('deflection', 'en', 'report it on 0800 …', 2.5, rx(
    String.raw`\b(?=report|flag|ring|phone)${NOT_BY_US}(?:report|flag)\s+(?:(?:it|this|that|the|your)\s+)?(?:(?:[a-z-]+\s+)?(?:outage|fault|issue|problem|damage|leak|incident)\s+)?(?:to\s+us\s+)?(?:(?:right\s+)?(?:away|now|immediately)\s+)?(?:on|at|via|by\s+(?:calling|phoning|ringing))\s+(?:(?:our|the)\s+(?:[a-z-]+\s+){0,2}?(?:line|hotline|helpline|number)\s+)?${PHONE_START}`,
  )),
  // Write to us over there (QA round 8: "Please reach out via the in-app chat so our team can look into it" closed a
  // complaint): contact verbs with a channel in the app or on the web, whatever word names it ("in-app chat").
  p('deflection', 'en', 'reach out via the in-app chat', 3, rx(
    String.raw`\b(?=reach|get|contact|message|write|talk|chat|speak)${NOT_BY_US}(?:reach\s+out(?:\s+to\s+us)?|get\s+in\s+touch(?:\s+with\s+us)?|contact\s+us|message\s+us|write\s+to\s+us|talk\s+to\s+us|chat\s+(?:to|with)\s+us|speak\s+to\s+us)\s+(?:(?:directly|instead|again)\s+)?(?:via|through|in|on|using|over)\s+(?:the|our)\s+(?:[a-z-]+\s+)?(?:chat|app|messenger|help\s*cent(?:re|er)|contact\s+form|support\s+(?:page|portal|site))\b`,
  )),
  p('deflection', 'de', 'meld dich im In-App-Chat', 3, rx(
    String.raw`\b(?:melde\s+dich|meldet\s+euch|melden\s+sie\s+sich|schreib(?:e|t)?\s+uns|schreiben\s+sie\s+uns|kontaktier(?:e|t)?\s+uns|kontaktieren\s+sie\s+uns)\s+(?:(?:bitte|gerne?|einfach|direkt|dafür|dazu|kurz)\s+)*(?:im|in\s+(?:der|unserer)|über\s+(?:den|die|das|unseren|unsere|unser))\s+(?:[a-zäöüß]+-)+(?:chat|app|formular|portal)\b`,
  )),
  // A policy pointed to instead of this customer's case (QA round 8: "You can find our refund policy at …" to a missing
  // item): the rules in general, and a link. A customer who asked where the policy is gets it as the answer
  // (reply-channel-question.ts).
  p('deflection', 'en', 'our refund policy is at …', 2.5, rx(
    String.raw`\b(?:find|see|read|check|view|review|consult)\s+(?:out\s+)?(?:our|the)\s+(?:full\s+)?${POLICY_EN}\s+(?:at|on|here|via|in)\b:?\s*(?:our\s+(?:website|site|help\s*cent(?:re|er))|${LINK})`,
    String.raw`\b(?:our|the)\s+(?:full\s+)?${POLICY_EN}\s+(?:is|are|can\s+be\s+found)\s+(?:available\s+)?(?:at|on|here)\b:?\s*${LINK}`,
  )),
  p('deflection', 'de', 'unsere Richtlinien unter …', 2.5, rx(
    String.raw`\b(?:unsere|die)\s+${POLICY_DE}\s+(?:findest\s+du|finden\s+sie|gibt\s+es|stehen|sind)\s+(?:${W}\s+){0,2}?(?:unter|auf|hier)\b:?\s*${LINK}`,
    String.raw`\b(?:findest\s+du|finden\s+sie|lies|lesen\s+sie)\s+(?:${W}\s+){0,2}?(?:in\s+)?(?:unseren|unserer|den|der)\s+${POLICY_DE}\s+(?:unter|auf)\b:?\s*${LINK}`,
  )),
];
