/**
 * Whether a post asks for information, for the `question` intent. A question mark alone does not say so: an angry
 * customer asks "Wie kann es sein, dass …?", "Was soll das?", "Seriously?", "How is this acceptable?" and wants no
 * answer to it, and routing such posts as questions put every third complaint into the question queue. A question
 * asks when it wants a fact, a way or a decision ("wann kommt …?", "wie kann ich …?", "is there …?", "can I …?",
 * "what happens if …?"); it is rhetorical when it is an exclamation in question form, which German and English build
 * from a few families:
 * - a tag with no content: "Im Ernst?", "Echt jetzt?", "Geht's noch?", "Seriously?", "Are you kidding me?", ", oder?";
 * - indignation formulas: "wie kann es sein", "wie kann man nur so …", "was soll das", "wie oft denn noch",
 *   "how is this acceptable", "how hard can it be", "what's the point", "who thought this was a good idea";
 * - the impossible demand: "wie soll man da …", "how am I supposed to …";
 * - a why-question that already holds its answer: "so schwer", "immer", "jedes Mal", "even", "always", "never";
 * - doubt that anyone works there at all: "Liest das überhaupt jemand?", "Does anyone even read this?".
 */
import type { PreparedText } from './text.ts';
import { compileAlternation } from './cues-regex.ts';

// Without a question mark only unambiguous openers count: "Wie immer zu spät" and "Was für ein Chaos" are no
// questions, "Wann kommt mein Paket" is.
const QUESTION_OPENERS =
  'wann|wo (?:bleibt|ist|sind|kann|finde)|warum|wieso|weshalb|gibt es|kann ich|können sie|könnt ihr|kann man|muss ich|darf ich|weiß jemand|hat jemand|ist es möglich|how (?:do|can|long|much|does|come)|where (?:is|are|can|do)|when (?:will|does|is|do|can)|why|is there|are there|can i|could i|can you|could you|do you|does anyone|is it possible|any idea';
const QUESTION_RE = compileAlternation([QUESTION_OPENERS]);

