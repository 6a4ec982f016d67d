import { describe, expect, it } from 'vitest';
import { planScroll } from './scroll-plan.ts';

describe('full-page scroll plan', () => {
  it('takes one screen for a short page', () => {
    expect(planScroll(500, 800)).toEqual({ positions: [0], capturedHeight: 800, truncated: false });
  });

  it('covers a 10-screen page exactly, the last screen aligned to the bottom', () => {
    const plan = planScroll(7_700, 800);
    expect(plan.positions).toEqual([0, 800, 1600, 2400, 3200, 4000, 4800, 5600, 6400, 6900]);
    expect(plan).toMatchObject({ capturedHeight: 7_700, truncated: false });
  });

  it('stops a 50,000 px page at 20 screens and records that it was cut short', () => {
    const plan = planScroll(50_000, 800);
    expect(plan.positions).toHaveLength(20);
    expect(plan).toMatchObject({ capturedHeight: 16_000, truncated: true });
  });

  it('never stitches more than 32,000 px even with a tall window', () => {
    const plan = planScroll(50_000, 2_000);
    expect(plan.capturedHeight).toBe(32_000);
    expect(plan.positions.length).toBeLessThanOrEqual(16);
    expect(plan.truncated).toBe(true);
  });
});
