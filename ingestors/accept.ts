/**
 * The one gate between a source's mapping code and `emit`: every candidate is parsed with the Mention schema;
 * what fails is quarantined with the reason and logged, never dropped silently.
 */
import { formatZodIssues } from '../src/config.ts';
import { Mention, type MentionInput } from '../src/model.ts';
import type { IngestorContext } from './types.ts';

/** What the gate needs from the ingestor context. */
export type GateContext = Pick<IngestorContext, 'log' | 'quarantine'>;

export interface Candidate {
  mention: MentionInput;
  /** What the source sent, parked with the reason if the mention is invalid. */
  raw: unknown;
}

export async function acceptMentions(source: string, candidates: Candidate[], context: GateContext): Promise<Mention[]> {
  const accepted: Mention[] = [];
  for (const candidate of candidates) {
    const parsed = Mention.safeParse(candidate.mention);
    if (parsed.success) {
      accepted.push(parsed.data);
      continue;
    }
    await quarantine(source, `invalid mention ${String(candidate.mention.id)}: ${formatZodIssues(parsed.error).join('; ')}`, candidate.raw, context);
  }
  return accepted;
}

export async function quarantine(source: string, reason: string, raw: unknown, context: GateContext): Promise<void> {
  context.log.warn({ source, reason }, 'input quarantined');
  // context.quarantine also counts it on the status board (the pipeline wires both together).
  await context.quarantine(source, reason, raw);
}
