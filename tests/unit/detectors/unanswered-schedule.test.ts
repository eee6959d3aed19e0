import { describe, expect, it } from 'vitest';
import { TimerSchedule } from '../../../classifiers/unanswered-schedule.ts';

describe('unanswered timer schedule', () => {
  it('takes due threads by instant, ties by root, each once', () => {
    const schedule = new TimerSchedule();
    schedule.schedule('c', 300);
    schedule.schedule('b', 100);
    schedule.schedule('a', 100);
    schedule.schedule('d', 900);
    expect(schedule.takeDue(300)).toEqual(['a', 'b', 'c']);
    expect(schedule.takeDue(300)).toEqual([]);
    expect(schedule.next()).toBe(900);
  });

  it('keeps the earlier of two instants for one thread', () => {
    const schedule = new TimerSchedule();
    schedule.schedule('a', 500);
    schedule.schedule('a', 800);
    expect(schedule.next()).toBe(500);
    schedule.schedule('a', 200);
    expect(schedule.next()).toBe(200);
    // The 500 entry is stale once 200 is live: taken once, then nothing left.
    expect(schedule.takeDue(1_000)).toEqual(['a']);
    expect(schedule.next()).toBe(Infinity);
  });

  it('drops an unscheduled thread and skips its stale entries', () => {
    const schedule = new TimerSchedule();
    schedule.schedule('a', 100);
    schedule.schedule('b', 200);
    schedule.unschedule('a');
    expect(schedule.next()).toBe(200);
    expect(schedule.takeDue(1_000)).toEqual(['b']);
  });

  it('peeks due threads without taking them, each once even after reschedule at the same instant', () => {
    const schedule = new TimerSchedule();
    schedule.schedule('a', 100);
    schedule.unschedule('a');
    schedule.schedule('a', 100);
    schedule.schedule('b', 150);
    schedule.schedule('c', 400);
    expect(schedule.peekDue(200).sort()).toEqual(['a', 'b']);
    expect(schedule.takeDue(200)).toEqual(['a', 'b']);
    expect(schedule.peekDue(200)).toEqual([]);
  });

  it('ignores non-finite instants and empties on clear', () => {
    const schedule = new TimerSchedule();
    schedule.schedule('a', Infinity);
    schedule.schedule('b', Number.NaN);
    expect(schedule.next()).toBe(Infinity);
    schedule.schedule('c', 10);
    schedule.clear();
    expect(schedule.takeDue(100)).toEqual([]);
  });

  it('orders many random entries like a sort', () => {
    const schedule = new TimerSchedule();
    const entries: Array<[string, number]> = [];
    let seed = 7;
    for (let i = 0; i < 500; i++) {
      seed = (seed * 48_271) % 2_147_483_647;
      const at = seed % 1_000;
      entries.push([`t${i}`, at]);
      schedule.schedule(`t${i}`, at);
    }
    const expected = entries
      .filter(([, at]) => at <= 600)
      .sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1))
      .map(([root]) => root);
    expect(schedule.takeDue(600)).toEqual(expected);
  });
});
