import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WardguardError } from '@wardguard/shared';
import type { FileMail, FileMailResult } from '@wardguard/shared/api/mail';
import { createSpool } from './spool.ts';
import { recordKey } from './key.ts';
import { drainSpool } from './drain.ts';
import { silentLogger } from '../log.ts';
import { reviewVerdict } from '../scan/classify.ts';
import { isTransient, type WorkerClient } from '../worker/client.ts';
import { fileMailRecord } from '../../test/records.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'wg-spool-'));
  dirs.push(d);
  return join(d, 'outbox');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const record = (sha: string): FileMail =>
  fileMailRecord({ messageId: `<${sha.slice(0, 8)}@x>`, sourceSha256: sha, unreadable: 'EMPTY', verdict: reviewVerdict('EMPTY') });
const ok = (): FileMailResult => ({ recordId: 'r', exhibitRef: 'AB/1', state: 'quarantined', created: true, alertId: null });

/** A Worker stand-in for the spool's one call; integration tests use the real Worker. */
function fakeWorker(behaviour: (r: FileMail) => FileMailResult): WorkerClient & { filed: FileMail[] } {
  const filed: FileMail[] = [];
  return {
    filed,
    async fileMail(r: FileMail) {
      const out = behaviour(r);
      filed.push(r);
      return out;
    },
  } as unknown as WorkerClient & { filed: FileMail[] };
}

describe('local spool', () => {
  it('keeps the record and the exact .eml bytes until the Worker acknowledges them', async () => {
    const spool = createSpool(tmp());
    const eml = Buffer.from([0x46, 0x72, 0x6f, 0xff, 0x00]);
    await spool.put(record('a'.repeat(64)), eml);
    const [name] = await spool.list();
    const back = await spool.read(name!);
    expect(back.eml.equals(eml)).toBe(true);
    expect(back.record.sourceSha256).toBe('a'.repeat(64));
  });

  it('holds one entry however often the same message is spooled', async () => {
    const spool = createSpool(tmp());
    await spool.put(record('b'.repeat(64)), Buffer.from('x'));
    await spool.put(record('b'.repeat(64)), Buffer.from('x'));
    expect(await spool.list()).toHaveLength(1);
    expect(readdirSync(spool.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('drains in order, and stops without losing anything while the Worker is still down', async () => {
    const spool = createSpool(tmp());
    for (const c of ['1', '2', '3']) await spool.put(record(c.repeat(64)), Buffer.from(c));
    let down = true;
    const worker = fakeWorker(() => {
      if (down) throw new WardguardError('WORKER_UNAVAILABLE', 'connect ECONNREFUSED');
      return ok();
    });
    expect(await drainSpool(spool, worker, silentLogger)).toEqual({ sent: 0, left: 3, refused: 0 });
    expect(await spool.list()).toHaveLength(3);
    down = false;
    expect(await drainSpool(spool, worker, silentLogger)).toEqual({ sent: 3, left: 0, refused: 0 });
    expect(await spool.list()).toEqual([]);
  });

  it('sets a record the Worker refuses aside in refused/, logged with its code, and still sends the ones after it', async () => {
    const spool = createSpool(tmp());
    await spool.put(record('1'.repeat(64)), Buffer.from('1'));
    await spool.put(record('2'.repeat(64)), Buffer.from('2'));
    let calls = 0;
    const worker = fakeWorker((r) => {
      calls += 1;
      if (r.sourceSha256.startsWith('1')) throw new WardguardError('VALIDATION_FAILED', 'invalid');
      return ok();
    });
    const errors: Array<Record<string, unknown>> = [];
    const log = { ...silentLogger, error: (_m: string, f?: Record<string, unknown>) => void errors.push(f ?? {}) };
    expect(await drainSpool(spool, worker, log)).toEqual({ sent: 1, left: 0, refused: 1 });
    expect(await spool.list()).toEqual([]);
    // Not retried every round, and not lost: the record and its exact bytes wait for a person.
    const aside = recordKey(record('1'.repeat(64)));
    expect(readdirSync(join(spool.dir, 'refused')).sort()).toEqual([`${aside}.eml`, `${aside}.json`]);
    expect(errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED' })]);
    expect(await drainSpool(spool, worker, log)).toEqual({ sent: 0, left: 0, refused: 0 });
    expect(calls).toBe(2);
  });

  it('treats only an unreachable or overloaded Worker as worth spooling', () => {
    expect(isTransient(new WardguardError('WORKER_UNAVAILABLE', '503'))).toBe(true);
    expect(isTransient(new TypeError('fetch failed'))).toBe(true);
    for (const code of ['ARTIFACT_TOO_LARGE', 'VALIDATION_FAILED', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'HASH_MISMATCH'] as const) {
      expect(isTransient(new WardguardError(code, 'refused'))).toBe(false);
    }
  });

  it('keeps one entry per mailbox when two accounts with the same first 32 characters receive the same bytes', async () => {
    const spool = createSpool(tmp());
    const sha = 'c'.repeat(64);
    const north = { ...record(sha), mailbox: 'shared-mailbox-for-the-whole-ward.north@council.example' };
    const south = { ...record(sha), mailbox: 'shared-mailbox-for-the-whole-ward.south@council.example' };
    await spool.put(north, Buffer.from('same'));
    await spool.put(south, Buffer.from('same'));
    const names = await spool.list();
    expect(names.sort()).toEqual([recordKey(north), recordKey(south)].sort());
    expect(names.every((n) => /^[0-9a-f]{64}$/.test(n))).toBe(true);
    const worker = fakeWorker(ok);
    expect(await drainSpool(spool, worker, silentLogger)).toEqual({ sent: 2, left: 0, refused: 0 });
    expect(worker.filed.map((r) => r.mailbox).sort()).toEqual([north.mailbox, south.mailbox]);
  });

  it('still drains entries spooled under the old names (hex of the first 32 characters of the account id)', async () => {
    const spool = createSpool(tmp());
    mkdirSync(spool.dir, { recursive: true });
    const old = record('d'.repeat(64));
    const oldName = `${Buffer.from(old.mailbox).toString('hex').slice(0, 64)}-${old.sourceSha256}`;
    writeFileSync(join(spool.dir, `${oldName}.eml`), 'old bytes');
    writeFileSync(join(spool.dir, `${oldName}.json`), JSON.stringify(old));
    await spool.put(record('e'.repeat(64)), Buffer.from('new bytes'));
    const worker = fakeWorker(ok);
    expect(await drainSpool(spool, worker, silentLogger)).toEqual({ sent: 2, left: 0, refused: 0 });
    expect(worker.filed.map((r) => r.sourceSha256).sort()).toEqual(['d'.repeat(64), 'e'.repeat(64)]);
    expect(readdirSync(spool.dir)).toEqual([]);
  });

  it.skipIf(!existsSync('/dev/full'))('leaves nothing half-written when the disk is full, whether the .eml or the .json write fails', async () => {
    const spool = createSpool(tmp());
    mkdirSync(spool.dir, { recursive: true });
    const r = record('f'.repeat(64));
    const name = recordKey(r);
    // Writes through this link fail with ENOSPC, as on a full disk.
    symlinkSync('/dev/full', join(spool.dir, `${name}.eml.tmp`));
    await expect(spool.put(r, Buffer.alloc(64 * 1024, 0x41))).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(spool.dir)).toEqual([]);

    symlinkSync('/dev/full', join(spool.dir, `${name}.json.tmp`));
    await expect(spool.put(r, Buffer.from('x'))).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(spool.dir)).toEqual([]);
    expect(await spool.list()).toEqual([]);
  });
});
