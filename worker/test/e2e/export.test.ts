import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { bytesSource, parsePackKey, verifyPack, type PackReport } from '@wardguard/shared/pack/verify';
import { fileHandleSource } from '@wardguard/shared/pack/zip-source-file-handle';
import { ROOT } from '../../../scripts/lib/wrangler.ts';
import { startDashboardStack, type DashboardStack } from './stack.ts';

let stack: DashboardStack;
let packPath: string;
let keyText: string;
const dir = mkdtempSync(join(tmpdir(), 'wg-export-e2e-'));

beforeAll(async () => {
  stack = await startDashboardStack();
  keyText = await (await fetch(`${stack.worker.url}/.well-known/wardguard-pack-key`)).text();
});
afterAll(async () => {
  await stack?.stop();
});

/** Flips the low bit of one byte in place. */
const flip = (bytes: Uint8Array | undefined, at: number) => void bytes!.set([bytes![at]! ^ 1], at);
const problems = (r: PackReport) => r.problems.map((p) => `${p.code} ${p.path ?? ''}`.trim());

/** Rewrites the pack with `edit` applied to its entries (stored, as the Worker writes them). */
function tampered(edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(readFileSync(packPath));
  edit(files);
  return zipSync(files, { level: 0 });
}
const check = (zip: Uint8Array) => verifyPack(bytesSource(zip), { key: parsePackKey(keyText) });

describe('evidence packs, from the dashboard to an offline check', () => {
  it('an officer prepares a police pack on the case page, downloads it, and it verifies with only the ZIP and the published key', async () => {
    const context = await stack.browser.newContext({ acceptDownloads: true });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${stack.worker.url}/`, { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Access token').fill(stack.seed.officerToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${stack.worker.url}/#/cases/${stack.seed.caseId}`);
    await page.getByLabel('Recipient').fill('DC Jones, Thames Valley Police');
    await page.getByRole('button', { name: 'Prepare pack' }).click();
    await page.getByText(/Pack ready: \d+ exhibit\(s\) for DC Jones/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).first().click()]);
    packPath = join(dir, download.suggestedFilename());
    await download.saveAs(packPath);
    expect(download.suggestedFilename()).toMatch(/^wardguard-police-.+\.zip$/);
    await context.close();

    const handle = await open(packPath);
    try {
      const report = await verifyPack(await fileHandleSource(handle), { key: parsePackKey(keyText) });
      expect(problems(report)).toEqual([]);
      expect(report).toMatchObject({ ok: true, signature: 'valid', key: { source: 'supplied', trusted: true } });
      expect(report.pack?.recipient).toBe('DC Jones, Thames Valley Police');
      expect(report.custody?.firstBrokenSeq ?? null).toBeNull();
    } finally {
      await handle.close();
    }
  });

  it('the wardguard-verify command says so too, fetching the key from the council, and exits non-zero on a changed pack', async () => {
    const run = (file: string) =>
      promisify(execFile)(
        process.execPath,
        [join(ROOT, 'shared', 'bin', 'wardguard-verify.js'), file, '--key', `${stack.worker.url}/.well-known/wardguard-pack-key`],
        { cwd: ROOT },
      ).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    expect((await run(packPath)).code).toBe(0);
    const bad = join(dir, 'changed.zip');
    writeFileSync(
      bad,
      tampered((f) => flip(f['report.pdf'], 100)),
    );
    const result = await run(bad);
    expect(result.code).toBe(1);
    expect(result.out).toContain('report.pdf');
  });

  it('names exactly what was changed, removed, added, or re-signed', async () => {
    const exhibit = Object.keys(unzipSync(readFileSync(packPath))).find((n) => n.startsWith('exhibits/'))!;
    expect(problems(await check(tampered((f) => flip(f[exhibit], 0))))).toEqual([`FILE_CHANGED ${exhibit}`]);
    expect(problems(await check(tampered((f) => void delete f[exhibit])))).toEqual([`FILE_MISSING ${exhibit}`]);
    expect(problems(await check(tampered((f) => void (f['exhibits/extra.txt'] = new TextEncoder().encode('planted')))))).toEqual([
      'FILE_ADDED exhibits/extra.txt',
    ]);

    const manifestEdited = await check(
      tampered((f) => {
        f['manifest.json'] = new TextEncoder().encode(new TextDecoder().decode(f['manifest.json']!).replace('DC Jones', 'DC Smith'));
      }),
    );
    expect(problems(manifestEdited)).toContain('MANIFEST_CHANGED manifest.json');
    expect(manifestEdited.ok).toBe(false);

    const resigned = await check(
      tampered((f) => {
        const sig = JSON.parse(new TextDecoder().decode(f['manifest.sig']!)) as { signature: string };
        const bytes = Buffer.from(sig.signature, 'base64');
        flip(bytes, 0);
        f['manifest.sig'] = new TextEncoder().encode(JSON.stringify({ ...sig, signature: bytes.toString('base64') }));
      }),
    );
    expect(problems(resigned)).toEqual(['SIGNATURE_INVALID manifest.sig']);
    expect(resigned.signature).toBe('invalid');
  });
});
