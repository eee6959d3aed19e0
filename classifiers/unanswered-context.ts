/**
 * Whom a customer's comment is for, read with the thread it sits in: under the brand's own giveaway post most
 * comments are entries, and under any post commenters also talk to each other ("Tom Weber wär das nicht was für
 * deine neue Bude?", "@Gerd Albers das kenne ich") or ask the crowd ("Hat jemand den Sturm auch so mitbekommen?").
 * None of these waits for the brand. `expectsAnswer` (unanswered-cues.ts) weighs them; the tracker knows the thread.
 */
import { wordsRe } from './whole-words.ts';
import type { Brand } from '../src/model.ts';

/** What the tracker knows about a comment's thread beyond the comment itself. */
export interface ThreadContext {
  /** The thread's root is the brand's own giveaway or contest post. */
  underGiveaway?: boolean;
  /** How the brand is named (lower case): its account handles without "@", its name and the name's first word. */
  brandNames?: readonly string[];
  /** Handles (without "@") and names of the thread's other customers, lower case: "@anna_k same here" is for Anna. */
  fellows?: readonly string[];
  /**
   * Tags there are people's names (Facebook: "@Gerd Albers", or the bare "Tom Weber" a tag renders as). Elsewhere an
   * "@handle" may be a brand account the config does not list, so only a fellow customer's handle counts.
   */
  tagsAreNames?: boolean;
  /**
   * The comment replies to another comment of the thread that waits for no brand answer (a friend tag, a question to the
   * crowd, praise): on a Facebook page its replies are that conversation, not new matters for the brand.
   */
  repliesToConversation?: boolean;
  /**
   * The comment is a reply under another customer's comment (Facebook nests replies under the top-level comment): that
   * customer's name (lower case), or their handle. "Kev they're not that bad", "Becky Hall 100% this", "Same here in
   * Ancoats" under it talk to them.
   */
  repliesToFellow?: string;
  /** That customer's handle, lower case and without "@", where the source has handles (X). */
  repliesToFellowHandle?: string;
  /** The comment it replies under asks something (not rhetorically): a reply to its writer answers their question. */
  repliesToFellowQuestion?: boolean;
  /**
   * The comment stands directly under the brand's own page post and its writer has no open matter in the thread: what
   * it says without asking or reporting anything ("Applied! Fingers crossed 🤞" under a hiring post) is talk about the post.
   */
  onPagePost?: boolean;
}


/**
 * A brand post that runs a giveaway or contest: "Gewinnspiel", "verlosen", "gewinnt 1 von 3", "kommentiere und
 * gewinne", "markiere einen Freund", "giveaway", "win a …", "comment to win", "tag a friend". A bare "win" is not
 * enough ("we win Employer of the Year" is news, not a contest): it must name what is won or follow "to"/"chance to".
 */
const GIVEAWAY_POST = wordsRe(
  [
    '#?\\w*gewinnspiel\\w*',
    'verlos(?:en|t|ung|ungen)',
    'zu\\s+gewinnen',
    'gewinn(?:t|e|en)\\s+(?:jetzt\\s+|mit\\s+etwas\\s+glück\\s+)?(?:eine?[nrs]?|1|\\d+|zwei|drei|fünf|zehn)',
    'teilnahmebedingungen',
    '(?:kommentier|schreib|tagg|markier)\\w*\\s+(?:\\S+\\s+){0,4}?(?:und|&)\\s+gewinn\\w*',
    '(?:tagg|markier)\\w*\\s+(?:eine?[nr]?|deine?[nr]?)\\s+(?:freund|freundin|freunde|liebsten|buddy)\\w*',
    '#?\\w*giveaway\\w*',
    'give-?away',
    'sweepstakes?',
    'raffle',
    '(?:chance|chances|to)\\s+win',
    'win\\s+(?:a|an|one|1|\\d+|two|three|the|free|tickets?|prizes?|your|big)',
    '(?:comment|reply|enter)\\s+(?:below\\s+)?to\\s+(?:win|enter)',
    'tag\\s+(?:a|your|\\d+)\\s+(?:friends?|buddy|buddies|bestie)',
    'winners?\\s+(?:will\\s+be|are)\\s+(?:drawn|picked|chosen|announced)',
  ].join('|'),
);

export function isGiveawayPost(text: string): boolean {
  return GIVEAWAY_POST.test(text);
}

