/**
 * The one gate between a source's mapping code and `emit`: every candidate is parsed with the Mention schema;
 * what fails is quarantined with the reason and logged, never dropped silently.
 */
import { formatZodIssues } from '../src/config.ts';
import { Mention, type MentionInput } from '../src/model.ts';
import type { IngestorContext } from './types.ts';
import { turnTaker } from './yield.ts';

/** What the gate needs from the ingestor context. */
export type GateContext = Pick<IngestorContext, 'log' | 'quarantine'>;

export interface Candidate {
  mention: MentionInput;
  /** What the source sent, parked with the reason if the mention is invalid. */
  raw: unknown;
}

export async function acceptMentions(source: string, candidates: Candidate[], context: GateContext, now: () => number = Date.now): Promise<Mention[]> {
  const accepted: Mention[] = [];
  const takeTurn = turnTaker();
  for (const candidate of candidates) {
    await takeTurn();
    const parsed = Mention.safeParse(candidate.mention);
    const problem = parsed.success ? implausibleTime(parsed.data.createdAt, now()) : formatZodIssues(parsed.error).join('; ');
    if (parsed.success && problem === undefined) {
      accepted.push(parsed.data);
      continue;
    }
    await quarantine(source, `invalid mention ${String(candidate.mention.id)}: ${problem}`, candidate.raw, context);
  }
  return accepted;
}

/** Posts from before this are misread dates (an epoch 0, a year 0), not history anyone monitors. */
const EARLIEST_POST = Date.parse('1990-01-01T00:00:00Z');
/** Clocks and time zones differ; a post a day ahead of ours is a wrong date. */
const FUTURE_TOLERANCE_MS = 24 * 3600_000;

/**
 * Why a live post's time cannot be right, or undefined. One post dated 9999 moved the event clock, and with it every
 * SLA timer and the dashboard's default time range, to that year; one dated 1970 made the search page's histogram
 * span 20,000 days.
 */
export function implausibleTime(createdAt: string, nowMs: number): string | undefined {
  const t = Date.parse(createdAt);
  if (t < EARLIEST_POST) return `createdAt: ${createdAt} is before 1990, most likely a misread date`;
  if (t > nowMs + FUTURE_TOLERANCE_MS) return `createdAt: ${createdAt} lies more than a day in the future`;
  return undefined;
}

export async function quarantine(source: string, reason: string, raw: unknown, context: GateContext): Promise<void> {
  context.log.warn({ source, reason }, 'input quarantined');
  // context.quarantine also counts it on the status board (the pipeline wires both together).
  await context.quarantine(source, reason, raw);
}
