import { describe, expect, it } from 'vitest';
import { medianRanks, p90Rank, weeklyTable } from './weekly.ts';
import { csvField, csvText } from './csv.ts';

describe('weekly tables', () => {
  const weeks = ['2026-11-02', '2026-11-09', '2026-11-16'];

  it('keeps every week, an empty one as zeros, and orders series fixed first, then by total', () => {
    const t = weeklyTable(
      weeks,
      [
        { week: 0, key: 'x', n: 1 },
        { week: 2, key: 'facebook', n: 3 },
        { week: 2, key: 'x', n: 1 },
        { week: 0, key: 'email', n: 1 },
        { week: 7, key: 'x', n: 9 }, // outside the period: ignored
      ],
      (k) => k.toUpperCase(),
      ['email'],
    );
    expect(t.series.map((s) => s.key)).toEqual(['email', 'facebook', 'x']);
    expect(t.weeks).toEqual([
      { week: '2026-11-02', counts: [1, 0, 1], total: 2 },
      { week: '2026-11-09', counts: [0, 0, 0], total: 0 },
      { week: '2026-11-16', counts: [0, 3, 1], total: 4 },
    ]);
    expect(t.totals).toEqual([1, 3, 2]);
    expect(t.total).toBe(6);
  });

  it('is empty, week by week, when nothing happened', () => {
    const t = weeklyTable(weeks, [], String);
    expect(t.series).toEqual([]);
    expect(t.weeks.map((w) => w.total)).toEqual([0, 0, 0]);
  });

  it('finds the median and 90th-percentile ranks', () => {
    expect(medianRanks(1)).toEqual([1, 1]);
    expect(medianRanks(4)).toEqual([2, 3]);
    expect(medianRanks(5)).toEqual([3, 3]);
    expect([1, 9, 10, 11, 20].map(p90Rank)).toEqual([1, 9, 9, 10, 18]);
  });
});

describe('overview CSV', () => {
  it('quotes per RFC 4180 and defuses anything a spreadsheet would run', () => {
    expect(csvField('Aisha Khan')).toBe('Aisha Khan');
    expect(csvField('Reid, Tom')).toBe('"Reid, Tom"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    for (const lead of ['+', '-', '@']) expect(csvField(`${lead}cmd`)).toBe(`'${lead}cmd`);
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvText(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
  });
});
