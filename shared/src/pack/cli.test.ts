import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { buildTestPack, flipByteInZip, publicKeyOf, type TestPack } from './test-pack.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = join(ROOT, 'shared', 'bin', 'wardguard-verify.js');

// Async, not spawnSync: the URL test serves the key from this process while the CLI runs.
function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let pack: TestPack;
let dir: string;
let good: string;
let tampered: string;

beforeAll(async () => {
  pack = await buildTestPack();
  dir = mkdtempSync(join(tmpdir(), 'wardguard-verify-'));
  good = join(dir, 'pack.zip');
  tampered = join(dir, 'tampered.zip');
  writeFileSync(good, pack.zip);
  const screenshot = pack.entries.find((e) => e.name === 'exhibits/AB-1/screenshot-full.png')!;
  writeFileSync(tampered, flipByteInZip(pack.zip, screenshot.bytes, 10));
});

describe('wardguard-verify (the bin, as a child process)', () => {
  it('exits 0 and says VERIFIED for an untouched pack checked with the council key', async () => {
    const r = await run([good, '--key', pack.publicKey.raw]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('VERIFIED: every file matches');
    expect(r.stdout).not.toContain('NOT VERIFIED');
    expect(r.status).toBe(0);
  }, 60_000);

  it('exits 1 and names the changed file, on its own line', async () => {
    const r = await run([tampered, '--key', pack.publicKey.raw]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('NOT VERIFIED: 1 problem(s).');
    expect(r.stdout).toMatch(/^ {2}exhibits\/AB-1\/screenshot-full\.png: This file's contents changed.*\[FILE_CHANGED\]$/m);
  }, 60_000);

  it('prints the report as JSON with --json, keeping the exit status', async () => {
    const r = await run([tampered, `--key=${pack.publicKey.raw}`, '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ path: 'exhibits/AB-1/screenshot-full.png', code: 'FILE_CHANGED' })]);
  }, 60_000);

  it("fetches the key from the council's well-known URL", async () => {
    const server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(req.url === '/.well-known/wardguard-pack-key' ? JSON.stringify(pack.publicKey) : '{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/wardguard-pack-key`;
      const r = await run([good, '--key', url]);
      expect(r.stdout).toContain(`Key (from ${url})`);
      expect(r.status).toBe(0);
    } finally {
      server.close();
    }
  }, 60_000);

  it('reads a key file, and refuses one whose fingerprint does not match its key (exit 2)', async () => {
    const keyFile = join(dir, 'council-key.json');
    writeFileSync(keyFile, JSON.stringify(pack.publicKey));
    expect((await run([good, '--key', keyFile])).status).toBe(0);
    const badFile = join(dir, 'bad-key.json');
    writeFileSync(badFile, JSON.stringify({ ...pack.publicKey, fingerprint: 'b'.repeat(64) }));
    const bad = await run([good, '--key', badFile]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/fingerprint/);
  }, 60_000);

  it('accepts a checkpoint signed by a previous council key given with --previous-key', async () => {
    const oldKey = ed25519.utils.randomSecretKey();
    const rotated = await buildTestPack({ checkpointKey: oldKey });
    const file = join(dir, 'rotated.zip');
    writeFileSync(file, rotated.zip);
    const without = await run([file, '--key', rotated.publicKey.raw]);
    expect(without.status).toBe(1);
    expect(without.stdout).toContain('[CHECKPOINT_WRONG_KEY]');
    const withOld = await run([file, '--key', rotated.publicKey.raw, '--previous-key', publicKeyOf(oldKey).raw]);
    expect(withOld.stdout).toContain('VERIFIED');
    expect(withOld.status).toBe(0);
  }, 60_000);

  it('exits 1 without a key: a pack checked only against its own key proves nothing', async () => {
    const r = await run([good]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('[KEY_NOT_SUPPLIED]');
  }, 60_000);

  it('exits 2 with usage on stderr when called wrongly', async () => {
    for (const args of [[], [good, '--frobnicate'], [join(dir, 'no-such.zip'), '--key', pack.publicKey.raw]]) {
      const r = await run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/wardguard-verify: /);
    }
  }, 120_000);
});
