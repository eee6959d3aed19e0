/**
 * In-process Bus adapter: partitioned topic logs, consumer groups with committed offsets, and bounded
 * capacity. Values are stored as JSON text so the embedded path has the same serialisation semantics as
 * Kafka (a value that does not survive JSON is a bug in both).
 */
import { EventEmitter, once } from 'node:events';
import { childLogger } from '../log.ts';
import type { Assignment, Bus, BusMessage, ConsumeOptions, OutgoingMessage, Topic } from './port.ts';
import { partitionForKey } from './partitioner.ts';
import type { BusJournal, JournalRecord } from './journal.ts';
import { countHandlerFailure, countPublished } from './metrics.ts';

const log = childLogger('bus.memory');

interface StoredMessage {
  key: string;
  json: string;
  offset: number;
}

interface Partition {
  /** Messages from `baseOffset` on; older ones were committed by every group and dropped. */
  messages: StoredMessage[];
  baseOffset: number;
  nextOffset: number;
}

interface Group {
  committed: number[];
  members: symbol[];
}

interface TopicLog {
  partitions: Partition[];
  groups: Map<string, Group>;
}

export interface MemoryBusOptions {
  /** Partitions per topic (default 1: total order, which the embedded pipeline needs no more than). */
  partitions?: Partial<Record<Topic, number>>;
  /**
   * Most uncommitted messages a topic holds for its slowest group before `publish` waits: a slow consumer
   * slows the producer and memory stays bounded. A topic nobody consumes keeps only the newest `capacity`.
   */
  capacity?: number;
  /** Makes the bus durable across crashes and restarts (embedded mode); without it, state is process memory. */
  journal?: BusJournal;
}

