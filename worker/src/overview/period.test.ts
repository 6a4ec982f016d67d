import { describe, expect, it } from 'vitest';
import { WardguardError } from '@wardguard/shared';
import { overviewQuerySchema } from '@wardguard/shared/api/overview';
import { mondayOf, resolvePeriod } from './period.ts';

const today = new Date('2026-12-09T15:00:00Z'); // a Wednesday

describe('the overview period', () => {
  it('starts weeks on Monday 00:00 UTC, Sunday belonging to the week before', () => {
    expect(new Date(mondayOf(Date.parse('2026-12-07T00:00:00Z'))).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(new Date(mondayOf(Date.parse('2026-12-06T23:59:59.999Z'))).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(new Date(mondayOf(Date.parse('2026-12-13T23:59:59Z'))).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    // ISO week 1 of 2027 starts on Monday 4 January; 1 January 2027 is a Friday of the week before.
    expect(new Date(mondayOf(Date.parse('2027-01-01T12:00:00Z'))).toISOString()).toBe('2026-12-28T00:00:00.000Z');
  });

  it('is 12 whole weeks ending with this one by default', () => {
    const p = resolvePeriod({}, today);
    expect(p.weeks).toHaveLength(12);
    expect(p.weeks.at(-1)).toBe('2026-12-07');
    expect(p.from).toBe('2026-09-21');
    expect(p.to).toBe('2026-12-13');
    expect(p.startSec).toBe(Date.parse('2026-09-21T00:00:00Z') / 1000);
    expect(p.endSec).toBe(Date.parse('2026-12-14T00:00:00Z') / 1000);
  });

  it('widens from and to to their whole weeks, across a year end', () => {
    const p = resolvePeriod({ from: '2026-12-24', to: '2027-01-05' }, today);
    expect(p.weeks).toEqual(['2026-12-21', '2026-12-28', '2027-01-04']);
    expect(p.to).toBe('2027-01-10');
    expect(resolvePeriod({ weeks: 1, to: '2026-11-29' }, today).weeks).toEqual(['2026-11-23']);
  });

  it('refuses a backwards period and one longer than 104 weeks', () => {
    expect(() => resolvePeriod({ from: '2026-12-01', to: '2026-11-01' }, today)).toThrow(WardguardError);
    expect(resolvePeriod({ from: '2024-12-16', to: '2026-12-09' }, today).weeks).toHaveLength(104);
    expect(() => resolvePeriod({ from: '2024-12-15', to: '2026-12-09' }, today)).toThrow(/at most 104/);
  });

  it('validates the query: whole weeks 1 to 104, real dates, not weeks and from together', () => {
    expect(overviewQuerySchema.safeParse({ weeks: '26' }).data).toEqual({ weeks: 26 });
    for (const bad of [{ weeks: '0' }, { weeks: '105' }, { weeks: '2.5' }, { from: '2026-02-30' }, { to: '12/01/2026' }, { weeks: '4', from: '2026-01-05' }])
      expect(overviewQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
