/**
 * Whom a customer's comment is for, read with the thread it sits in: under the brand's own giveaway post most
 * comments are entries, and under any post commenters also talk to each other ("Tom Weber wär das nicht was für
 * deine neue Bude?", "@Gerd Albers das kenne ich") or ask the crowd ("Hat jemand den Sturm auch so mitbekommen?").
 * None of these waits for the brand. `expectsAnswer` (unanswered-cues.ts) weighs them; the tracker knows the thread.
 */
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
}

const wordsRe = (source: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`, 'iu');

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

/** The @names a comment starts with, lower case ("@Gerd Albers …" gives "gerd"; "@a @b …" gives both). */
function leadingHandles(text: string): string[] {
  const prefix = /^\s*(?:@[\p{L}\p{N}_.-]+[\s,]*)+/u.exec(text)?.[0] ?? '';
  return [...prefix.matchAll(/@([\p{L}\p{N}_.-]+)/gu)].map((h) => (h[1] ?? '').toLowerCase().replace(/[.-]+$/u, ''));
}

/** A person's name as a Facebook tag renders it at a comment's start: two or three capitalised words. */
const LEADING_NAME = /^\s*((?:\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+){1,2}\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:\s*[,:]\s+|\s+)(?=\p{Ll})/u;
/**
 * Talking to one person: German "du" forms, "schau mal"; English "you" with the name in front. Customers address a
 * brand as "ihr"/"euch" or "Sie", so "du" after a name is the friend.
 */
const SECOND_PERSON = wordsRe('du|dich|dir|dein|deine|deinen|deinem|deiner|deins|schau\\s+mal|guck\\s+mal|kuck\\s+mal|you|your|look|check\\s+(?:this|it)\\s+out');

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
  if (brandNames === undefined || namesBrand(text, brandNames)) return false;
  const prefix = leadingHandles(text);
  if (prefix.length > 0) {
    if (prefix.some((h) => brandNames.includes(h))) return false;
    return ctx.tagsAreNames === true || prefix.every((h) => ctx.fellows?.includes(h) === true);
  }
  if (ctx.tagsAreNames !== true) return false;
  const name = LEADING_NAME.exec(text)?.[1];
  if (name === undefined || !SECOND_PERSON.test(text.slice(name.length))) return false;
  return !criticised();
}

/** A question to the other readers, not to the brand: "Hat jemand …?", "Weiß wer …?", "Does anyone …?", "anyone else …?". */
const CROWD_QUESTION = wordsRe(
  '(?:hat|hatte|weiß|kennt|kann|war|ist|bin)\\s+(?:hier\\s+)?(?:noch\\s+|auch\\s+|zufällig\\s+)?(?:jemand|irgendwer|irgendjemand|wer)|(?:does|has|did|is|can|could)\\s+any(?:one|body)|any(?:one|body)\\s+else',
);

/**
 * Whether a question asks the other readers rather than the brand; only a question that names nobody else and not
 * the brand ("Hat jemand den Sturm auch so heftig mitbekommen?").
 */
export function asksTheCrowd(text: string, ctx: ThreadContext): boolean {
  return text.includes('?') && CROWD_QUESTION.test(text) && !namesBrand(text, ctx.brandNames ?? []);
}
