/**
 * A post that is nothing but a how-to or availability question ("Wie kann ich bei der Telekom meinen Tarif
 * wechseln?", "Is there a way to change my delivery address after ordering?") asks for information; it reports
 * no failure. The learned models, trained on one railway's talk (German) and on tweets to support handles
 * (English), read brand and product words in such questions as complaint evidence and flagged them.
 *
 * Deliberately narrow, because a question is often how a complaint is put: "Warum ist mein Paket immer noch
 * nicht da?", "where is my bill for this month?" and a problem report followed by "How do I get this repaired?"
 * are complaints in both corpora (GermEval dev.xml: 18 % of questions without a negative cue are complaints;
 * English corpus: 29 %). So only a single sentence that opens with an information-seeking phrase counts; why-,
 * where-is- and since-when-questions never do, and the caller also requires that the cue model found no failure,
 * no negative word and no irony in it.
 */
import type { Lang } from '../src/model.ts';

// Handles, links and greetings in front of the question. A greeting may name the company before its comma ("Hey
// Northbank, is the branch … open …?", "Hallo Versichra, wo finde ich …?": QA round 6 read the name as the question).
const LEAD =
  /^(?:(?:[@#][\p{L}\p{N}_]+|https?:\/\/\S+|(?:hallo|hello|hi|hey|liebe[rs]?|dear|moin|servus|guten (?:tag|morgen|abend))(?: [\p{L}\p{N}_.&'-]+){0,2}(?=[,:!])|hallo|hello|hi|hey|howzit|liebe[rs]?|dear|moin|servus|servas|griaß (?:eich|di|euch)|grüß gott|grüezi|guten (?:tag|morgen|abend)|quick question|kurze frage|frage:)[\s,:!.–-]*)*/iu;

// A verb-first question with "auch" asks whether something is on offer ("Liefert der Rewe Lieferservice auch nach …?",
// "Nimmt Penny eigentlich auch Pfand …?": set 16 dev, read as complaints by the learned model).
// When-questions count only about the brand's own plans ("wann wird der Glasfaserausbau …", "when will the …"):
// "Wann kommt mein Paket?" asks after something owed to the writer, like "where is my bill".
// An either/or question about a product or plan ("Is the PS5 version getting cross-play or is it PC only?", set 10) asks
// for a fact; not when its first half names a fault ("Is your check-in down or is it just me?").
const OPENERS: Partial<Record<Lang, RegExp>> = {
  de: /^(?:wie kann (?:ich|man)|wie (?:kündige|storniere|wechsle|ändere|melde|bekomme|beantrage|aktiviere|deaktiviere) ich|was (?:ist|sind) (?:die|der|das) (?:\p{L}+)?(?:frist|fristen|gebühr|gebühren|kosten|preis|preise|adresse)|wie können wir|wie funktioniert|kann (?:ich|man)|könnte ich|darf ich|muss ich|können sie mir sagen|könnt ihr mir sagen|gibt es|gibt's|gibts|weiß jemand|weiss jemand|weiß wer|woaß wer|wer weiß,? ob|hat jemand (?:erfahrung|eine idee|einen tipp)|kennt jemand|ab wann|bis wann|wann (?:wird|werden|kommt|kommen|ist|gibt es|beginnt|startet|öffnet) (?:der|die|das|den|euer|eure|ihr|ihre)|wo finde ich|wo find ich|wo kann ich|wie lang(?:e)? (?:is|ist|dauert|braucht|sind)|(?:hat|haben) (?:[\p{L}\p{N}&'.-]+ ){1,6}(?:offen|geöffnet|auf)(?=\s*\?)|wie lange dauert|ist es möglich|bietet ihr|bieten sie|liefert ihr|liefern sie|habt ihr (?:auch )?(?:eine|einen|ein)|was kostet|wos kost(?:et|'?t)?|wie ?viel kostet|wann gibt(?:'s|s| es) wieder|wie (?:meldet|kündigt|bekommt|beantragt|ändert|storniert|erreicht) man|wie hoch (?:ist|sind) (?:der|die|das)|kann (?:mir )?(?:jemand|wer|einer) (?:\p{L}+ ){0,6}(?:empfehlen|sagen|erklären)|(?:ist|sind) (?:die|der|das|eure|euer) (?:[\p{L}\p{N}-]+ ){1,4}(?:noch |schon |heute |morgen |am \p{L}+ )?(?:offen|geöffnet|geschlossen|verfügbar|erhältlich|lieferbar)|(?:liefert|liefern|nimmt|nehmen|akzeptiert|akzeptieren|verkauft|verkaufen|führt|führen|bietet|bieten|gilt|gelten|hat|haben|fährt|fahren|öffnet|öffnen|funktioniert|funktionieren|klappt|läuft) (?:[\p{L}\p{N}&'.-]+ ){1,6}(?:eigentlich )?(?:auch|au|zurück))\b/iu,
  en: /^(?:how (?:do|can|could|would|should) (?:i|we)|how does|can i|could i|may i|should i|is (?:there|it possible)|are there|does anyone know (?:if|whether|when|where|how)|do you know (?:if|whether|when|where|how)|anyone know (?:if|whether|when|where|how)|where (?:can|do|could) i|when (?:will|does|do|is) (?:the|your)|how long (?:do|does|will|would|can|have) (?:i|we|you|it) (?:get|have|take)|any news (?:on|about) (?:a|an|the next|new|the new)|any word on (?:when|whether|if|the next)|is (?:the|your|it) (?:[\p{L}\p{N}'-]+ ){0,4}still [$£€]?\d|which (?:[\p{L}\p{N}'-]+ ){0,3}(?:is|are) (?:coming|coming back|returning|next)|when is (?:the |your )?(?:new |next )?(?:[\p{L}\p{N}'-]+ ){0,2}(?:season|episode|series|album|update|sale|film|movie|game|collection|drop|restock|release)|what(?:'s| is) the (?:best|easiest) way|how far in advance (?:did|do|should|can)|(?:is|are) (?:the|your) (?:[\p{L}\p{N}'-]+ ){1,5}open|anyone (?:had|have|having) (?:any )?luck|(?:has|have) anyone (?:had|got) (?:any )?luck|is the (?:[\p{L}\p{N}'-]+ ){1,4}(?:automatic|refundable|included|free)|which (?:[\p{L}\p{N}'-]+ ){0,4}(?:are|is|were|was) (?:included|affected|covered|eligible)|do (?:i|we) (?:have|need) to|do (?:you|i|we) (?:still )?(?:get|need|pay) (?:the|a|an|my|our)|(?:is|are) (?:it |[\p{L}\p{N}'-]+ ){1,8}(?:cheaper|quicker|faster|easier) (?:if|to|when|at|online|in)|do you (?:offer|have|sell|ship|deliver|accept|support|provide|cover|serve|stock|carry)|what(?:'s| is| are) the (?:baggage|luggage|bag|price|prices|cost|fees?|opening hours|hours|deadline|limits?|allowance|policy|procedure|minimum|maximum)|how much (?:is|are|does|do|will|would)|can (?:anyone|anybody|someone|somebody) (?:recommend|tell me|suggest|explain|tell (?:me )?(?:if|whether))|(?:is|are|will) (?:[\p{L}\p{N}'"“”-]+ ){1,6}(?:coming|available|launching|returning) (?:to|on|in|back)|(?:is|are) the (?:new |next |latest )?(?:[\p{L}\p{N}'-]+ ){0,3}(?:season|episode|series|album|update|version|model|phone|collection|menu|film|movie|game) (?:out|released|live|dropping)|(?:are|is) (?:you|your (?:[\p{L}\p{N}'-]+ ){1,3})(?:open|hiring|available)|(?:is|are|will|does|do) (?:the|this|it|your) (?:(?!down|broken|not |n't|working|fault|problem|issue)[^?]){1,60} or (?:is it|are they|will it|does it|do they)(?! just)(?! me)(?! my)|(?:is|are|does|do|will|would|can) (?:this|that|it|these|those|the) (?:[\p{L}\p{N}'’&-]+ ){0,6}(?:only|too|also|included|available|valid|compatible|required|allowed|refundable|suitable|eligible|vegan|vegetarian|gluten[- ]free|halal|kosher|dog[- ]friendly|work with|apply to|count (?:for|towards)|include|come with|stack with)(?=(?:[\s,]+[\p{L}\p{N}'’&-]+){0,4}[\s,]*\?))\b/iu,
};

/** The sentences of a post that hold a word (a lone emoji or "?!" after a sentence is no sentence of its own). */
function sentencesOf(body: string): string[] {
  return body.split(/(?<=[.!?])\s+/u).filter((s) => /\p{L}/u.test(s));
}

// Words that make a question rhetorical or a complaint in question form: "Kann man bei euch eigentlich auch mal
// jemanden erreichen?", "Is there anyone who can actually help?", "Is there a reason why I was charged $80?".
const RHETORICAL: Partial<Record<Lang, RegExp>> = {
  de: /(?:^|[^\p{L}])(?:eigentlich (?:auch )?(?:mal|noch|jemals)|auch mal|überhaupt|jemals|endlich|irgendwann|irgendwer|irgendjemand|noch immer|immer noch|schon wieder|erreich\p{L}*|warum|wieso|weshalb|nur so|beschwer\p{L}*|grund)(?![\p{L}])/iu,
  en: /(?:^|[^\p{L}])(?:ever|actually|even|finally|still(?! [$£€]?\d| (?:use|get|apply|book|buy|order|return|change|pay|sell|open|available|valid|on))|again|(?:anyone|anybody|someone|somebody) (?:at|there|who|that)|reach\p{L}*|why|how come|for once|reason|complain\p{L}*)(?![\p{L}])/iu,
};

// A question about a case that has not happened: "Falls das Paket morgen nicht kommt, …?", "Was passiert, wenn man
// … vergisst?", "If Skyvia cancels my flight, …?", "In case my order is late, …?".
const CONDITIONAL: Partial<Record<Lang, RegExp>> = {
  de: /^(?:falls|wenn|sollte|angenommen|was (?:passiert|ist|mache ich|mach ich|tue ich|macht man)(?: eigentlich| denn| dann)?,? (?:wenn|falls)|was,? wenn)(?![\p{L}])/iu,
  en: /^(?:if|in case|what (?:happens|would happen|do i do|should i do|if)(?: if| when)?|suppose|supposing)(?![\p{L}])/iu,
};
// What makes a conditional a complaint after all: why, again, ever, since when. Narrower than RHETORICAL: "do they
// still refund the fee?" asks about the rule, not after a refund overdue.
const NOT_HYPOTHETICAL = /(?:^|[^\p{L}])(?:warum|wieso|weshalb|schon wieder|immer noch|noch immer|jemals|überhaupt|seit|why|how come|again|ever|for once|since|already)(?![\p{L}])/iu;

/**
 * A post that only asks what would happen in a case: every sentence a question, the first opening with a condition
 * ("falls", "wenn", "if", "in case", "what happens if"), nothing that says it has happened already or again. Its failure
 * words are the case asked about, not a report (cues.ts).
 */
export function isHypotheticalQuestion(text: string, lang: Lang): boolean {
  const body = text.replace(LEAD, '').trim();
  if (body.length === 0 || body.length > 280 || NOT_HYPOTHETICAL.test(body)) return false;
  const condition = CONDITIONAL[lang];
  if (condition === undefined || !condition.test(body)) return false;
  const sentences = sentencesOf(body);
  return sentences.every((s) => s.replace(/[\s\p{Extended_Pictographic}]+$/u, '').endsWith('?'));
}

// Asking others about the company before becoming its customer: "Anyone switched to Voltana recently? Worth it?",
// "Thinking of moving to Northbank, anyone got experience?", "Hat jemand Erfahrungen mit Kontiva?" (QA round 6: the
// learned models read "anyone" and "switched" as complaint words, one at 0.80).
const EXPERIENCE_REQUEST: Partial<Record<Lang, RegExp>> = {
  de: /^(?:(?:wie sind|was sind|wie waren) (?:eure|deine|ihre) erfahrungen|hat (?:hier )?(?:jemand|wer|irgendwer) (?:schon )?(?:erfahrung|erfahrungen) mit|(?:ist|war) (?:hier )?(?:jemand|wer) (?:schon )?(?:bei|kunde bei|kundin bei)|(?:lohnt|lohnte) sich (?:der wechsel|ein wechsel|[\p{L}-]+)|(?:überlege|überlegen|plane|planen|denke) (?:[\p{L}\p{N}-]+,? ){1,8}(?:hat|haben) (?:hier )?(?:jemand|wer|ihr) (?:schon )?(?:erfahrung|erfahrungen|tipps|meinungen))/iu,
  en: /^(?:(?:anyone|anybody) (?:had|owned|used) (?:either|both|one|it|them) (?:for|long)|(?:anyone|anybody) (?:here )?(?:on|with|using) [^?]{1,60}\?\s*(?:is it |are they )?worth it|(?:anyone|anybody) (?:here )?(?:on|with|using) [\p{L}\p{N}&'-]+(?: (?:or|and) [\p{L}\p{N}&'-]+)?(?: (?:there|here|round here|nearby|in [\p{L}]+))?\?|(?:has|have) (?:anyone|anybody) (?:here )?(?:switched|tried|used|been with|moved|joined|had experience|got experience)|(?:anyone|anybody) (?:here )?(?:switched|tried|using|used|been with|moved|joined|with experience|got experience|have experience)|(?:thinking of|considering|planning on|planning to|about to|might|torn between|deciding between|choosing between) (?:[\p{L}\p{N}'-]+,? ){1,8}(?:anyone|anybody|any) (?:got |have |had |with )?(?:any )?(?:experience|thoughts|recommendations|tips|views|reviews|advice|opinions))/iu,
};

/**
 * A post that asks others how the company is (at most three sentences, one of them such a question), with no
 * rhetorical marker. The caller also requires that the post holds no failure, negative word or irony (cues.ts): "Has
 * anyone else been charged twice?" is a complaint.
 */
export function isExperienceRequest(text: string, lang: Lang): boolean {
  const body = text.replace(LEAD, '').trim();
  if (body.length === 0 || body.length > 280 || /(?:^|[^\p{L}])(?:anyone else|anybody else|noch jemand|außer mir|ausser mir)(?![\p{L}])/iu.test(body)) return false;
  if (RHETORICAL[lang]?.test(body) ?? true) return false;
  const request = EXPERIENCE_REQUEST[lang];
  if (request === undefined) return false;
  const sentences = sentencesOf(body);
  return sentences.length <= MAX_SENTENCES && sentences.some((s) => s.trimEnd().endsWith('?') && request.test(s));
}

// Weighing up a company on what others say of it: "Überlege, zur DKB zu wechseln. Man liest ja öfter, dass man … ewig in
// der Warteschleife hängt. Stimmt das …?", "Thinking of getting a Tesla but keep reading horror stories about panel gaps.
// Owners, is it really that bad?" (sets 23–25 dev: learned 0.65–0.93). The failure words are hearsay about a company the
// writer is not yet with; a post that also tells of the writer's own service ("mein Internet", "my bill") is left alone:
// leaving for a rival is often how a complaint is put.
const WEIGHING_UP: Partial<Record<Lang, RegExp>> = {
  de: /^(?:ich |wir )?(?:überlege|überlegen|spiele mit dem gedanken|denke (?:darüber |drüber )?nach|plane|planen|liebäugle|liebäugele)(?![\p{L}])/iu,
  en: /^(?:i'm |im |i am |we're |we are )?(?:thinking (?:of|about)|considering|planning (?:to|on)|looking (?:at|into) (?:getting|buying|switching|moving|joining|booking)|tempted to|about to (?:buy|switch|book|join|get|order))(?![\p{L}])/iu,
};
const HEARSAY: Partial<Record<Lang, RegExp>> = {
  de: /(?:^|[^\p{L}])(?:liest man|man liest|gelesen|gehört|hört man|man hört|höre (?:immer )?wieder|(?:soll|sollen) (?:ja |wohl )?(?:angeblich )?|angeblich|bewertungen|rezensionen|horror-?(?:geschichten|storys|stories)|(?:hat|hatte) (?:hier )?(?:jemand|wer|irgendwer)(?: [\p{L}]+){0,3} (?:probleme|ärger|ausfälle))(?![\p{L}])/iu,
  en: /(?:^|[^\p{L}])(?:heard|hearing|reading|read (?:about|that|so many|lots|loads)|keep seeing|seen (?:so many|lots of|loads of)|horror stories|bad reviews|mixed reviews|reviews|people (?:say|said|keep saying)|apparently|(?:anyone|anybody)(?: [\p{L}]+){0,3} (?:had|have|having|got) (?:any )?(?:issues|problems|trouble))(?![\p{L}])/iu,
};
const OWN_SERVICE = /(?:^|[^\p{L}])(?:mein|meine|meinen|meinem|meiner|unser|unsere|unseren|unserem|my|our)(?![\p{L}])/iu;

/**
 * A post that weighs up a company on hearsay and asks whether it is true: it opens by considering the company, names
 * what others say, asks a question, and tells nothing of the writer's own service (at most four sentences).
 */
export function isHearsayResearch(text: string, lang: Lang): boolean {
  const opener = WEIGHING_UP[lang];
  const hearsay = HEARSAY[lang];
  // Hearsay words are rare: test them on the whole text first, so that most posts skip the greeting strip.
  if (opener === undefined || hearsay === undefined || text.length > 400 || !hearsay.test(text)) return false;
  const body = text.replace(LEAD, '').trim();
  if (body.length === 0 || body.length > 280 || !opener.test(body) || OWN_SERVICE.test(body)) return false;
  const sentences = sentencesOf(body);
  return sentences.length <= 4 && sentences.some((s) => s.includes('?'));
}

export interface InformationQuestionOptions {
  /**
   * Also a question with a sentence or two of context around it ("hab auch die SMS bekommen. Weiß jemand, ob …?",
   * "Anyone know if … is open this weekend? Promised my nephew."). Only for callers that know the whole post holds
   * no failure, negative word or irony (cues.ts): on its own a context sentence may be the problem report
   * ("Mein Router ist kaputt. Wie kann ich ihn umtauschen?"). In a storm such questions ran beside the outrage and
   * were counted as complaints.
   */
  context?: boolean;
}

/** Sentences at most around the question when `context` is allowed. */
const MAX_SENTENCES = 3;

/** A post that is one information-seeking question: after handles and a greeting, an opener, one sentence, a "?". */
export function isInformationQuestion(text: string, lang: Lang, options: InformationQuestionOptions = {}): boolean {
  const body = text.replace(LEAD, '').trim();
  if (body.length === 0 || body.length > 280) return false;
  if (RHETORICAL[lang]?.test(body) ?? true) return false;
  if (options.context === true) {
    const sentences = sentencesOf(body);
    return sentences.length <= MAX_SENTENCES && sentences.some((s) => s.trimEnd().endsWith('?') && (OPENERS[lang]?.test(s.replace(LEAD, '')) ?? false));
  }
  // One sentence: the only sentence end is the closing question mark (a trailing emoji or tag may follow it).
  const end = body.lastIndexOf('?');
  if (end < 0 || /[.!?]\s/u.test(body.slice(0, end))) return false;
  if (/\p{L}/u.test(body.slice(end + 1).replace(/[#@][\p{L}\p{N}_]+|https?:\/\/\S+/gu, ''))) return false;
  return OPENERS[lang]?.test(body) ?? false;
}
