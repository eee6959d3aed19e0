/**
 * Event time from several `mentions` partitions (lanes): the detect stage puts each `classified` partition's posts
 * back in time order before the detectors see them (src/stages/detect-reorder.ts). QA scaled run: with the lanes
 * interleaved as classify workers read them, a brand answer from the lane behind came after the lane ahead had
 * pushed the SLA past, and 201 complaints answered in time raised `unanswered` alerts.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryBus } from '../../../src/bus/memory.ts';
import type { Bus } from '../../../src/bus/port.ts';
import { createUnansweredTracker } from '../../../classifiers/unanswered.ts';
import { AppConfig } from '../../../src/config.ts';
import { childLogger } from '../../../src/log.ts';
import { Alert, type Brand, type Classified } from '../../../src/model.ts';
import { createDetectStage, DETECT_GROUP } from '../../../src/stages/detect.ts';
import { createReorderBuffer } from '../../../src/stages/detect-reorder.ts';
import { waitFor } from '../../helpers/wait.ts';
import { MemoryState, post, publishedAlerts } from './helpers.ts';

const telvana: Brand = { id: 'telvana', name: 'Telvana', query: '@telvana_hilft', accounts: ['telvana_hilft'], language: 'de' };
const config = AppConfig.parse({ brands: [telvana], detect: { clock: 'event' } });
const MIN = 60_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * MIN);
const log = childLogger('test');
const everyKey = () => true;

const laned = (c: Classified, lane: number): Classified => ({ ...c, lane: { partition: lane, of: 2 } });
const complaint = (id: string, minutes: number) =>
  post({ id, at: at(minutes), author: `kunde_${id}`, text: '@telvana_hilft Seit gestern kein Internet, das ist eine Frechheit!', brands: ['telvana'], complaint: true });
const answer = (id: string, minutes: number, to: string) =>
  post({ id, at: at(minutes), author: 'telvana_hilft', isBrand: true, text: `@kunde_${to} Die Störung ist behoben, der Anschluss läuft wieder. Entschuldigung!`, brands: ['telvana'], rootId: to, parentId: to, replyKind: 'answer' });


describe('detect stage, event time over two lanes', () => {
  // Lane 1 (other threads) is read two hours ahead of lane 0, which holds a complaint answered after 20 minutes.
  const lane1 = [complaint('b1', 100), complaint('b2', 130)].map((c) => laned(c, 1));
  const lane0 = [complaint('a1', 0), answer('a1r', 20, 'a1')].map((c) => laned(c, 0));

  async function run(posts: Classified[], end: Date) {
    const state = new MemoryState();
    const bus = createMemoryBus();
    const stage = createDetectStage({ bus, detectors: [createUnansweredTracker({ brands: [telvana], config, state })], clock: 'event', state });
    await bus.publish('classified', posts.map((value) => ({ key: 'telvana', value })));
    const stop = new AbortController();
    const running = stage.run(stop.signal);
    await waitFor(async () => (await bus.lag('classified', DETECT_GROUP)) === 0, { what: 'detect caught up' });
    await stage.advanceTo(end);
    stop.abort();
    await running;
    const alerts = await publishedAlerts(bus);
    await bus.close();
    return { alerts, state };
  }

  it('raises no alert for a complaint answered in time when another lane was read hours ahead', async () => {
    const { alerts, state } = await run([...lane1, ...lane0], at(400));
    const threads = new Set(alerts.map((a) => a.id));
    expect([...threads].some((id) => id.includes('a1'))).toBe(false);
    // The complaints nobody answered are still overdue, each once.
    expect([...threads].filter((id) => id.includes('b1') || id.includes('b2'))).toHaveLength(2);
    // Nothing is left held in the store once the replay ended.
    expect(state.data.get('detect-reorder')?.size ?? 0).toBe(0);
  });

  it('without lanes the same order raises the false alert (what the buffer is for)', async () => {
    const plain = [...lane1, ...lane0].map(({ lane: _lane, ...c }) => c);
    const { alerts } = await run(plain, at(400));
    expect(alerts.some((a) => a.id.includes('a1') && a.status === 'open')).toBe(true);
  });
});

describe('reorder buffer', () => {
  const c = (id: string, minutes: number, lane: number) => ({ ...complaint(id, minutes), lane: { partition: lane, of: 2 } });

  it('hands posts out oldest first once every lane passed them; a quiet lane stops holding the others back', () => {
    const buffer = createReorderBuffer({ log, idleMs: 30_000 });
    buffer.hold(0, 'telvana', c('x3', 30, 1), 0);
    buffer.hold(0, 'telvana', c('x4', 40, 1), 0);
    expect(buffer.release(0, everyKey)).toEqual([]); // lane 0 not heard from yet
    buffer.hold(0, 'telvana', c('x1', 10, 0), 1_000);
    buffer.hold(0, 'telvana', c('x2', 35, 0), 1_000);
    expect(buffer.release(1_000, everyKey).map((p) => p.value.id)).toEqual(['twitter:x1', 'twitter:x3', 'twitter:x2']);
    expect(buffer.size()).toBe(1);
    // Lane 0 stays quiet: after idleMs its hold ends.
    expect(buffer.release(20_000, everyKey)).toEqual([]);
    expect(buffer.release(31_000, everyKey).map((p) => p.value.id)).toEqual(['twitter:x4']);
  });

  it('holds a post delivered twice once, keeps what it holds in the store, and reads it back after a restart', async () => {
    const state = new MemoryState();
    const first = createReorderBuffer({ state, log });
    first.hold(0, 'telvana', c('y1', 10, 0), 0);
    first.hold(0, 'telvana', c('y1', 10, 0), 0);
    expect(first.size()).toBe(1);
    await first.flush();
    const second = createReorderBuffer({ state, log });
    await second.reload(0);
    expect(second.release(0, everyKey, true).map((p) => p.value.id)).toEqual(['twitter:y1']);
    await second.flush();
    expect(state.data.get('detect-reorder')?.size ?? 0).toBe(0);
  });

  it('saves a batch of held posts as one chunk, rewrites it as posts move on and deletes it once all did', async () => {
    const state = new MemoryState();
    const buffer = createReorderBuffer({ state, log, idleMs: 30_000 });
    for (let i = 0; i < 100; i++) buffer.hold(0, 'telvana', c(`w${i}`, i, 1), 0);
    const before = state.writes;
    await buffer.flush();
    expect(state.writes - before).toBe(1);
    buffer.hold(0, 'telvana', c('w-lane0', 49, 0), 1_000); // lane 0 has passed minute 49: half of lane 1 moves on
    expect(buffer.release(1_000, everyKey)).toHaveLength(51);
    await buffer.flush();
    const reread = createReorderBuffer({ state, log });
    await reread.reload(0);
    expect(reread.size()).toBe(50);
    expect(buffer.release(40_000, everyKey)).toHaveLength(50); // both lanes quiet
    await buffer.flush();
    expect(state.data.get('detect-reorder')?.size ?? 0).toBe(0);
  });

  it('skips a copy of a post that was already handed out (a frozen classify worker publishing its old batch again)', () => {
    const buffer = createReorderBuffer({ log, idleMs: 30_000 });
    buffer.hold(0, 'telvana', c('d1', 10, 0), 0);
    buffer.hold(0, 'telvana', c('d2', 20, 1), 0);
    expect(buffer.release(0, everyKey).map((p) => p.value.id)).toEqual(['twitter:d1']);
    buffer.hold(0, 'telvana', c('d1', 10, 0), 1_000);
    expect(buffer.size()).toBe(1);
    expect(buffer.release(40_000, everyKey).map((p) => p.value.id)).toEqual(['twitter:d2']);
  });

  it('leaves posts of keys another member reads now in the store for it', async () => {
    const state = new MemoryState();
    const buffer = createReorderBuffer({ state, log });
    buffer.hold(0, 'telvana', c('z1', 10, 0), 0);
    await buffer.flush();
    expect(buffer.release(0, () => false, true)).toEqual([]);
    await buffer.flush();
    expect(state.data.get('detect-reorder')?.size).toBe(1);
  });
});
