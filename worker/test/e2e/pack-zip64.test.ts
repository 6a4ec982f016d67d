// A pack past 4 GiB as Info-ZIP's unzip reads it: the ZIP64 records of zip-writer.ts checked by
// a real reader, CRCs included. The 4 GiB of zeros are never written: the file is sparse.
import { execFile } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { zipEntries } from '../../src/export/zip-writer.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'wg-zip64-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ZEROS = new Uint8Array(64 * 1024 * 1024);
const BIG_BYTES = 4 * 1024 ** 3 + 1024 ** 2;

async function* zeros(): AsyncGenerator<Uint8Array> {
  for (let left = BIG_BYTES; left > 0; left -= ZEROS.length) yield left >= ZEROS.length ? ZEROS : ZEROS.subarray(0, left);
}

describe('a pack larger than 4 GiB', () => {
  it('is a ZIP64 archive that unzip lists and tests without an error, file sizes and CRCs included', async () => {
    const modified = new Date('2026-11-22T18:04:36.000Z');
    const path = join(dir, 'big.zip');
    const fd = openSync(path, 'w');
    let at = 0;
    const entries = (async function* () {
      yield { name: 'README.txt', modified, input: new TextEncoder().encode('first\n') };
      yield { name: 'exhibits/JS-1/capture.bin', modified, input: zeros() };
      // Starts past 4 GiB: its offset needs the ZIP64 extra field too.
      yield { name: 'report.pdf', modified, input: new TextEncoder().encode('last\n') };
    })();
    for await (const part of zipEntries(entries)) {
      if (part.buffer !== ZEROS.buffer) writeSync(fd, part, 0, part.length, at);
      at += part.length;
    }
    ftruncateSync(fd, at);
    closeSync(fd);
    const listed = await run('unzip', ['-l', path]);
    expect(listed.stdout).toMatch(new RegExp(`\\s${BIG_BYTES}\\s+2026-11-22 18:04\\s+exhibits/JS-1/capture\\.bin`));
    expect(listed.stdout).toMatch(/\s5\s+2026-11-22 18:04\s+report\.pdf/);
    const tested = await run('unzip', ['-t', path], { maxBuffer: 1024 * 1024 });
    expect(tested.stdout).toContain('No errors detected in compressed data');
  }, 120_000);
});
