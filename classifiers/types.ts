/**
 * Seams between the classifiers and the stages. Classifiers are pure, synchronous functions over one
 * mention; stream detectors keep durable state per brand and run in the detect stage.
 */
import type { Alert, Classified, Cue, Lang, Mention, SentimentLabel } from '../src/model.ts';
import type { Store } from '../src/store/port.ts';

/** Per-post classifier: pure, synchronous, fast (see bench/classify). */
export type Classifier = (mention: Mention) => Classified;

/** Text models (learned or cue-based) behind the complaint/sentiment/severity fields of `Classified`. */
export interface TextModel {
  /** Name and version, stored on every Classified (`model`). */
  readonly name: string;
  complaint(text: string, lang: Lang): { score: number; cues: Cue[] };
  sentiment(text: string, lang: Lang): { label: SentimentLabel; score: number };
  /** 1..4 for a complaint (no explicit reproach, disapproval, accusation, blame). */
  severity(text: string, lang: Lang): 1 | 2 | 3 | 4;
  /**
   * Optional: the complaint score at or above which this model's post is a complaint, per language (the learned
   * model's scores are calibrated probabilities, and the F1-best threshold chosen by CV is usually not 0.5).
   */
  complaintThresholdFor?(lang: Lang): number;
}

/** The durable key-value part of the store: what detectors and checkpoints may touch. */
export type StateStore = Pick<Store, 'getState' | 'putState' | 'deleteState' | 'listState'>;

/**
 * A stream detector (unanswered tracker, shitstorm detector). Mentions arrive per brand in bus order; time is
 * event time in replay (`--clock event`) and wall time live: the caller passes `now` either way.
 */
export interface StreamDetector {
  readonly name: string;
  /** Loads durable state; called once before the first mention. */
  restore(): Promise<void>;
  /** Feeds one classified mention; returns alerts opened, updated or resolved by it. */
  observe(mention: Classified, now: Date): Promise<Alert[]>;
  /** Moves the clock; returns alerts that became due (SLA breached, burst grown or over). */
  advance(now: Date): Promise<Alert[]>;
  /** Writes state changed since the last flush; the stage calls it before committing bus offsets. */
  flush(): Promise<void>;
}
