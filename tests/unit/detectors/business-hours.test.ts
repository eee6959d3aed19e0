import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, assertTimeZone, businessMinutesBetween, isWithinBusinessHours } from '../../../classifiers/business-hours.ts';
import type { BusinessHours } from '../../../src/model.ts';

const berlin: BusinessHours = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' };

describe('business hours (Mon–Fri 08–18 Europe/Berlin)', () => {
  it('a Friday 17:30 complaint with a 1 h SLA is due Monday 08:30', () => {
    // 2026-06-12 is a Friday; Berlin is UTC+2 in summer.
    const due = addBusinessMinutes(new Date('2026-06-12T15:30:00Z'), 60, berlin);
    expect(due.toISOString()).toBe('2026-06-15T06:30:00.000Z');
  });

  it('counts across the autumn DST switch (Friday CEST → Monday CET)', () => {
    const due = addBusinessMinutes(new Date('2026-10-23T15:30:00Z'), 60, berlin);
    expect(due.toISOString()).toBe('2026-10-26T07:30:00.000Z');
  });

  it('counts across the spring DST switch (Friday CET → Monday CEST)', () => {
    const due = addBusinessMinutes(new Date('2026-03-27T16:30:00Z'), 60, berlin);
    expect(due.toISOString()).toBe('2026-03-30T06:30:00.000Z');
  });

  it('starts the clock at opening time for a message sent at night', () => {
    // Tuesday 02:00 local: four hours of SLA end at 12:00 local.
    expect(addBusinessMinutes(new Date('2026-06-16T00:00:00Z'), 240, berlin).toISOString()).toBe('2026-06-16T10:00:00.000Z');
  });

  it('measures waited minutes inside business hours only', () => {
    expect(businessMinutesBetween(new Date('2026-06-12T15:30:00Z'), new Date('2026-06-15T06:30:00Z'), berlin)).toBe(60);
    expect(businessMinutesBetween(new Date('2026-06-13T08:00:00Z'), new Date('2026-06-14T20:00:00Z'), berlin)).toBe(0);
  });

  it('knows whether an instant is open', () => {
    expect(isWithinBusinessHours(new Date('2026-06-15T06:00:00Z'), berlin)).toBe(true); // Mon 08:00
    expect(isWithinBusinessHours(new Date('2026-06-15T16:00:00Z'), berlin)).toBe(false); // Mon 18:00
    expect(isWithinBusinessHours(new Date('2026-06-13T10:00:00Z'), berlin)).toBe(false); // Saturday
  });

  it('handles an overnight window and runs around the clock without business hours', () => {
    const night: BusinessHours = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: '06:00' };
    // 21:00 local + 60 min → 23:00 local.
    expect(addBusinessMinutes(new Date('2026-06-15T19:00:00Z'), 60, night).toISOString()).toBe('2026-06-15T21:00:00.000Z');
    expect(addBusinessMinutes(new Date('2026-06-13T10:00:00Z'), 90, undefined).toISOString()).toBe('2026-06-13T11:30:00.000Z');
  });

  it('rejects unknown time zones with an actionable message', () => {
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(/IANA/);
  });
});
