import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReleasedSet } from './released-set.ts';

const dirs: string[] = [];
const stateDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'wg-released-'));
  dirs.push(d);
  return join(d, 'state');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('released messages, remembered locally', () => {
  it('remembers a release per mailbox across restarts, and survives a torn last line', async () => {
    const dir = stateDir();
    const first = await createReleasedSet(dir);
    await first.add('alice@council.example', 'a'.repeat(64));
    appendFileSync(join(dir, 'released.jsonl'), '{"mailbox":"alice@coun');
    const restarted = await createReleasedSet(dir);
    expect(restarted.has('alice@council.example', 'a'.repeat(64))).toBe(true);
    expect(restarted.has('bob@council.example', 'a'.repeat(64))).toBe(false);
    expect(restarted.has('alice@council.example', 'b'.repeat(64))).toBe(false);
  });
});
