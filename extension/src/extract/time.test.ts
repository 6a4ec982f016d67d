import { describe, expect, it } from 'vitest';
import { isoFromEpoch, isoFromMachineTime } from './time.ts';

describe('machine-readable times', () => {
  it.each([
    ['2024-03-01T10:02:33.000Z', '2024-03-01T10:02:33.000Z'],
    ['2024-03-03T08:00:00-08:00', '2024-03-03T16:00:00.000Z'],
    ['2024-03-04T09:30:12.123000+0000', '2024-03-04T09:30:12.123Z'],
    ['2024-03-04 09:30:12 +01:00', '2024-03-04T08:30:12.000Z'],
    ['Wed Oct 10 20:19:24 +0000 2018', '2018-10-10T20:19:24.000Z'],
    ['1709294400', '2024-03-01T12:00:00.000Z'],
    ['1709544612000', '2024-03-04T09:30:12.000Z'],
    [1709294400, '2024-03-01T12:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(isoFromMachineTime(input)).toBe(expected);
  });

  it.each(['3h', '2 hours ago', 'Mar 1', '2024-03-01T10:00:00', '2024-13-01T10:00:00Z', 'not-a-date', '', '12', null, {}])(
    'refuses to turn %j into a UTC time',
    (input) => {
      expect(isoFromMachineTime(input)).toBeNull();
    },
  );

  it('rejects epochs outside a plausible range', () => {
    expect(isoFromEpoch(0)).toBeNull();
    expect(isoFromEpoch(99_999_999_999_999)).toBeNull();
  });
});
