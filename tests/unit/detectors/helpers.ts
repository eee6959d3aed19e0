/** Test helpers for the stream detectors: an in-memory StateStore and a Classified builder. */
import type { StateStore } from '../../../classifiers/types.ts';
import type { UnansweredTracker } from '../../../classifiers/unanswered.ts';
import type { Bus } from '../../../src/bus/port.ts';
import { Alert, Classified, type ReplyKind } from '../../../src/model.ts';
import { waitFor } from '../../helpers/wait.ts';

/** Same contract as the store's key-value part; values are cloned through JSON like a real store does. */
export class MemoryState implements StateStore {
  readonly data = new Map<string, Map<string, string>>();
  writes = 0;
  async getState(namespace: string, key: string): Promise<unknown> {
    const v = this.data.get(namespace)?.get(key);
    return v === undefined ? undefined : JSON.parse(v);
  }
  async putState(namespace: string, key: string, value: unknown): Promise<void> {
    this.writes += 1;
    let ns = this.data.get(namespace);
    if (!ns) this.data.set(namespace, (ns = new Map()));
    ns.set(key, JSON.stringify(value));
  }
  async deleteState(namespace: string, key: string): Promise<void> {
    this.data.get(namespace)?.delete(key);
  }
  async listState(namespace: string): Promise<Array<{ key: string; value: unknown }>> {
    return [...(this.data.get(namespace) ?? new Map<string, string>())].map(([key, v]) => ({ key, value: JSON.parse(v) }));
  }
}

export interface PostSpec {
  id: string;
  text: string;
  at: string | Date;
  author: string;
  /** Display name; page commenters have one and no handle (`handle: null`). Without both, the author is the handle. */
  name?: string;
  handle?: string | null;
  isBrand?: boolean;
  source?: string;
  channel?: Classified['channel'];
  rootId?: string;
  parentId?: string;
  brands?: string[];
  brandContext?: string[];
  lang?: 'de' | 'en';
  complaint?: boolean;
  sentiment?: 'negative' | 'neutral' | 'positive';
  shares?: number;
  replyKind?: ReplyKind;
}

/** Builds and validates a Classified mention; ids are prefixed with the source like real ones. */
export function post(s: PostSpec): Classified {
  const source = s.source ?? 'twitter';
  const id = s.id.includes(':') ? s.id : `${source}:${s.id}`;
  const ref = (x: string) => (x.includes(':') ? x : `${source}:${x}`);
  const at = typeof s.at === 'string' ? s.at : s.at.toISOString();
  const sentiment = s.sentiment ?? (s.complaint ? 'negative' : 'neutral');
  return Classified.parse({
    id,
    source,
    author: { id: s.author, ...(s.handle === null ? {} : { handle: s.handle ?? s.author }), ...(s.name ? { name: s.name } : {}), isBrand: s.isBrand ?? false },
    text: s.text,
    createdAt: at,
    thread: { rootId: ref(s.rootId ?? s.id), ...(s.parentId ? { parentId: ref(s.parentId) } : {}) },
    metrics: { likes: 0, shares: s.shares ?? 0, replies: 0 },
    channel: s.channel ?? (s.parentId ? 'reply' : 'post'),
    brandContext: s.brandContext ?? [],
    lang: s.lang ?? 'de',
    brands: s.brands ?? s.brandContext ?? [],
    complaint: { score: s.complaint ? 0.9 : 0.1, isComplaint: s.complaint ?? false, cues: [], severity: s.complaint ? 2 : 0 },
    sentiment: { label: sentiment, score: sentiment === 'negative' ? -0.7 : sentiment === 'positive' ? 0.7 : 0 },
    intents: [],
    ...(s.replyKind ? { replyKind: s.replyKind } : {}),
    classifiedAt: at,
    model: 'test',
  });
}

/** Reads every alert published on `bus` so far. */
export async function publishedAlerts(bus: Bus): Promise<Alert[]> {
  const out: Alert[] = [];
  const stop = new AbortController();
  const reading = bus.consume('alerts', 'test-reader', async (batch) => {
    for (const m of batch) out.push(Alert.parse(m.value));
  }, stop.signal);
  await waitFor(async () => (await bus.lag('alerts', 'test-reader')) === 0, { what: 'alerts read' });
  stop.abort();
  await reading;
  return out;
}

/** A post of a tracker scenario, at `minute` after the scenario's start. */
export type TrackerStep = Omit<PostSpec, 'at'> & { minute: number };

/**
 * Feeds a tracker the steps in event time, as the detect stage does (`catchUp` to each post's time, then the post),
 * then catches up to `endMinute`; `at` turns a scenario minute into a time. Every alert revision, in order.
 */
export async function feedTracker(tracker: UnansweredTracker, steps: readonly TrackerStep[], at: (minute: number) => Date, endMinute: number): Promise<Alert[]> {
  await tracker.restore();
  const emitted: Alert[] = [];
  for (const s of steps) {
    const now = at(s.minute);
    emitted.push(...(await tracker.catchUp(now)), ...(await tracker.observe(post({ ...s, at: now }), now)));
  }
  emitted.push(...(await tracker.catchUp(at(endMinute))));
  return emitted;
}

/**
 * A factory of page-comment steps: a commenter shown by name, author id `fb-<name>`, with `defaults` (source, channel,
 * thread) under each.
 */
export const pageComment =
  (defaults: Partial<PostSpec>) =>
  (id: string, minute: number, name: string, text: string, extra: Partial<PostSpec> = {}): TrackerStep => ({ id, minute, author: `fb-${name}`, name, text, ...defaults, ...extra });
