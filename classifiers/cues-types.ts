/**
 * Shape of a cue entry in the hand-written lists (cues-de.ts, cues-en.ts). Patterns are lower-case regex
 * sources written in natural spelling: the compiler (cues.ts) makes them umlaut/ß-insensitive, puts Unicode
 * word boundaries around them, turns a space into "whitespace or hyphen", and a trailing `*` into "any word
 * ending" (German inflection and compounds: "kündig*" finds kündigen, kündige, Kündigung).
 */

/**
 * - `failure`: a service failure as a customer lives it (waiting, no answer, dunning, delay, defect, being sent
 *   around). This is what makes a complaint a *customer* complaint.
 * - `negative` / `positive`: evaluation words; negation flips them ("nicht schlecht", "not happy").
 * - `irony`: markers that turn praise into its opposite ("danke für nichts", "#not", 🙄).
 * - `resolution`: the problem is over ("funktioniert wieder", "alles repariert", "all sorted now"). When nothing
 *   goes wrong after it, the failures before it are history and the post thanks rather than complains.
 * - `commentary`: the writer discusses someone else's post or behaviour as an observer (seed 004: a blog post
 *   about a provider's tweet bashing a customer), or speaks for the company (a maintenance notice, an offer),
 *   instead of reporting their own experience.
 * - `customer`: first-person customer experience ("meine Bestellung", "ich warte", "my order").
 * - `question`: openers of information questions ("wie kann ich", "gibt es", "how do i").
 */
export type CueKind = 'failure' | 'negative' | 'positive' | 'irony' | 'resolution' | 'commentary' | 'customer' | 'question';

export interface CueDef {
  /** What the analyst sees. */
  label: string;
  pattern: string;
  kind: CueKind;
  /** Evidence strength; about 1 for an unambiguous cue, 0.3 for a weak hint. */
  weight: number;
  /** Severity the cue implies on the 1..4 scale (no explicit reproach, disapproval, accusation, blame). */
  severity?: 1 | 2 | 3 | 4;
  /**
   * Irony only next to a failure or criticism; on its own the phrase is sincere praise ("great job",
   * "gut gemacht").
   */
  conditional?: boolean;
  /**
   * A complaint on its own whatever the learned model says (classifiers/composite.ts DECISIVE_FLOOR): rude staff,
   * an auto-reply, being sent from channel to channel, "a joke". The learned models were trained on corpora where
   * these are rare and outvoted them (QA round 2: "The agent was incredibly rude" scored 0.45).
   */
  decisive?: boolean;
  /**
   * A bad event that a negator right before it denies ("kein einziger Ausfall", "keine Wartezeit", "no delays"):
   * then it is praise by denial, read like a negated negative word ("nicht schlecht"), not a failure. Only for
   * events; not for a missing good, where the negation is the complaint ("keine Erstattung", "no refund").
   */
  deniable?: boolean;
}

/** The same cue, marked decisive (CueDef.decisive). */
export const decisive = (def: CueDef): CueDef => ({ ...def, decisive: true });

/** The same cue, marked deniable (CueDef.deniable). */
export const deniable = (def: CueDef): CueDef => ({ ...def, deniable: true });

export const cue = (kind: CueKind, label: string, pattern: string, weight: number, severity?: 1 | 2 | 3 | 4): CueDef =>
  severity === undefined ? { kind, label, pattern, weight } : { kind, label, pattern, weight, severity };

/** An irony marker that can also be sincere: it counts as irony only next to a failure or criticism. */
export const conditionalIrony = (label: string, pattern: string, weight: number): CueDef => ({ kind: 'irony', label, pattern, weight, conditional: true });

/** One cue found in a text: where, and whether a negator reaches it ("nicht schlecht"). */
export interface Hit {
  def: CueDef;
  start: number;
  end: number;
  negated: boolean;
}
