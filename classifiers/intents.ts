/**
 * Rule intents for German and English posts: what a post is about, so analysts can route it (billing team,
 * logistics, social care). Patterns follow the cue syntax of cues-types.ts and come from the same sources as
 * the complaint cues (the seed posts' situations, customer-service tweets). Both languages are tried on every
 * post: intent words are distinctive, and mixed-language posts ("Paket still not delivered") are common.
 */
import type { Intent, SentimentLabel } from '../src/model.ts';
import { CANCELLING } from './cues-de.ts';
import { askedQuestion } from './asked-question.ts';
import { feeNames, type FeeName } from './fee-names.ts';
import { PROBLEM_PATTERNS } from './intent-problems.ts';
import { compileAlternation, scanTokens } from './cues-regex.ts';
import type { PreparedText } from './text.ts';

export const INTENT_PATTERNS: ReadonlyArray<readonly [Exclude<Intent, 'question'>, string]> = [
  // Unreachable first: "keine Antwort auf meine Rechnungsfrage" is foremost a service failure.
  ['support_unreachable', 'hotline*|warteschleife*|wartezeit|keine (?:antwort|rückmeldung|reaktion|rückruf)|nicht erreichbar|niemand (?:erreichbar|meldet sich|geht ran|antwortet)|niemanden erreicht|kein durchkommen|dauerbesetzt|chat|rückrufservice|rückruf*|kontaktformular|funkstille|unbeantwortet|kundenservice ist nicht|on hold|hold music|no (?:reply|response|answer|call ?back)|(?:can\'t|cant|cannot|couldn\'t|unable to) (?:reach|contact|get through|get hold|speak to|talk to)|nobody (?:answers|replies|responds|picks up)|no one (?:answers|replies|responds|picks up)|haven\'t heard back|never heard back|live chat|call centre|call center|customer service line|0800'],
  ['billing', 'rechnung*|mahnung*|mahngebühr*|inkasso*|zahlungserinnerung|abbuchung*|abgebucht|lastschrift*|abrechnung*|gutschrift*|erstattung*|rückerstattung*|abschlag*|gebühr*|zu viel berechnet|doppelt (?:abgebucht|berechnet)|bezahlt|zahlung*|bill|bills|billing|billed|invoice*|charge|charged|charges|overcharged|refund*|payment*|debt collect*|collections|late fee|fees?|direct debit|statement|price (?:hike|increase)|money back'],
  // "Tarif wechseln" is left out: asking how to change one's plan at the same provider is no threat to leave. English
  // "cancel" only as the customer's own act ("cancel my subscription", "going to cancel"): "they cancelled my
  // flight" is the company's doing, a service failure, not a threat to leave.
  // "Konto wird … gekündigt", "überlege, die App zu löschen", "I'm leaving", "porting my number", "Cancelling my Streamly
  // sub", an ultimatum ("Last warning."): leaving, said in more ways than the verb (QA round 6).
  ['cancellation_threat', `${CANCELLING}|gekündigt|überleg*,? (?:[\\p{L}]+,? ){0,4}zu (?:löschen|kündigen|deinstallieren)|(?:i'm|im|i am|we're|we are) (?:so |completely |totally |officially )?done(?! with (?:my|the|this|it|that|work|today))|stop using (?:you|them|your|their)|(?:app|konto|account) (?:gelöscht|deinstalliert|gekündigt)|letzte warnung|(?:i'm|im|i am|we're|we are) (?:now |officially |finally )?(?:leaving|porting)|port(?:ing|ed)? (?:my|our) (?:number|numbers)|cancel(?:l?ing|l?ed)? (?:my|our|the|this) [\\p{L}\\p{N}]+ (?:sub|subscription|account|contract|membership|plan)|(?:last|final) warning|(?:anbieter|vertrag|provider) (?:wechseln|beenden)|wechsle (?:zu|den|jetzt)|wechseln zu|werde (?:wohl |jetzt |bald |dann )?wechseln|überleg* (?:ernsthaft |schon |jetzt )?(?:zu )?wechseln|(?:wechsel|wechsle) ich|zur konkurrenz|nie wieder|bin weg|bin ich weg|sind wir weg|cancel(?:l?ing)? (?:everything|it all)|cancel(?:l?ing|l?ed)? (?:my|our|the|this) (?:account|subscription|contract|membership|service|plan|policy|card|broadband|package|order)|(?:going|want|wanna|about|ready|trying|need|have|decided) to cancel|(?:will|gonna|i\'ll|ill|i\'d|shall) cancel|(?:i\'m|im|i am) cancel(?:l?ing)|switch(?:ing)? to(?! (?:them|you|you guys|your|their|it)(?![\\p{L}]))|switching (?:providers?|companies)|take my business elsewhere|leaving (?:you|for)|(?:i\'m|im|i am) done with|never (?:again|using|ordering|buying)|won\'t be renewing|not renewing|close my account`],
  ['delivery', 'liefer*|geliefert|paket*|päckchen|sendung*|zustell*|zugestellt|versand*|verschickt|bestellung*|bestellt|lieferdienst|kurier|packstation|abholstation|sendungsverfolgung|tracking*|delivery|deliveries|deliver|delivered|package*|parcel*|shipping|shipped|shipment|courier|(?:my|your|the|an|our) order|order (?:number|status|no|confirmation)|orders|ordered|arrived|arrive|dispatch*|tracking number|out for delivery|missing item|wrong item'],
  ['product_defect', 'kaputt*|defekt*|funktioniert nicht|geht nicht|geht nicht mehr|störung|störungen|fehlermeldung*|fehler|ausfall|ausgefallen|kein (?:netz|internet|empfang|wlan|strom|warmwasser)|abgestürzt|beschädigt|mangelhaft*|reklamation*|broken|broke|not working|doesn\'t work|doesnt work|won\'t work|stopped working|faulty|defective|damaged|outage|(?:is|are|went) down|no (?:signal|service|internet|wifi|power)|crash*|error*|glitch*|bug|bugs|keeps (?:crashing|dropping|freezing|disconnecting)|dead on arrival'],
  ['staff_behaviour', 'unfreundlich*|angeschrien|angebrüllt|angepöbelt|angeblafft|ausgelacht|laughed at (?:me|us)|patzig*|pampig*|herablassend|angeschnauzt|angemotzt|respektlos|unhöflich|aufgelegt|inkompetent*|arrogant*|mitarbeiter(?:in|innen)? (?:war|waren|hat|haben|ist)|schaffner*|zugbegleiter*|fahrer (?:war|hat)|personal|berater (?:war|hat)|rude|unhelpful|unprofessional|impolite|condescending|hung up|yelled|attitude|staff|employee|agent (?:was|hung|told)|driver (?:was|told)|cashier|manager (?:was|told)|representative (?:was|told)'],
];

