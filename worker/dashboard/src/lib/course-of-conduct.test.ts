import { describe, expect, it } from 'vitest';
import { courseOfConduct } from './course-of-conduct.ts';

describe('course of conduct', () => {
  it('flags a person once they reach two incidents, and not before', () => {
    expect(courseOfConduct([{ perpetratorId: 'p1', kind: 'email' }])).toEqual([]);
    expect(courseOfConduct([{ perpetratorId: 'p1', kind: 'email' }, { perpetratorId: 'p1', kind: 'web_capture' }, { perpetratorId: 'p2', kind: 'email' }])).toEqual([['p1', 2]]);
  });
  it("does not count the councillor's own diary entries as incidents by the perpetrator", () => {
    expect(courseOfConduct([{ perpetratorId: 'p1', kind: 'email' }, { perpetratorId: 'p1', kind: 'diary' }, { perpetratorId: null, kind: 'email' }])).toEqual([]);
  });
});
