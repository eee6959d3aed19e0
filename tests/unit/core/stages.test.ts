import { describe, expect, it } from 'vitest';
import { createMemoryBus } from '../../../src/bus/memory.ts';
import { classifiedMessages, UNBRANDED_KEY } from '../../../src/stages/classify.ts';
import { mergeAlert, runIndexStage } from '../../../src/stages/index.ts';
import { Alert, Classified, type Alert as AlertType, type Classified as ClassifiedType } from '../../../src/model.ts';
import type { Store } from '../../../src/store/port.ts';
import { BulkWriteError } from '../../../src/store/errors.ts';
import { waitFor } from '../../helpers/wait.ts';

function classified(id: string, brands: string[]): ClassifiedType {
  return Classified.parse({
    id,
    source: 'demo',
    author: { id: 'u1' },
    text: 'Seit drei Tagen keine Antwort',
    createdAt: '2026-11-01T10:00:00Z',
    thread: { rootId: id },
    channel: 'post',
    lang: 'de',
    brands,
    complaint: { score: 0.9, isComplaint: true, cues: [{ cue: 'keine Antwort', weight: 1 }], severity: 2 },
    sentiment: { label: 'negative', score: -0.8 },
    intents: ['support_unreachable'],
    classifiedAt: '2026-11-01T10:00:01Z',
    model: 'test',
  });
}

function alert(overrides: Partial<AlertType>): AlertType {
  return Alert.parse({
    id: 'a1',
    kind: 'unanswered',
    brand: 'b',
    severity: 'warning',
    status: 'open',
    title: 't',
    openedAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    mentions: [],
    evidence: {},
    dedupeKey: 'd',
    revision: 1,
    ...overrides,
  });
}

describe('classify stage output', () => {
  it('sends a post once per brand it concerns, keyed by brand, and unbranded posts under one key', () => {
    expect(classifiedMessages(classified('demo:1', ['a', 'b'])).map((m) => m.key)).toEqual(['a', 'b']);
    expect(classifiedMessages(classified('demo:2', [])).map((m) => m.key)).toEqual([UNBRANDED_KEY]);
  });
});

describe('alert merge', () => {
  it('keeps an analyst acknowledgement while the detector updates the incident', () => {
    const acked = alert({ status: 'acknowledged', acknowledgedAt: '2026-11-01T11:00:00.000Z', revision: 2 });
    const update = alert({ status: 'open', severity: 'critical', revision: 3 });
    const merged = mergeAlert(acked, update);
    expect(merged.status).toBe('acknowledged');
    expect(merged.severity).toBe('critical');
    expect(merged.acknowledgedAt).toBe('2026-11-01T11:00:00.000Z');
  });

  it('lets a resolution through and ignores stale revisions', () => {
    const acked = alert({ status: 'acknowledged', revision: 2 });
    expect(mergeAlert(acked, alert({ status: 'resolved', revision: 3 })).status).toBe('resolved');
    expect(mergeAlert(acked, alert({ status: 'open', revision: 1 }))).toBe(acked);
  });

  it('keeps an unanswered alert an analyst resolved resolved when a tracker update of it arrives', () => {
    const resolved = alert({ kind: 'unanswered', status: 'resolved', revision: 2 });
    expect(mergeAlert(resolved, alert({ kind: 'unanswered', status: 'open', severity: 'critical', revision: 3 }))).toBe(resolved);
  });
});

describe('index stage', () => {
  it('writes each post once even when it arrives once per brand, and dead-letters what the store refuses for good', async () => {
    const bus = createMemoryBus();
    const written: string[] = [];
    const store = {
      kind: 'sqlite',
      async upsertMentions(batch: ClassifiedType[]) {
        written.push(...batch.map((m) => m.id));
        if (batch.some((m) => m.id === 'demo:bad')) {
          throw new BulkWriteError([{ id: 'demo:bad', index: 'x', status: 400, reason: 'mapper_parsing_exception' }], []);
        }
      },
    } as unknown as Store;
    const letters: unknown[] = [];
    const controller = new AbortController();
    const dlq = bus.consume('deadletter', 'test', async (batch) => void letters.push(...batch.map((m) => m.value)), controller.signal);
    const stage = runIndexStage({ bus, store, signal: controller.signal });
    await bus.publish('classified', [...classifiedMessages(classified('demo:1', ['a', 'b'])), ...classifiedMessages(classified('demo:bad', ['a']))]);
    await waitFor(() => letters.length === 1, { what: 'dead letter' });
    await waitFor(async () => (await bus.lag('classified', 'index')) === 0, { what: 'commit' });
    expect(written.sort()).toEqual(['demo:1', 'demo:bad']);
    expect(letters[0]).toMatchObject({ stage: 'index', reason: expect.stringContaining('mapper_parsing_exception') });
    controller.abort();
    await Promise.all([stage, dlq]);
    await bus.close();
  });
});

describe('classify stage', () => {
  it('lets other work (the API in embedded mode) run between slow posts instead of holding the event loop for a batch', async () => {
    const { runClassifyStage } = await import('../../../src/stages/classify.ts');
    const bus = createMemoryBus();
    const posts = Array.from({ length: 5 }, (_, i) => classified(`demo:${i}`, []));
    await bus.publish('mentions', posts.map((p) => ({ key: p.id, value: { ...p, lang: undefined, brands: undefined, complaint: undefined, sentiment: undefined, intents: undefined, classifiedAt: undefined, model: undefined } })));
    const order: string[] = [];
    const slowClassify = (m: { id: string }): ClassifiedType => {
      const until = performance.now() + 30;
      while (performance.now() < until); // a long post's worth of CPU
      order.push(m.id);
      return classified(m.id, []);
    };
    const controller = new AbortController();
    const running = runClassifyStage({ bus, classify: slowClassify as never, signal: controller.signal });
    // A request arriving while the batch is classified: it is served before the last post is done.
    setImmediate(() => order.push('request'));
    await waitFor(async () => order.filter((x) => x !== 'request').length === 5, { timeoutMs: 10_000, what: 'batch classified' });
    controller.abort();
    await running;
    expect(order.indexOf('request')).toBeGreaterThan(-1);
    expect(order.indexOf('request')).toBeLessThan(order.length - 1);
  });
});