// The support_unreachable words that only name a channel, and praise for having reached it (not negated).
const CHANNEL_ONLY = /^(?:hotline\p{L}*|chat|live chat|rückruf\p{L}*|kontaktformular|call cent(?:re|er)|customer service line|0800)$/u;
const REACHED =
  /(?<!(?:nicht|kaum|nie|selten|not|never|rarely) )(?:schnell|gut|sofort|direkt|problemlos|gleich) (?:erreichbar|durchgekommen)|got through (?:quickly|straight away|right away|immediately|first time)|(?:quick|easy) to (?:reach|get through)/u;

const INTENT_RE = compileAlternation(INTENT_PATTERNS.map(([, p]) => p));
const PROBLEM_RE = compileAlternation(PROBLEM_PATTERNS.map(([, p]) => p));

/** The words before `end` lead to ("to", "zu") and the one name of `names` follows right after (a handle's @ aside). */
function switchesToNamed(lower: string, end: number, names: ReadonlyArray<readonly [number, number]>): boolean {
  if (!/(?:^|\s)(?:to|zu)$/u.test(lower.slice(Math.max(0, end - 3), end))) return false;
  let at = end;
  while (at < lower.length && (lower[at] === ' ' || lower[at] === '@')) at++;
  const target = names.find(([a]) => a === at);
  if (target === undefined) return false;
  // Only when no other name stands in the post: "Switching to Vodafone, done with Lumio" threatens Lumio.
  const name = lower.slice(target[0], target[1]);
  return names.every(([a, b]) => lower.slice(a, b) === name);
}

