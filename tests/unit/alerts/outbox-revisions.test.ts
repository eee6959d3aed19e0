import { describe, expect, it } from 'vitest';
import { listOutbox, Outbox } from '../../../src/alerts/outbox.ts';
import { ManualClock, makeAlert, memoryState } from './helpers.ts';

describe('outbox: updates from the detector and from analysts', () => {
  it('sends the detector’s escalation although an acknowledgement already used the same revision number', async () => {
    const state = memoryState();
    const clock = new ManualClock();
    const outbox = new Outbox(state, clock);
    const route = { name: 'care-team', groupWindowMs: 0 };
    const opened = makeAlert({ revision: 1, severity: 'warning', updatedAt: '2026-03-02T08:00:00Z' });
    // The analyst acknowledges: revision 2, stamped with the time of the click.
    const acknowledged = { ...opened, revision: 2, status: 'acknowledged' as const, acknowledgedAt: '2026-03-02T08:05:00.000Z', updatedAt: '2026-03-02T08:05:00.000Z' };
    // The detector, counting on its own, escalates as its revision 2.
    const escalated = { ...opened, revision: 2, severity: 'critical' as const, updatedAt: '2026-03-02T08:20:00.000Z' };

    expect(await outbox.enqueue(route, opened)).toBe('created');
    clock.advance(1000);
    expect(await outbox.enqueue(route, acknowledged)).not.toBe('duplicate');
    expect(await outbox.enqueue(route, escalated)).not.toBe('duplicate');
    // A bus redelivery of the very same update is still a duplicate, and so is anything older.
    expect(await outbox.enqueue(route, escalated)).toBe('duplicate');
    expect(await outbox.enqueue(route, opened)).toBe('duplicate');

    const announced = (await listOutbox(state, {})).flatMap((e) => e.alerts.map((a) => `${a.revision}:${a.severity}:${a.status}`));
    expect(announced).toContain('2:critical:open');
  });
});