export function createMemoryBus(options: MemoryBusOptions = {}): Bus {
  const capacity = options.capacity ?? 10_000;
  const topics = new Map<Topic, TopicLog>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let closed = false;
  const journal = options.journal;

  function topicLog(topic: Topic): TopicLog {
    let t = topics.get(topic);
    if (!t) {
      const count = Math.max(1, options.partitions?.[topic] ?? 1);
      t = {
        partitions: Array.from({ length: count }, () => ({ messages: [], baseOffset: 0, nextOffset: 0 })),
        groups: new Map(),
      };
      topics.set(topic, t);
    }
    return t;
  }

  if (journal) restoreFrom(journal);

  /** Rebuilds the logs and group offsets a previous process left behind. */
  function restoreFrom(j: BusJournal): void {
    const { records, commits } = j.load();
    for (const r of records) {
      const t = topicLog(r.topic as Topic);
      while (t.partitions.length <= r.partition) t.partitions.push({ messages: [], baseOffset: 0, nextOffset: 0 });
      const p = t.partitions[r.partition]!;
      if (p.messages.length === 0) p.baseOffset = r.offset;
      p.messages.push({ key: r.key, json: r.json, offset: r.offset });
      p.nextOffset = r.offset + 1;
    }
    for (const c of commits) {
      const t = topicLog(c.topic as Topic);
      while (t.partitions.length <= c.partition) t.partitions.push({ messages: [], baseOffset: 0, nextOffset: 0 });
      const p = t.partitions[c.partition]!;
      if (p.messages.length === 0) {
        p.baseOffset = Math.max(p.baseOffset, c.offset);
        p.nextOffset = Math.max(p.nextOffset, c.offset);
      }
      const g = t.groups.get(c.group) ?? { committed: [], members: [] };
      g.committed[c.partition] = c.offset;
      t.groups.set(c.group, g);
    }
    for (const t of topics.values()) for (const g of t.groups.values()) t.partitions.forEach((p, i) => (g.committed[i] ??= p.baseOffset));
  }

  function uncommitted(t: TopicLog, group: Group): number {
    return t.partitions.reduce((sum, p, i) => sum + (p.nextOffset - (group.committed[i] ?? 0)), 0);
  }

  /**
   * Backlog of the slowest group that has a consumer running. A group whose consumers all left (shutdown) will not
   * commit again, so a producer waiting for it would wait for ever; it catches up from its offsets when it returns.
   */
  function backlog(t: TopicLog): number {
    let worst = 0;
    for (const g of t.groups.values()) if (g.members.length > 0) worst = Math.max(worst, uncommitted(t, g));
    return worst;
  }

  function topicName(t: TopicLog): Topic {
    for (const [name, log] of topics) if (log === t) return name;
    throw new Error('unknown topic log');
  }

  /** Drops what every group has committed (or, with no groups, all but the newest `capacity`). */
  function truncate(t: TopicLog): void {
    t.partitions.forEach((p, i) => {
      let keepFrom: number;
      if (t.groups.size === 0) keepFrom = Math.max(p.baseOffset, p.nextOffset - Math.ceil(capacity / t.partitions.length));
      else keepFrom = Math.min(...[...t.groups.values()].map((g) => g.committed[i] ?? 0));
      const drop = keepFrom - p.baseOffset;
      if (drop > 0) {
        p.messages.splice(0, drop);
        p.baseOffset = keepFrom;
        journal?.truncate(topicName(t), i, keepFrom);
      }
    });
  }

  async function waitFor(event: string, signal?: AbortSignal): Promise<void> {
    try {
      await once(events, event, signal ? { signal } : {});
    } catch (err) {
      if ((err as Error).name !== 'AbortError') throw err;
    }
  }

  async function publish(topic: Topic, messages: OutgoingMessage[]): Promise<void> {
    if (closed) throw new Error('bus is closed');
    const t = topicLog(topic);
    const journaled: JournalRecord[] = [];
    for (const m of messages) {
      while (t.groups.size > 0 && backlog(t) >= capacity) {
        // What consumers may already see must be journaled before this call yields.
        if (journaled.length > 0) journal?.append(journaled.splice(0));
        if (closed) throw new Error('bus closed while waiting for consumers');
        // Wake consumers for what this call stored so far: a publish larger than the capacity would otherwise
        // wait for commits from consumers that were never told there is anything to consume.
        events.emit(`publish:${topic}`);
        await waitFor(`commit:${topic}`);
      }
      const json = JSON.stringify(m.value);
      if (json === undefined) throw new TypeError(`message for ${topic} with key ${m.key} is not JSON-serialisable`);
      const p = t.partitions[partitionForKey(m.key, t.partitions.length)]!;
      const offset = p.nextOffset++;
      p.messages.push({ key: m.key, json, offset });
      journaled.push({ topic, partition: partitionForKey(m.key, t.partitions.length), offset, key: m.key, json });
      if (journaled.length >= 500) journal?.append(journaled.splice(0));
      if (t.groups.size === 0) truncate(t);
    }
    if (journaled.length > 0) journal?.append(journaled);
    countPublished(topic, messages);
    events.emit(`publish:${topic}`);
  }

  async function consume(
    topic: Topic,
    groupId: string,
    handle: (batch: BusMessage[]) => Promise<void>,
    signal: AbortSignal,
    consumeOptions: ConsumeOptions = {},
  ): Promise<void> {
    const maxBatch = consumeOptions.maxBatch ?? 500;
    const t = topicLog(topic);
    let group = t.groups.get(groupId);
    if (!group) {
      // A new group starts at the oldest retained message (fromBeginning) or at the end.
      const start = consumeOptions.fromBeginning === false ? t.partitions.map((p) => p.nextOffset) : t.partitions.map((p) => p.baseOffset);
      group = { committed: start, members: [] };
      t.groups.set(groupId, group);
    }
    const member = Symbol(groupId);
    group.members.push(member);
    events.emit(`publish:${topic}`); // the other members re-check their partitions (a rebalance)
    const positions = new Map<number, number>();
    let failures = 0;
    let announced: string | undefined;
    try {
      while (!signal.aborted && !closed) {
        const index = group.members.indexOf(member);
        const assigned = t.partitions.map((_, i) => i).filter((i) => i % group!.members.length === index);
        if (consumeOptions.onAssignment && announced !== assigned.join(',')) {
          try {
            await consumeOptions.onAssignment(memoryAssignment(assigned, t.partitions.length));
            announced = assigned.join(',');
          } catch (err) {
            failures++;
            const delay = Math.min(30_000, 100 * 2 ** Math.min(failures, 9));
            log.error({ err, topic, group: groupId, failures, retryInMs: delay }, 'assignment handler failed; retrying');
            await sleep(delay, signal);
          }
          continue; // membership may have changed again meanwhile
        }
        const batch: BusMessage[] = [];
        const ends = new Map<number, number>();
        for (const i of assigned) {
          const p = t.partitions[i]!;
          let pos = Math.max(positions.get(i) ?? group.committed[i] ?? 0, group.committed[i] ?? 0, p.baseOffset);
          while (pos < p.nextOffset && batch.length < maxBatch) {
            const stored = p.messages[pos - p.baseOffset]!;
            batch.push({ topic, key: stored.key, value: JSON.parse(stored.json) as unknown, partition: i, offset: stored.offset });
            pos++;
          }
          if (pos > (group.committed[i] ?? 0)) ends.set(i, pos);
        }
        if (batch.length === 0) {
          await waitFor(`publish:${topic}`, signal);
          continue;
        }
        try {
          await handle(batch);
          failures = 0;
        } catch (err) {
          // Infrastructure failure: nothing is committed, the same batch comes again after a pause.
          failures++;
          countHandlerFailure(groupId);
          const delay = Math.min(30_000, 100 * 2 ** Math.min(failures, 9));
          log.error({ err, topic, group: groupId, failures, retryInMs: delay }, 'batch handler failed; redelivering');
          positions.clear();
          await sleep(delay, signal);
          continue;
        }
        for (const [i, end] of ends) {
          group.committed[i] = Math.max(group.committed[i] ?? 0, end);
          positions.set(i, end);
        }
        journal?.commit([...ends].map(([partition, offset]) => ({ topic, group: groupId, partition, offset })));
        truncate(t);
        events.emit(`commit:${topic}`);
      }
    } finally {
      group.members.splice(group.members.indexOf(member), 1);
      events.emit(`publish:${topic}`); // let remaining members pick up the partitions
      events.emit(`commit:${topic}`); // and a producer waiting for this group re-check (see backlog())
    }
  }

  return {
    kind: 'memory',
    lagUnit: 'messages',
    partitionCount: (topic: Topic) => topicLog(topic).partitions.length,
    publish,
    consume,
    async lag(topic, groupId) {
      const t = topicLog(topic);
      const g = t.groups.get(groupId);
      return g ? uncommitted(t, g) : t.partitions.reduce((s, p) => s + p.nextOffset - p.baseOffset, 0);
    },
    async members(topic, groupId) {
      return topicLog(topic).groups.get(groupId)?.members.length ?? 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      journal?.close();
      for (const topic of topics.keys()) {
        events.emit(`commit:${topic}`);
        events.emit(`publish:${topic}`);
      }
    },
  };
}

function memoryAssignment(partitions: number[], count: number): Assignment {
  const owned = new Set(partitions);
  return { partitions, ownsKey: (key) => owned.has(partitionForKey(key, count)) };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
