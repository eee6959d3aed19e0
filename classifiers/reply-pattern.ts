/**
 * What a reply cue is, and the helpers every cue module (classifiers/reply-cues*.ts) writes its patterns with.
 */
import type { ReplyKind } from '../src/model.ts';

export interface ReplyPattern {
  readonly kind: ReplyKind;
  readonly cue: string;
  readonly re: RegExp;
  /** The same pattern with the `g` flag, to find every place it covers (classifiers/reply-substance.ts). */
  readonly everywhere: RegExp;
  readonly weight: number;
  readonly lang: 'de' | 'en' | 'any';
  /**
   * Auto-reply cues that only a machine or an out-of-hours notice writes ("automatisch erstellt", "outside our
   * business hours"): they decide the kind whatever else the message says. Holding phrases ("wir kümmern uns
   * darum", "we're looking into it") do not, because people write them before a real answer too.
   */
  readonly canned: boolean;
  /** A string the text must contain for the pattern to be worth running ("@" for e-mail addresses). */
  readonly needs?: string;
  /**
   * Counts only when the reply asks for something (ASKS): a bare "Sendungsnummer" or "model" is as often given
   * as asked for ("Deine Sendungsnummer lautet …", "isn't supported on that model").
   */
  readonly askOnly?: boolean;
  /**
   * A redirect that covers only its own words in the substance check, not its whole clause: "We've sent you an
   * e-mail confirming the refund of £40" says in public what the private message holds, and answers.
   */
  readonly phraseOnly?: boolean;
}

// Patterns are written case-insensitively for reading but run without the `i`/`u` flags over lower-cased text:
// V8's Unicode case folding made every pattern ~10× slower. Without `u`, `\b` and `\w` know ASCII letters only,
// so no `\b` stands next to an umlaut (`(?<![a-zäöüß])` does that job) and words with umlauts are matched
// with `[a-zäöüß]`; lower-casing keeps German text's length, so spans stay valid.
export const p = (kind: ReplyKind, lang: ReplyPattern['lang'], cue: string, weight: number, re: RegExp, canned = false, needs?: string, askOnly = false): ReplyPattern => {
  const flags = re.flags.replace(/[iu]/g, '');
  return {
    kind,
    cue,
    re: new RegExp(re.source, flags),
    everywhere: new RegExp(re.source, `${flags}g`),
    weight,
    lang,
    canned,
    ...(needs === undefined ? {} : { needs }),
    ...(askOnly ? { askOnly } : {}),
  };
};
/** One pattern from alternatives written one per line. */
export const rx = (...alternatives: string[]): RegExp => new RegExp(alternatives.join('|'));

export const APOS = "(?:'|’)";
/** A German word, umlauts included (`\w` is ASCII-only here). */
export const W = '[a-zäöüß]+';
/** The same with gender markers: "Kolleg*innen", "Berater:innen". */
export const WG = '[a-zäöüß*:_/]+';
