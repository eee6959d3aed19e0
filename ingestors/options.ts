/**
 * Each ingestor validates its own options (the `passthrough` part of a source entry) with its own schema.
 * Errors carry the zod issues so the registry can name the config path (`sources[i].field`).
 */
import { z } from 'zod';
import { formatZodIssues } from '../src/config.ts';
import type { SourceConfig } from '../src/config.ts';

export class SourceOptionsError extends Error {
  constructor(
    readonly source: string,
    readonly zodError: z.ZodError,
  ) {
    super(`Invalid options for source "${source}":\n${formatZodIssues(zodError, [source]).map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'SourceOptionsError';
  }
}

/** Fields every source entry has; ingestor schemas extend this and stay strict so typos are reported. */
export const BaseSourceOptions = z.object({
  type: z.string(),
  name: z.string(),
  enabled: z.boolean().default(true),
});

export function parseSourceOptions<S extends z.ZodType>(schema: S, source: SourceConfig): z.infer<S> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new SourceOptionsError(source.name, parsed.error);
  return parsed.data;
}
