/**
 * Alerts the bus would not take (Kafka down past the publisher's retries) are not lost: they go out at the next
 * step, and detector state that counts them as raised is not saved before they went out (QA ops: 50 SLA breaches
 * during an 8.5-minute Kafka outage were never alerted, not even after a restart).
 */
import { describe, expect, it } from 'vitest';
import type { StreamDetector } from '../../../classifiers/types.ts';
import { createMemoryBus } from '../../../src/bus/memory.ts';
import type { Bus } from '../../../src/bus/port.ts';
import type { Alert } from '../../../src/model.ts';
import { createDetectStage } from '../../../src/stages/detect.ts';
import { waitFor } from '../../helpers/wait.ts';
import { makeAlert } from '../alerts/helpers.ts';
import { MemoryState } from './helpers.ts';

/** One SLA breach, raised once: the detector remembers it raised it, and saves that on flush. */
function oneBreach(state: MemoryState): StreamDetector {
  let raised = false;
  return {
    name: 'one-breach',
    restore: async () => {
      raised = (await state.getState('breach', 'raised')) === true;
    },
    observe: async () => [],
    advance: async () => {
      if (raised) return [];
      raised = true;
      return [makeAlert({ id: 'unanswered:db:twitter:1', brand: 'db' })];
    },
    flush: async () => state.putState('breach', 'raised', raised),
  };
}

/** The memory bus, but `alerts` refuses while `down()` says so; what it took is in `sent`. */
function flakyAlerts(down: () => boolean): Bus & { sent: Alert[] } {
  const bus = createMemoryBus();
  const sent: Alert[] = [];
  return Object.assign(Object.create(bus) as Bus, {
    sent,
    publish: async (topic: Parameters<Bus['publish']>[0], messages: Parameters<Bus['publish']>[1]) => {
      if (topic === 'alerts') {
        if (down()) throw new Error('KafkaJSNumberOfRetriesExceeded: connect ECONNREFUSED');
        sent.push(...messages.map((m) => m.value as Alert));
      }
      return bus.publish(topic, messages);
    },
  });
}

describe('detect stage with the bus down when an alert is due', () => {
  it('sends the alert once the bus takes messages again, and saves no state that says it was sent before that', async () => {
    const state = new MemoryState();
    let outage = true;
    const bus = flakyAlerts(() => outage);
    const controller = new AbortController();
    const running = createDetectStage({ bus, detectors: [oneBreach(state)], clock: 'wall', tickSeconds: 0.01 }).run(controller.signal);
    await new Promise((r) => setTimeout(r, 100));
    expect(bus.sent).toEqual([]);
    expect(await state.getState('breach', 'raised')).not.toBe(true);
    outage = false;
    await waitFor(() => bus.sent.length > 0, { what: 'the alert to go out' });
    controller.abort();
    await running;
    expect(bus.sent.map((a) => a.id)).toEqual(['unanswered:db:twitter:1']);
    expect(await state.getState('breach', 'raised')).toBe(true);
  });

  it('stopped while the bus is still down, it leaves the state from before the alert, so the next start raises it', async () => {
    const state = new MemoryState();
    const down = flakyAlerts(() => true);
    const controller = new AbortController();
    const running = createDetectStage({ bus: down, detectors: [oneBreach(state)], clock: 'wall', tickSeconds: 0.01 }).run(controller.signal);
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    await running;
    expect(await state.getState('breach', 'raised')).not.toBe(true);
    const up = flakyAlerts(() => false);
    const again = new AbortController();
    const restarted = createDetectStage({ bus: up, detectors: [oneBreach(state)], clock: 'wall', tickSeconds: 0.01 }).run(again.signal);
    await waitFor(() => up.sent.length > 0, { what: 'the alert after the restart' });
    again.abort();
    await restarted;
    expect(up.sent.map((a) => a.id)).toEqual(['unanswered:db:twitter:1']);
  });
});
