import { describe, expect, it } from 'vitest';
import { uidSet } from './uid-set.ts';

describe('uidSet', () => {
  it('packs runs into ranges, in UID order, once each', () => {
    expect(uidSet([9, 3, 4, 5, 5, 12, 13])).toBe('3:5,9,12:13');
    expect(uidSet([7])).toBe('7');
    expect(uidSet([])).toBe('');
  });
});