/** Whether `start..end` lies inside one of `spans`. */
function within(spans: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  return spans.some(([a, b]) => start >= a && end <= b);
}

/** Whether a match of `intent` at `start..end` lies inside a fee's name (a free one's for billing too). */
function inFeeName(fees: readonly FeeName[], intent: Intent, start: number, end: number): boolean {
  return fees.some(({ span: [a, b], free }) => (free === true || intent !== 'billing') && start >= a && end <= b);
}

export interface IntentMatch {
  intent: Intent;
  /** Offsets in `PreparedText.lower` of the cue behind the intent: its first failure phrase, else its first topic word. */
  span: [number, number];
  /**
   * A phrase of failure carried it ("kam kalt an", "stopped heating", a threat to leave), not only a topic word
   * ("Paket", "Rechnung"): see reportedIntents.
   */
  problem: boolean;
}

// Every word of these two intents already says something went wrong ("kaputt", "ich kündige"): they need no
// separate failure phrase.
const PROBLEM_BY_WORD: ReadonlySet<Intent> = new Set(['cancellation_threat', 'product_defect']);

/**
 * Detects intents. `question` means the post asks for information (asked-question.ts): "Wann kommt mein Paket",
 * "how do I cancel?", not "Wie kann es sein, dass …?" or "Seriously?".
 * `skip`: spans of `p.lower` that are names, not talk ("Kranich Versand" is a shop, not a delivery).
 */
export function detectIntents(p: PreparedText, skip: ReadonlyArray<readonly [number, number]> = []): IntentMatch[] {
  const found = new Map<Intent, { span: [number, number]; problem: boolean }>();
  // A fee's name is billing, whatever it is named after: "Versandgebühr" and "delivery fee" report no delivery,
  // "Verspätungszuschlag" no delay (fee-names.ts); "free of charge" names no fee at all.
  const fees = feeNames(p.lower);
  // Failure phrases first, in their own scan: a topic word at the same place ("Lieferung verschiebt sich") must not
  // hide them.
  scanTokens(PROBLEM_RE, p, (i, start, end) => {
    const intent = PROBLEM_PATTERNS[i]?.[0];
    if (intent && !within(skip, start, end) && !inFeeName(fees, intent, start, end) && !found.has(intent)) found.set(intent, { span: [start, end], problem: true });
  });
  scanTokens(INTENT_RE, p, (i, start, end) => {
    const intent = INTENT_PATTERNS[i]?.[0];
    if (intent && topicStands(p, skip, () => fees, intent, start, end) && !found.has(intent)) found.set(intent, { span: [start, end], problem: PROBLEM_BY_WORD.has(intent) });
  });
  // Naming a channel is no complaint that it is unreachable when the post says it was reached quickly.
  const support = found.get('support_unreachable');
  if (support && CHANNEL_ONLY.test(p.lower.slice(support.span[0], support.span[1])) && REACHED.test(p.lower)) found.delete('support_unreachable');
  const charged = fees.filter((f) => f.free !== true && !within(skip, ...f.span));
  const fee = charged.find((f) => f.problem) ?? charged[0];
  const billing = found.get('billing');
  if (fee && (billing === undefined || (fee.problem && !billing.problem))) found.set('billing', { span: fee.span, problem: fee.problem });
  const question = askedQuestion(p);
  if (question) found.set('question', { span: question, problem: false });
  return [...found].map(([intent, { span, problem }]) => ({ intent, span, problem }));
}

