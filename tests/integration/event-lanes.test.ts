/**
 * Event time over Kafka with two `mentions` partitions (lanes), classify and detect as consumer groups on a real
 * broker (KAFKA_BROKERS). QA scaled run: the lanes reach `classified` interleaved, one hours ahead of the other, and
 * a complaint answered after 20 minutes raised an `unanswered` alert because the lane ahead had already moved the
 * brand's clock past its SLA. Classify stamps each post with its lane; detect puts them back in time order.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { createUnansweredTracker } from '../../classifiers/unanswered.ts';
import { createKafkaBus, dropKafkaNamespace } from '../../src/bus/kafka.ts';
import { partitionerFor } from '../../src/bus/kafka-packing.ts';
import type { Bus } from '../../src/bus/port.ts';
import { AppConfig, type LoadedConfig } from '../../src/config.ts';
import { Alert, Classified, type Brand, type Mention } from '../../src/model.ts';
import { buildClassifier } from '../../src/pipeline.ts';
import { CLASSIFY_GROUP, runClassifyStage } from '../../src/stages/classify.ts';
import { createDetectStage, DETECT_GROUP } from '../../src/stages/detect.ts';
import { waitFor } from '../helpers/wait.ts';
import { MemoryState } from '../unit/detectors/helpers.ts';
import { describeWithKafka, kafkaBrokers } from './services.ts';

const acme: Brand = { id: 'acme', name: 'Acme', query: '@acme_hilft', accounts: ['acme_hilft'], language: 'de' };
const config = AppConfig.parse({ brands: [acme], detect: { clock: 'event' } });
const loaded: LoadedConfig = { file: '(test)', baseDir: process.cwd(), config, env: {}, secrets: {} };
const T0 = Date.parse('2026-06-16T09:00:00Z');
const lanes = partitionerFor(2);

function mention(id: string, minutes: number, text: string, extra: { author?: string; rootId?: string; isBrand?: boolean } = {}): Mention {
  return {
    id: `x:${id}`,
    source: 'x',
    author: { id: extra.author ?? `kunde_${id}`, handle: extra.author ?? `kunde_${id}`, isBrand: extra.isBrand ?? false },
    text,
    createdAt: new Date(T0 + minutes * 60_000).toISOString(),
    thread: { rootId: `x:${extra.rootId ?? id}`, ...(extra.rootId ? { parentId: `x:${extra.rootId}` } : {}) },
    metrics: { likes: 0, shares: 0, replies: 0 },
    channel: extra.rootId ? 'reply' : 'post',
    brandContext: [],
  };
}

/** Thread ids that land on lane `lane`. */
function idsOnLane(lane: number, count: number, tag: string): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) if (lanes(`x:${tag}${i}`) === lane) out.push(`${tag}${i}`);
  return out;
}

describeWithKafka('event time over two mentions partitions on Kafka', () => {
  const prefix = `kr-lanes-${randomUUID().slice(0, 8)}.`;
  let bus: Bus | undefined;
  afterEach(async () => {
    await bus?.close();
    await dropKafkaNamespace({ brokers: kafkaBrokers(), clientId: `${prefix}cleanup`, topicPrefix: prefix });
  });

  it('classify stamps each post with its lane, and an answered complaint raises no alert however far the other lane ran ahead', async () => {
    bus = createKafkaBus({ brokers: kafkaBrokers(), clientId: `${prefix}test`, topicPrefix: prefix, partitions: { mentions: 2, classified: 1, alerts: 1, deadletter: 1 } });
    const [answeredId] = idsOnLane(0, 1, 'a');
    const ahead = idsOnLane(1, 2, 'b');
    const complaintText = '@acme_hilft Mein Paket ist seit zwei Wochen verschwunden und niemand meldet sich. Eine Frechheit!';
    // The lane ahead: two complaints two hours later, never answered. Published first, so it is read first.
    const laneAhead = ahead.map((id, i) => mention(id as string, 120 + i * 10, complaintText));
    const laneBehind = [
      mention(answeredId as string, 0, complaintText),
      mention(`${answeredId}r`, 20, `@kunde_${answeredId} Ihr Paket ist heute zugestellt worden, Sendungsnummer 4711. Entschuldigen Sie die Verzögerung!`, {
        author: 'acme_hilft',
        isBrand: true,
        rootId: answeredId as string,
      }),
    ];
    await bus.publish('mentions', laneAhead.map((m) => ({ key: m.thread.rootId, value: m })));
    await bus.publish('mentions', laneBehind.map((m) => ({ key: m.thread.rootId, value: m })));

    const state = new MemoryState();
    const stage = createDetectStage({ bus, detectors: [createUnansweredTracker({ brands: [acme], config, state })], clock: 'event', state });
    const stop = new AbortController();
    const classifying = runClassifyStage({ bus, classify: buildClassifier(loaded), signal: stop.signal });
    const detecting = stage.run(stop.signal);
    const stamped: Classified[] = [];
    const alerts: Alert[] = [];
    const reading = Promise.all([
      bus.consume('classified', 'test-lanes', async (batch) => void stamped.push(...batch.map((m) => Classified.parse(m.value))), stop.signal),
      bus.consume('alerts', 'test-alerts', async (batch) => void alerts.push(...batch.map((m) => Alert.parse(m.value))), stop.signal),
    ]);
    try {
      await waitFor(async () => (await bus!.lag('mentions', CLASSIFY_GROUP)) === 0 && (await bus!.lag('classified', DETECT_GROUP)) === 0 && stamped.length === 4, {
        timeoutMs: 60_000,
        what: 'classify and detect caught up',
      });
      for (const c of stamped) expect(c.lane).toEqual({ partition: lanes(c.thread.rootId), of: 2 });
      await stage.advanceTo(new Date(T0 + 400 * 60_000));
      await waitFor(async () => alerts.filter((a) => a.kind === 'unanswered').length >= 2, { timeoutMs: 30_000, what: 'the two unanswered complaints alerted' });
      const threads = new Set(alerts.map((a) => a.mentions[0]));
      expect(threads.has(`x:${answeredId}`)).toBe(false);
      for (const id of ahead) expect(threads.has(`x:${id}`)).toBe(true);
    } finally {
      stop.abort();
      await Promise.all([classifying, detecting, reading]);
    }
  }, 120_000);
});
