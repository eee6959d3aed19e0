/** A bus wrapper for tests of consumer groups: records published alerts, joins and the assignments applied. */
import type { Assignment, Bus } from '../../src/bus/port.ts';
import type { Alert } from '../../src/model.ts';

export interface ObservedBus {
  bus: Bus;
  /** Alerts published through this wrapper, in order. */
  alerts: Alert[];
  /** Assignments whose onAssignment handler finished, in order. */
  assignments: Assignment[];
  /** How many consumers joined through this wrapper (the memory bus adds a member before its first await). */
  joins(): number;
}

export function observeBus(inner: Bus, alerts: Alert[] = []): ObservedBus {
  const assignments: Assignment[] = [];
  let joins = 0;
  const bus: Bus = {
    ...inner,
    kind: inner.kind,
    async publish(topic, messages) {
      if (topic === 'alerts') alerts.push(...messages.map((m) => m.value as Alert));
      await inner.publish(topic, messages);
    },
    consume(topic, group, handle, signal, options) {
      const running = inner.consume(topic, group, handle, signal, {
        ...options,
        onAssignment: async (a) => {
          await options?.onAssignment?.(a);
          assignments.push(a);
        },
      });
      joins++;
      return running;
    },
  };
  return { bus, alerts, assignments, joins: () => joins };
}
