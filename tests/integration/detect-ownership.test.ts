/**
 * Two detect stages in one consumer group on a real Kafka broker (KAFKA_BROKERS): after the second joins, each
 * acts only on the brands of its own partitions. The member that lost a brand raises no stale unanswered alert
 * for a thread the new owner saw answered, and does not write it back as awaiting_brand.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { createUnansweredTracker, unansweredNamespace } from '../../classifiers/unanswered.ts';
import { createKafkaBus, dropKafkaNamespace } from '../../src/bus/kafka.ts';
import type { Assignment, Bus } from '../../src/bus/port.ts';
import { observeBus } from '../helpers/observed-bus.ts';
import { AppConfig } from '../../src/config.ts';
import type { Alert, Brand, Classified } from '../../src/model.ts';
import { createDetectStage, DETECT_GROUP } from '../../src/stages/detect.ts';
import { waitFor } from '../helpers/wait.ts';
import { MemoryState, post } from '../unit/detectors/helpers.ts';
import { describeWithKafka, kafkaBrokers } from './services.ts';

const acme: Brand = { id: 'acme', name: 'Acme', query: '@AcmeHelp', accounts: ['AcmeHelp'], language: 'en' };
// Candidates for a brand on the other member's partitions; which member gets which partitions is up to Kafka.
const others: Brand[] = ['bahn', 'dhl', 'telekom', 'vodafone', 'hermes', 'lidl', 'otto', 'zalando'].map((id) => ({
  id,
  name: id,
  query: `@${id}_hilft`,
  accounts: [`${id}_hilft`],
  language: 'de',
}));
const brands = [acme, ...others];
const config = AppConfig.parse({ brands });
const T0 = Date.parse('2026-06-16T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const classified = (m: Classified) => m.brands.map((key) => ({ key, value: m }));

interface Member {
  bus: Bus;
  assignments: Assignment[];
  controller: AbortController;
  done: Promise<void>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describeWithKafka('detect stages in one consumer group on Kafka', () => {
  it('the member that lost a brand raises no stale alert and leaves the answered thread answered (en)', { timeout: 120_000 }, async () => {
    const prefix = `krtest-${randomUUID().slice(0, 8)}.`;
    const options = { brokers: kafkaBrokers(), topicPrefix: prefix, partitions: { classified: 6, alerts: 1, deadletter: 1 }, sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000 };
    const state = new MemoryState();
    const alerts: Alert[] = [];
    cleanups.push(() => dropKafkaNamespace({ brokers: kafkaBrokers(), clientId: `${prefix}cleanup`, topicPrefix: prefix }));

    const producer = createKafkaBus({ ...options, clientId: `${prefix}producer` });
    cleanups.push(() => producer.close());

    function startMember(name: string): Member {
      const inner = createKafkaBus({ ...options, clientId: `${prefix}${name}` });
      const { bus, assignments } = observeBus(inner, alerts);
      const controller = new AbortController();
      const stage = createDetectStage({ bus, detectors: [createUnansweredTracker({ brands, config, state })], clock: 'event', state });
      const done = stage.run(controller.signal);
      const member = { bus, assignments, controller, done };
      cleanups.push(async () => {
        controller.abort();
        await done.catch(() => undefined);
        await inner.close();
      });
      return member;
    }
    const caughtUp = () => waitFor(async () => (await producer.lag('classified', DETECT_GROUP)) === 0, { what: 'detect to catch up', timeoutMs: 60_000 });
    const latest = (m: Member) => m.assignments.at(-1);

    const first = startMember('first');
    await waitFor(() => latest(first)?.partitions.length === 6, { what: 'the first member to own every partition', timeoutMs: 60_000 });
    await producer.publish('classified', classified(post({ id: 'a1', at: at(0), author: 'customer1', text: '@AcmeHelp my parcel never arrived, where is it?', brandContext: ['acme'], lang: 'en', complaint: true })));
    await caughtUp();
    expect(await state.getState(unansweredNamespace('acme'), 'twitter:a1')).toMatchObject({ state: 'awaiting_brand' });

    const second = startMember('second');
    await waitFor(() => latest(second) && latest(first)!.partitions.length + latest(second)!.partitions.length === 6 && latest(second)!.partitions.length > 0, {
      what: 'the partitions to be split between both members',
      timeoutMs: 60_000,
    });
    const [owner, other] = latest(first)!.ownsKey('acme') ? [first, second] : [second, first];
    const bystander = others.find((b) => latest(other)!.ownsKey(b.id));
    expect(bystander, 'a candidate brand on the other member').toBeDefined();
    expect(latest(owner)!.ownsKey(bystander!.id)).toBe(false);

    // Acme answers within the SLA; its owner records the thread as answered.
    await producer.publish('classified', classified(post({ id: 'a2', at: at(30), author: 'AcmeHelp', isBrand: true, text: 'Sorry about that! We have sent a replacement, it arrives tomorrow.', rootId: 'a1', parentId: 'a1', brands: ['acme'], lang: 'en' })));
    await caughtUp();
    expect(await state.getState(unansweredNamespace('acme'), 'twitter:a1')).toMatchObject({ state: 'answered' });

    // Two hours later a post of a brand on the other member moves that member's clock past acme's SLA.
    const b = bystander!;
    await producer.publish('classified', classified(post({ id: 'o1', at: at(120), author: 'kunde7', text: `@${b.accounts[0]} Danke, alles gut.`, brandContext: [b.id] })));
    await caughtUp();

    expect(alerts.filter((a) => a.kind === 'unanswered' && a.brand === 'acme')).toEqual([]);
    expect(await state.getState(unansweredNamespace('acme'), 'twitter:a1')).toMatchObject({ state: 'answered' });
  });
});
