import { describe, expect, it } from 'vitest';
import { createQuarantineIndex } from './quarantine-index.ts';

const SHA = 'a'.repeat(64);

describe('quarantine index', () => {
  it('remembers every UID one message was given in the same folder generation', () => {
    const index = createQuarantineIndex();
    index.remember('m@x', SHA, 7n, 10);
    index.remember('m@x', SHA, 7n, 12);
    expect(index.lookup('m@x', SHA)).toEqual({ uidValidity: 7n, uids: [10, 12] });
    expect(index.lookup('other@x', SHA)).toBeUndefined();
  });

  it('drops UIDs from an earlier UIDVALIDITY', () => {
    const index = createQuarantineIndex();
    index.remember('m@x', SHA, 7n, 10);
    index.remember('m@x', SHA, 8n, 3);
    expect(index.lookup('m@x', SHA)).toEqual({ uidValidity: 8n, uids: [3] });
  });

  it('stays within its limit, forgetting the oldest first', () => {
    const index = createQuarantineIndex(2);
    index.remember('m@x', '1'.repeat(64), 1n, 1);
    index.remember('m@x', '2'.repeat(64), 1n, 2);
    index.remember('m@x', '3'.repeat(64), 1n, 3);
    expect(index.size).toBe(2);
    expect(index.lookup('m@x', '1'.repeat(64))).toBeUndefined();
    expect(index.lookup('m@x', '3'.repeat(64))?.uids).toEqual([3]);
  });

  it('forgets a message once its decision has moved it', () => {
    const index = createQuarantineIndex();
    index.remember('m@x', SHA, 1n, 4);
    index.forget('m@x', SHA);
    expect(index.lookup('m@x', SHA)).toBeUndefined();
  });
});
