import { describe, expect, it } from 'vitest';
import { createOutage } from './outage.ts';

describe('Worker outage memory', () => {
  it('sends flagged mail straight to the spool for a while after a failure, and asks the Worker again after that or once a filing works', () => {
    let t = 1000;
    const outage = createOutage(30_000, () => t);
    expect(outage.active()).toBe(false);
    outage.failed();
    expect(outage.active()).toBe(true);
    t += 29_999;
    expect(outage.active()).toBe(true);
    t += 1;
    expect(outage.active()).toBe(false);
    outage.failed();
    outage.ended();
    expect(outage.active()).toBe(false);
  });
});