/**
 * The intents a post is reported with. Intents route problems, so a post that reports none gets none but its
 * question: praise names the delivery it praises ("Wohnwerk hat so schnell geliefert"), news the outage it reports,
 * a question the parcel it asks about, and none of them is a delivery problem or a defect (QA round 6: 29
 * non-complaints carried problem intents). A complaint keeps its topic words too ("wegen meiner Erstattung. Keine
 * Antwort": the refund is what it is about); a negative post below the complaint threshold keeps what a failure
 * phrase carried, since the complaint score misses dialect and sarcasm more often than these phrases misfire.
 */
export function reportedIntents(found: readonly IntentMatch[], post: { complaint: boolean; sentiment: SentimentLabel }): Intent[] {
  // A complaint that reads positive is a doubtful one ("Homely delivery team were so careful … 10/10"): only failure
  // phrases carry its intents.
  if (post.complaint && post.sentiment !== 'positive') return found.map((m) => m.intent);
  if (post.complaint) return found.filter((m) => m.intent === 'question' || m.problem).map((m) => m.intent);
  // Asking how to cancel is the churn risk itself ("How do I cancel my subscription?" is no complaint, but the retention
  // team wants it); praise that says "nie wieder Stress" or "never going back" to a rival is none.
  return found
    .filter((m) => m.intent === 'question' || (m.intent === 'cancellation_threat' && post.sentiment !== 'positive') || (post.sentiment === 'negative' && m.problem))
    .map((m) => m.intent);
}

/**
 * `reportedIntents(detectIntents(p, skip()), post)`, without the work whose results it would drop: a non-complaint
 * that reads positive reports only its question, and one that reads neutral only its question and a threat to leave
 * (which no failure phrase of PROBLEM_PATTERNS carries, so the failure scan, fees aside, cannot change it). The
 * topic scan still runs in full for the threat: which tokens it tries depends on every pattern's matches.
 */
export function detectReportedIntents(p: PreparedText, skip: () => ReadonlyArray<readonly [number, number]>, post: { complaint: boolean; sentiment: SentimentLabel }): Intent[] {
  if (post.complaint || post.sentiment === 'negative') return reportedIntents(detectIntents(p, skip()), post);
  const out: Intent[] = [];
  if (post.sentiment !== 'positive' && threatensToLeave(p, skip())) out.push('cancellation_threat');
  if (askedQuestion(p)) out.push('question');
  return out;
}

/** Whether detectIntents finds `cancellation_threat`: its topic scan, with the same checks for that intent. */
function threatensToLeave(p: PreparedText, skip: ReadonlyArray<readonly [number, number]>): boolean {
  let found = false;
  let fees: FeeName[] | undefined;
  scanTokens(INTENT_RE, p, (i, start, end) => {
    if (found || INTENT_PATTERNS[i]?.[0] !== 'cancellation_threat') return;
    found = topicStands(p, skip, () => (fees ??= feeNames(p.lower)), 'cancellation_threat', start, end);
  });
  return found;
}

/**
 * Whether a topic word of `intent` at `start..end` counts: not inside a name (`skip`) or a fee's name, and for a threat to
 * leave, not "switching to Lumio" / "ich wechsle zu Lumio" (a customer won, for the brand named). Fees are asked for
 * only when needed.
 */
function topicStands(p: PreparedText, skip: ReadonlyArray<readonly [number, number]>, fees: () => readonly FeeName[], intent: Intent, start: number, end: number): boolean {
  if (within(skip, start, end) || inFeeName(fees(), intent, start, end)) return false;
  return intent !== 'cancellation_threat' || !switchesToNamed(p.lower, end, skip);
}