/** The names a brand goes by in customers' comments, lower case (see ThreadContext.brandNames). */
export function brandNamesOf(brand: Pick<Brand, 'name' | 'accounts'>): string[] {
  const name = brand.name.toLowerCase().trim();
  const first = name.split(/\s+/u)[0] ?? '';
  return [...new Set([...brand.accounts.map((a) => a.replace(/^@/u, '').toLowerCase()), name, ...(first.length >= 4 ? [first] : [])])];
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

function namesBrand(text: string, brandNames: readonly string[]): boolean {
  return brandNames.some((n) => n.length > 0 && wordsRe(escapeRegExp(n)).test(text));
}

/** The run of @names a comment starts with. */
const LEADING_HANDLES = /^\s*(?:@[\p{L}\p{N}_.-]+[\s,]*)+/u;
const withoutLeadingHandles = (text: string): string => text.replace(LEADING_HANDLES, '');

/** The @names a comment starts with, lower case ("@Gerd Albers …" gives "gerd"; "@a @b …" gives both). */
function leadingHandles(text: string): string[] {
  const prefix = LEADING_HANDLES.exec(text)?.[0] ?? '';
  return [...prefix.matchAll(/@([\p{L}\p{N}_.-]+)/gu)].map((h) => (h[1] ?? '').toLowerCase().replace(/[.-]+$/u, ''));
}

/**
 * Whether a comment opens by naming another person by "@": its first handle is none of the brand's. An X reply to a
 * fellow customer starts with their handle, whoever else the reply prefix carries.
 */
export function opensWithOthersHandle(text: string, ctx: ThreadContext): boolean {
  const first = leadingHandles(text)[0];
  return first !== undefined && ctx.brandNames !== undefined && !ctx.brandNames.includes(first);
}

/** A person's name as a Facebook tag renders it at a comment's start: two or three capitalised words. */
const LEADING_NAME = /^\s*((?:\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+){1,2}\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:\s*[,:]\s+|\s+)(?=\p{Ll})/u;
/** A comment opening with one capitalised word and a comma: "Renate, bist du wieder versorgt?". */
const LEADING_WORD = /^\s*(\p{Lu}\p{Ll}{2,})\s*[,:]\s+/u;
/**
 * Greetings and interjections that open a comment as a name would ("Guten Morgen, kannst du …", "Hallo, bist du ein
 * Bot?"): a customer greeting the brand, not a friend's name.
 */
const NO_NAME = wordsRe(
  'guten|hallo|hi|hey|servus|moin|grüß|grüezi|griaß|liebe[rs]?|sehr|danke|bitte|sorry|ok|okay|also|ach|naja|tja|hmm|echt|ehrlich|leute|mensch|mann|frage|achtung|update|info|hello|dear|thanks|please|well|guys|folks|morning|evening',
);
/**
 * Talking to one person: German "du" forms and their verbs ("bist", "hast", dialect "woaßt"), "schau (mal)"; English
 * "you" with the name in front. Customers address a brand as "ihr"/"euch" or "Sie", so "du" after a name is the friend.
 */
const SECOND_PERSON = wordsRe(
  'du|dich|dir|dein|deine|deinen|deinem|deiner|deins|bist|hast|kannst|weißt|weisst|woaßt|willst|musst|brauchst|warst|hättest|schau|schaug|guck|kuck|you|your|look|check\\s+(?:this|it)\\s+out',
);

/** Whether a comment opens with the first name of another commenter of the thread and a comma ("Jonas, bei mir …"). */
function opensWithFellowsName(text: string, fellows: readonly string[]): boolean {
  const word = LEADING_WORD.exec(text)?.[1]?.toLowerCase();
  return word !== undefined && fellows.some((f) => f.split(' ')[0] === word);
}

/** First names that are also common words at a sentence's start. */
const WORDLIKE_NAMES = new Set(['will', 'may', 'bill', 'mark', 'sue', 'rob', 'pat', 'hope', 'grace', 'frank', 'art', 'joy', 'rich', 'ernst', 'kurz', 'klar']);

/**
 * Whether a reply under another customer's comment opens with that customer's name, full or first, with or without a
 * comma: "Kev they're not that bad", "Becky Hall 100% this", "Kelly Nguyen yes it does, …" (QA9: each waited for the
 * brand). Only the name of the comment it replies under: "Will you fix this?" names no Will it answers.
 */
function opensWithRepliedName(text: string, replied: string | undefined): boolean {
  if (replied === undefined) return false;
  const words = replied.split(/\s+/u).filter((w) => w.length > 0);
  const first = words[0];
  if (first === undefined || first.length < 2) return false;
  // A first name that is also a common word opens many sentences ("Will this affect Leeds?", "Bill went up again"):
  // alone it counts only with a comma, as opensWithFellowsName reads it.
  const candidates = words.length > 1 ? [words.join(' '), ...(WORDLIKE_NAMES.has(first) ? [] : [first])] : WORDLIKE_NAMES.has(first) ? [] : [first];
  const start = text.trimStart();
  return candidates.some((name) => start.toLowerCase().startsWith(name) && /^(?:[\s,:!.]|$)/u.test(start.slice(name.length)) && /^\p{Lu}/u.test(start));
}

/**
 * A reply that only agrees with the comment it stands under: "Same here", "Same in Kirkstall, absolutely useless",
 * "100% this", "+1", "me too", "Bei mir auch", "Geht mir genauso", "dito". It joins that customer's matter, which the
 * brand answers there; with a question or request of its own it waits for its own answer (the caller checks).
 */
const ME_TOO = /^\s*(?:same(?:\s+(?:here|problem|issue|for\s+me|with\s+me|in|at|on))?|me\s+too|(?:100\s*%\s*)?this(?=\s*[!.]*\s*$)|\+1|agreed|exactly|ditto|dito|(?:bei|mit)\s+(?:mir|uns)\s+(?:auch|ebenso|genauso|dasselbe|das\s+gleiche)|hier\s+(?:auch|ebenso|genauso)|geht\s+(?:mir|uns)\s+(?:auch\s+so|genauso|ebenso)|ich\s+auch|auch\s+bei\s+(?:mir|uns)|same\s+same)(?![\p{L}\p{N}])/iu;

/**
 * Something of the writer's own beside the agreement: "Same here, my bill is £40 too high", "Bei uns auch, meine
 * Rechnung ist doppelt so hoch". A bill or an order is theirs alone, and the answer to the comment above is not theirs.
 */
const OWN_THING = /(?<![\p{L}])(?:my|mine|mein|meine[mnrs]?|unsere?[mnrs]?|our)(?![\p{L}])/iu;

/** Whether a reply under another customer's comment only agrees with it (ME_TOO), naming nothing of the writer's own. */
export function agreesWithFellow(text: string, ctx: ThreadContext): boolean {
  return ctx.repliesToFellow !== undefined && ME_TOO.test(text) && !OWN_THING.test(text) && !namesBrand(text, ctx.brandNames ?? []);
}

/** Whether a comment opens with a name that is no greeting and then talks to that one person. */
function opensWithNameToSomeone(text: string): boolean {
  const name = LEADING_NAME.exec(text)?.[1] ?? LEADING_WORD.exec(text)?.[1];
  if (name === undefined || NO_NAME.test(name.split(/\s+/u)[0] ?? '')) return false;
  return SECOND_PERSON.test(text.slice(text.indexOf(name) + name.length));
}

/**
 * Whether the comment speaks to another person and not to the brand: it starts with "@someone" who is no brand
 * account (on Twitter-like sources: a fellow customer of the thread), or, where tags render as plain names (Facebook),
 * with a person's name and then talks to them ("Tom Weber wär das nicht was für deine neue Bude?"). A comment that names the brand anywhere
 * is for the brand as well. `criticised`: the cue model found a failure or criticism; a tag with a real complaint
 * about the brand ("Tom Weber, die haben meinen Schaden seit 8 Wochen nicht bearbeitet") is still read as one,
 * unless the tag is an explicit "@". False when the context does not know the brand's names.
 */
export function addressesSomeoneElse(text: string, ctx: ThreadContext, criticised: () => boolean): boolean {
  // Without the brand's names "@kundenservice_xy …" could be the brand itself: no judgement then.
  const { brandNames } = ctx;
  if (brandNames === undefined) return false;
  const prefix = leadingHandles(text);
  // An X reply carries the brand's handle when the thread started at the brand: opening with the handle of the
  // customer it answers, it talks to them ("@4111 @VitalisBKK Ja, ab 100 Punkten geht das in der App", QA round 10),
  // unless it names the brand in its own words, asks or complains.
  const repliesToFellow = ctx.tagsAreNames !== true && prefix[0] !== undefined && prefix[0] === ctx.repliesToFellowHandle;
  // Answering the fellow's question, its grumbles are part of the answer ("@5125 @SkyvaleAir No, it's £7 for 10 minutes
  // now, learnt that the hard way", QA round 11), unless it speaks of the writer's own matter ("… fehlen mir 200 Punkte").
  const answersQuestion = ctx.repliesToFellowQuestion === true && !OWN_MATTER.test(withoutLeadingHandles(text));
  if (repliesToFellow && !namesBrand(withoutLeadingHandles(text), brandNames) && !text.includes('?') && (answersQuestion || !criticised())) return true;
  // Where tags render as names (review sites, Facebook), a reply under a fellow's waiting question that asks nothing,
  // criticises nothing and does not name the brand answers them, with the writer's own experience as the answer ("Bei
  // mir kam der Ersatzrouter nach zwei Tagen per Post, einfach im Kundenportal anfordern", QA round 12).
  if (ctx.tagsAreNames === true && ctx.repliesToFellowQuestion === true && !text.includes('?') && !namesBrand(text, brandNames) && !criticised()) return true;
  if (namesBrand(text, brandNames)) return false;
  if (prefix.length > 0) {
    if (prefix.some((h) => brandNames.includes(h))) return false;
    return ctx.tagsAreNames === true || prefix.every((h) => ctx.fellows?.includes(h) === true);
  }
  if (ctx.tagsAreNames !== true) return false;
  if (!opensWithFellowsName(text, ctx.fellows ?? []) && !opensWithNameToSomeone(text) && !opensWithRepliedName(text, ctx.repliesToFellow)) return false;
  return !criticised();
}

/** "danke Ursula", "thanks Mike", "Merci Vreni": thanks with a person's first name after them. */
// Case spelled out: with the `i` flag `\p{Lu}` would take any word for a name.
const THANKS_TO_NAME = /(?<![\p{L}])(?:[Dd]anke(?:sch(?:ö|oe)n)?|[Dd]ank\s+dir|[Mm]erci|[Tt]hanks|[Tt]hank\s+you|[Tt]hx|[Cc]heers)\s*,?\s+(\p{Lu}\p{Ll}{2,})(?![\p{L}])/u;
/** Who a thank-you may name that is no single person: the brand's people, everyone. */
const GROUP = wordsRe('team|teams|leute|jungs|mädels|kollegen|kolleginnen|techniker\\w*|support|service|kundenservice|community|freunde|allen|alle|euch|folks|guys|everyone|all|crew|staff');

/**
 * Whether a comment thanks a person by first name who is neither the brand nor a group ("Ah super, danke Ursula!").
 * Where tags are names (Facebook), that is another commenter or the brand's agent; the tracker tells them apart.
 */
export function thanksSomeoneByName(text: string, ctx: ThreadContext): boolean {
  const name = THANKS_TO_NAME.exec(text)?.[1];
  return name !== undefined && !GROUP.test(name) && !NO_NAME.test(name) && !namesBrand(name, ctx.brandNames ?? []);
}

/** Who might know, in German and its dialects: "jemand", "wer", Austrian/Bavarian "oana", Swiss "öpper". */
const SOMEONE_DE = '(?:jemand|irgendwer|irgendjemand|wer|oana|oaner|öpper|epper)';
/** "von euch", "vom Team": someone of the brand's people, who the question is for after all; "Is anyone there?", "Ist jemand da?" chase the brand. */
const OF_THE_BRAND = '(?!\\s+(?:von\\s+(?:euch|eich|ihnen|dir)|vom\\s+(?:team|service|support|kundenservice)|of\\s+(?:you|your\\s+(?:team|staff))|from\\s+(?:the\\s+)?(?:team|support)|there|home|awake|alive|listening|working|reading|da\\b|wach\\b))';
/**
 * "Hat jemand", "Weiß wer", dialect "Woaß wer", "Does anyone", "anyone else", "Anyone watching the match tonight?" (QA
 * round 10; not "anyone listening?", which chases the brand). Not "Kann mir jemand helfen?", a request to
 * whoever reads the brand's page; "Kann mir wer sagen, wo …" is a question for information (CROWD_INFO_QUESTION).
 */
const CROWD_ASKED = `(?:hat|hatte|hod|weiß|weiss|woaß|woas|wois|kennt|kann|ko|war|ist|is|bin)\\s+(?:hier\\s+)?(?:noch\\s+|auch\\s+|zufällig\\s+|vielleicht\\s+)?${SOMEONE_DE}${OF_THE_BRAND}|(?:does|has|did|is|can|could)\\s+any(?:one|body)${OF_THE_BRAND}|any(?:one|body)\\s+else|(?<![\\p{L}]\\s*)any(?:one|body)\\s+(?!listening|working|reading|answering|replying|responding)(?:[\\p{L}]+ing|know|knows|tried|got|seen|been|fancy)`;
/** A question to the other readers, not to the brand: "Hat jemand …?", "Weiß wer …?", "Does anyone …?", "anyone else …?". */
const CROWD_QUESTION = wordsRe(CROWD_ASKED);

/**
 * Whether a question asks the other readers rather than the brand; only a question that names nobody else and not
 * the brand ("Hat jemand den Sturm auch so heftig mitbekommen?").
 */
export function asksTheCrowd(text: string, ctx: ThreadContext): boolean {
  return text.includes('?') && CROWD_QUESTION.test(text) && !namesBrand(text, ctx.brandNames ?? []);
}

/**
 * Asking the readers what they know: "Weiß jemand, ob es in X auch einen Ausfall gibt?", "Kann mir wer sagen, wo …",
 * "Does anyone know if …?". The failure it asks about is no failure reported to the brand; what stands beside the
 * question still may be.
 */
const CROWD_INFO_QUESTION = new RegExp(
  `(?<![\\p{L}])(?:(?:weiß|weiss|woaß|woas|wois|kennt|kann|ko)\\s+(?:(?:mir|ma|mia|uns)\\s+)?(?:hier\\s+)?(?:zufällig\\s+|vielleicht\\s+)?${SOMEONE_DE}${OF_THE_BRAND}|(?:does|do|can)\\s+any(?:one|body)${OF_THE_BRAND}|any(?:one|body))(?:[\\s,]+[^\\s,?]+){0,2}?[\\s,]+((?:ob|wann|wo|wie|was|welche[nrsm]?|warum|wieso|wohin|woher|if|whether|when|where|how|what|why|which)(?![\\p{L}])[^?]*)\\?+`,
  'iu',
);

/** The question is about the writer's own matter ("wann kommt mein Geld", "where is my refund"): only the brand knows. */
const OWN_MATTER = wordsRe("ich|i|mein\\w*|mir|mich|my|me|mine|i(?:'|’)(?:m|ve|d)");

/**
 * What a comment says besides a question for information to the other readers, or undefined when it asks none (or
 * names the brand): the caller decides from the rest whether the brand still owes an answer.
 */
export function besidesCrowdInfoQuestion(text: string, ctx: ThreadContext): string | undefined {
  const match = CROWD_INFO_QUESTION.exec(text);
  if (match === null || namesBrand(text, ctx.brandNames ?? []) || OWN_MATTER.test(match[1] ?? '')) return undefined;
  return text.slice(0, match.index) + text.slice(match.index + match[0].length);
}

/**
 * The writer works for the brand and says so: "I work at Forkly, I've passed this on", "ich arbeite bei den
 * Stadtwerken", "bin selbst Mitarbeiterin bei …". An employee's private account speaks for the brand's side; it waits
 * for no answer.
 */
export function speaksForBrand(text: string, ctx: ThreadContext): boolean {
  const names = (ctx.brandNames ?? []).filter((n) => n.length >= 3).map(escapeRegExp);
  if (names.length === 0) return false;
  const brand = `(?:the\\s+|den\\s+|der\\s+|dem\\s+)?(?:${names.join('|')})`;
  return wordsRe(
    `(?:i|we)\\s+(?:work|worked\\s+here)\\s+(?:at|for|with|in)\\s+${brand}|i(?:'|’)?m\\s+(?:from|with)\\s+(?:the\\s+)?${brand}\\s+team|(?:employee|staff\\s+member|member\\s+of\\s+staff)\\s+(?:at|of|from)\\s+${brand}|ich\\s+arbeite\\s+(?:bei|für)\\s+${brand}|bin\\s+(?:selbst\\s+|selber\\s+)?(?:mitarbeiter(?:in)?|angestellte[r]?)\\s+(?:bei|von)\\s+${brand}`,
  ).test(text);
}
