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
 * The brands a detect-stage instance owns. In scaled mode each consumer-group member owns the brands whose
 * partitions it was assigned; another member keeps the rest, and a stale copy of them here must never raise an
 * alert or be written back (src/stages/detect-ownership.ts). Without it: every brand.
 */
export type BrandFilter = (brand: string) => boolean;

/** A brand's open shitstorm incident as other detectors see it: which one, and how grave it is now. */
export interface OpenStorm {
  id: string;
  severity: 'watch' | 'warning' | 'critical';
}

/**
 * A stream detector (unanswered tracker, shitstorm detector). Mentions arrive per brand in bus order; time is
 * event time in replay (`--clock event`) and wall time live: the caller passes `now` either way.
 */
export interface StreamDetector {
  readonly name: string;
  /**
   * Loads durable state, replacing what is in memory (not merging): called before the first mention and again
   * after every consumer-group rebalance, when other members may have written the state of brands meanwhile.
   */
  restore(): Promise<void>;
  /**
   * Feeds one classified mention; returns alerts opened, updated or resolved by it. With `owns`, touches no
   * state of brands it rejects (due checks and brands addressed by the post alike).
   */
  observe(mention: Classified, now: Date, owns?: BrandFilter): Promise<Alert[]>;
  /**
   * Moves the clock; returns alerts that became due (SLA breached, burst grown or over). With `owns`, only for
   * the brands it accepts.
   */
  advance(now: Date, owns?: BrandFilter): Promise<Alert[]>;
  /**
   * Writes state changed since the last flush; the stage calls it before committing bus offsets. With `owns`,
   * only the brands it accepts: a copy of another member's brand is never written back.
   */
  flush(owns?: BrandFilter): Promise<void>;
}