// Handles, hashtags and conjunctions in front of the question ("@Barclays how is this acceptable?", "Und wie oft noch?").
const LEAD = /^(?:(?:[@#][\p{L}\p{N}_]+|und|also|aber|and|but|so|ok|okay|honestly|ehrlich gesagt|mal ehrlich)[\s,:]*)+/u;
// What may follow the question: marks, emoji, handles and hashtags ("How is this acceptable, @Barclays? 😤").
const TRAIL = /[\s,:;]*(?:[@#][\p{L}\p{N}_]+|\p{Extended_Pictographic}|[?!.…"'“”]|\s)*$/u;

/** A whole sentence that is only an exclamation in question form. */
const TAG = new RegExp(
  '^(?:' +
    [
      'seriously', 'really', 'for real', 'wtf', 'what the (?:hell|heck|fuck)', 'hello', 'hallo', 'ernsthaft', 'echt jetzt', 'wirklich', 'wie bitte',
      '(?:im|in) ernst',
      'are (?:you|u) (?:serious|kidding|joking|having a laugh)(?: me| right now)?', '(?:you\'re|youre|you are) (?:kidding|joking)(?: me)?', 'you (?:can\'t|cannot) be serious',
      'is (?:this|that) (?:a joke|some kind of joke|for real)', 'soll das ein witz sein', '(?:seid|sind) (?:ihr|sie) (?:noch ganz (?:dicht|bei trost|sauber)|wahnsinnig|verrückt|irre|noch zu retten)',
      'muss (?:das|sowas|so was) (?:denn )?(?:wirklich |echt )?sein',
      'wie (?:oft|lange) (?:denn|noch)(?: noch)?', 'how many (?:more )?times',
    ].join('|') +
    ')$',
  'u',
);

/** A sentence opening with a formula of indignation or of an impossible demand. */
const OPENING = new RegExp(
  '^(?:' +
    [
      // German
      'wie (?:kann|könnte|konnte) (?:es|das|so etwas|sowas|so was) (?:[\\p{L}]+ )?sein',
      'wie (?:kann|können|könnt|konnte|konntet) (?:man|ihr|sie|die|der|das|eine? [\\p{L}-]+) (?:nur|bloß|es wagen|(?:[\\p{L}]+ ){0,2}so (?:[\\p{L}-]+ ){1,3}sein)',
      'was soll (?:der|die|das|dieser|diese|dieses|so ein|so eine) (?:mist|scheiß\\p{L}*|scheiss\\p{L}*|quatsch|blödsinn|unsinn|theater|zirkus|schwachsinn|kindergarten|abzocke)',
      'wie oft (?:denn |soll ich |muss ich |sollen wir |müssen wir |eigentlich )*noch', 'wie s(?:o|ö|oe)ll(?:e|en|te)? (?:ich|man|me|mer|mr|wir) (?:[\\p{L}]+ )?(?:da|denn|so|bitte|bitteschön)',
      'wie schwer kann (?:es|das) (?:denn )?sein', 'wer (?:hat|hatte) (?:sich )?(?:eigentlich |denn |bitte )*(?:das |dies |so was |sowas |(?:diesen|diese|dieses) [\\p{L}-]+ )?(?:entschieden|ausgedacht|genehmigt|verbrochen|abgesegnet)',
      'wer prüft (?:so was|sowas|das|so etwas) (?:eigentlich|überhaupt|denn)', 'wo sind wir (?:denn )?hier', 'wofür (?:zahl|zahle|bezahl|bezahle|zahlen|bezahlen) (?:ich|wir) (?:eigentlich|überhaupt|denn)',
      'wozu (?:eigentlich|überhaupt|dann|gibt es)', '(?:ist|is) (?:das|des|dies) (?:jetzt |wirklich |echt )?(?:euer|ihr|dein) ernst', 'habt ihr (?:sie )?(?:noch alle|den schuss)',
      // Complete with a name after them at most ("Geht's noch, Vodafone?"): "Was soll das kosten?" asks a price.
      'geht(?:[\'’]s|s| es) (?:eigentlich |denn )?(?:noch|no)(?= *(?:,|$))', 'was soll (?:das|denn das)(?: (?:denn|jetzt|bitte|schon wieder|eigentlich|nun))*(?= *(?:,|$))',
      'wie ist (?:das|es) (?:denn |eigentlich )?(?:möglich|erlaubt|legal|zulässig|okay|ok)(?= *(?:,|$))',
      // English
      // "How is it possible to change my address?" asks a way.
      'how (?:is|was|can) (?:this|that) (?:even |still |in any way |possibly )?(?:acceptable|ok|okay|allowed|legal|fair|possible|normal|right|a thing|still a thing)',
      'how (?:is|was) it (?:even |still )?(?:acceptable|ok|okay|allowed|legal|fair|normal|right|possible that)',
      'how (?:hard|difficult) (?:can|is|could) (?:it|this|that)', 'what(?:\'s| is) the point', 'what am i (?:even |actually )?paying (?:you )?for',
      'how (?:dare|could) (?:you|they)', 'how can (?:you|they) (?:possibly |even |just |still )?(?:charge|claim|justify|sleep|get away|call (?:this|that|yourselves)|treat|expect|be so|keep)',
      'how (?:am i|are we|is (?:anyone|anybody|one|a customer)) (?:even )?supposed to', 'who (?:thought|thinks|decided|decides|approved|approves|signed off on|signs off on|came up with|comes up with)',
      'why (?:do|should|would) i (?:even |ever )?bother', 'what(?:\'s| is) wrong with (?:you|this|your|these)', 'are (?:you|u) (?:serious|kidding|joking|having a laugh)',
      'is (?:this|that) (?:a joke|some kind of joke|for real)', 'how many (?:more )?times (?:do|must|should|will|have)',
    ].join('|') +
    ')(?![\\p{L}])',
  'u',
);

// A why-question that holds its answer: "Warum ist das so schwer?", "Wieso klappt das nie?", "Why is Monday even a
// thing?". "Warum wurde mir 50 € abgebucht?" asks for the reason and stays a question.
const WHY_INTENSIFIED =
  /^(?:warum|wieso|weshalb|why|how come)(?![\p{L}]).*(?<![\p{L}])(?:so (?:schwer|schwierig|kompliziert|lange?|teuer|hard|difficult|complicated|long|expensive|bad)|immer|jedes mal|ständig|überhaupt|bloß|even|always|every (?:single )?time|constantly)(?![\p{L}])/u;

// A yes/no question that doubts anyone there works or reads: "Liest das überhaupt jemand?", "Kann man bei euch
// eigentlich auch mal jemanden erreichen?", "Does anyone even read these?". "Kann man überhaupt online kündigen?" asks.
const DOUBTS_ANYONE =
  /^(?:(?:liest|lest|arbeitet|antwortet|interessiert|kümmert|kann|könnt|gibt|ist)(?![\p{L}]).*(?<![\p{L}])(?:überhaupt|jemals|auch mal|eigentlich auch|eigentlich mal|eigentlich noch)(?![\p{L}]).*(?<![\p{L}])(?:jemand|jemanden|wer|irgendwer|irgendjemand|irgendjemanden)(?![\p{L}])|(?:does|do|is|are|will|can) (?:anyone|anybody|someone|somebody|you)(?: [\p{L}@_]+){0,3} (?:even|ever|actually) (?:read|care|answer|reply|respond|work|listen|check|look|bother|exist))/u;

// A tag asking for agreement, not for a fact: "Das ist doch ein Witz, oder?", "That's a joke, right?".
const AGREEMENT_TAG = /,\s*(?:oder|gell|gelle|ne|nicht wahr|right|innit|eh|isn't it|aren't they|no)$/u;

/** The question (one sentence, lower-cased) wants no answer: an exclamation in question form (see the header). */
export function isRhetoricalQuestion(sentence: string): boolean {
  const body = sentence.trim().replace(LEAD, '').replace(TRAIL, '');
  if (!/\p{L}/u.test(body)) return true;
  return TAG.test(body) || OPENING.test(body) || WHY_INTENSIFIED.test(body) || DOUBTS_ANYONE.test(body) || AGREEMENT_TAG.test(body);
}

/** The sentence of `lower` around `at`: from after the previous sentence end to its own end marks. */
function sentenceAround(lower: string, at: number): [number, number] {
  let start = at;
  while (start > 0 && !/[.!?…\n]/u.test(lower[start - 1] as string)) start--;
  let end = at;
  while (end < lower.length && !/[.!?…\n]/u.test(lower[end] as string)) end++;
  while (end < lower.length && /[.!?…]/u.test(lower[end] as string)) end++;
  return [start, end];
}

// A short question the writer answers at once with a bare "none" ("Begründung? Fehlanzeige.", "Rückmeldung? Nix.",
// "Response? Nothing.", "Refund? Nope."): a way of saying that nothing came, not a question to the brand.
const SHORT_QUESTION = /^[\s@#\p{L}\p{N}_-]{1,30}\?+$/u;
const BARE_NONE =
  /^\s*(?:fehlanzeige|nix|nichts|nüscht|nada|null|keine|keiner|kein einziger|natürlich nicht|natürlich keine|none|nothing|nope|zero|zilch|nil|of course not|not a (?:thing|word|chance))(?:\s+(?:bisher|so far|yet|at all|überhaupt|mehr))?\s*[.!…]+/u;

function answeredByTheWriter(lower: string, start: number, end: number): boolean {
  return SHORT_QUESTION.test(lower.slice(start, end).trim()) && BARE_NONE.test(lower.slice(end));
}

/**
 * The first question of the post that asks for information: its question mark, or the opener of a question put
 * without one ("Wann kommt mein Paket"). Undefined when the post asks nothing, or only rhetorically.
 */
export function askedQuestion(p: PreparedText): [number, number] | undefined {
  for (let mark = p.lower.indexOf('?'); mark !== -1; mark = p.lower.indexOf('?', mark + 1)) {
    const [start, end] = sentenceAround(p.lower, mark);
    if (!isRhetoricalQuestion(p.lower.slice(start, end)) && !answeredByTheWriter(p.lower, start, end)) return [mark, mark + 1];
    mark = end - 1;
  }
  for (const t of p.tokens) {
    if (!t.sentenceStart || t.kind !== 'word') continue;
    const m = QUESTION_RE.matchAt(p.lower, t.start);
    if (m === null) continue;
    const [start, end] = sentenceAround(p.lower, t.start);
    if (!p.lower.slice(start, end).includes('?') && !isRhetoricalQuestion(p.lower.slice(start, end))) return [t.start, m.end];
  }
  return undefined;
}
