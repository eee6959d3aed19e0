/**
 * The ingestor seam: each source turns the outside world into Mentions and knows nothing downstream.
 * `emit` resolves once the mentions are durably on the bus; only then may a source advance its checkpoint.
 */
import type { AppConfig, Secrets, SourceConfig } from '../src/config.ts';
import type { Logger } from '../src/log.ts';
import type { Brand, Mention } from '../src/model.ts';
import type { StateStore } from '../classifiers/types.ts';

export type Emit = (mentions: Mention[]) => Promise<void>;

export interface Ingestor {
  readonly name: string;
  readonly type: string;
  /** Runs until `signal` aborts (live sources) or the input ends (files); reconnects by itself. */
  run(emit: Emit, signal: AbortSignal): Promise<void>;
}

/** Health of one source, shown on /api/sources and in the dashboard. */
export interface SourceStatus {
  name: string;
  type: string;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  lastError?: string;
  itemsTotal: number;
  /** Items emitted in the last minute. */
  itemsPerMinute: number;
  quarantined: number;
}

export interface SourceStatusReporter {
  success(source: string, items: number): void;
  error(source: string, error: Error | string): void;
  quarantined(source: string, count: number): void;
}

export interface IngestorContext {
  config: AppConfig;
  brands: Brand[];
  secrets: Secrets;
  /** Durable checkpoints (since ids, cursors, ETags): namespace `checkpoint:<source name>`. */
  state: StateStore;
  status: SourceStatusReporter;
  /** Parks input that cannot become a Mention, with the reason, in the dead-letter topic. */
  quarantine(source: string, reason: string, raw: unknown): Promise<void>;
  log: Logger;
  /** Directory that relative paths in the config (replay files) are resolved against. */
  baseDir: string;
  /**
   * This process will run the sources (not only serve their webhooks): files they read must exist now, so a
   * missing one is a configuration error at start rather than a crash once the stage runs.
   */
  willRun?: boolean;
}

export interface IngestorFactory {
  readonly type: string;
  /** Validates this source's own options; errors name the config path (`sources[i].field`). */
  create(source: SourceConfig, context: IngestorContext): Ingestor;
}
