/**
 * Durable per-source checkpoints (since ids, cursors, ETags, seen ids) in the state store, namespace
 * `checkpoint:<source name>`. Sources write a checkpoint only after `emit` resolved for everything it covers,
 * so a crash re-reads at most what was not yet on the bus.
 */
import type { z } from 'zod';
import type { StateStore } from '../classifiers/types.ts';
import type { Logger } from '../src/log.ts';

export class Checkpoints {
  readonly namespace: string;

  constructor(
    private readonly state: StateStore,
    source: string,
    private readonly log: Logger,
  ) {
    this.namespace = `checkpoint:${source}`;
  }

  /**
   * Reads a checkpoint; a value that no longer fits the schema (older version, hand edit) is logged and
   * treated as absent rather than crashing the source.
   */
  async load<S extends z.ZodType>(key: string, schema: S): Promise<z.infer<S> | undefined> {
    const raw = await this.state.getState(this.namespace, key);
    if (raw === undefined || raw === null) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.log.warn({ namespace: this.namespace, key, issues: parsed.error.issues.slice(0, 5) }, 'checkpoint unreadable, starting this key afresh');
    return undefined;
  }

  save(key: string, value: unknown): Promise<void> {
    return this.state.putState(this.namespace, key, value);
  }
}
