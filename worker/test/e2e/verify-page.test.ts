import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { ed25519 } from '@noble/curves/ed25519.js';
import { zipSync } from 'fflate';
import { buildTestPack, flipByteInZip, publicKeyOf, type TestPack } from '../../../shared/src/pack/test-pack.ts';
import { startDashboardStack, type DashboardStack } from './stack.ts';

let stack: DashboardStack;
let pack: TestPack;
let tampered: Uint8Array;

beforeAll(async () => {
  stack = await startDashboardStack();
  pack = await buildTestPack();
  const page = pack.entries.find((e) => e.name === 'exhibits/AB-1/page.html')!;
  tampered = flipByteInZip(pack.zip, page.bytes, 30);
});
afterAll(async () => {
  await stack?.stop();
});

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
}

/** Drops bytes on the drop zone as a file, the way a person drags a pack from their desktop. */
async function dropFile(page: Page, name: string, bytes: Uint8Array) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, b64 }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type: 'application/zip' }));
      return dt;
    },
    { name, b64: Buffer.from(bytes).toString('base64') },
  );
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
}

describe('Verify a pack, in Chromium', () => {
  it('checks a pack in the browser without an account, and names the file that was tampered with', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const sent: string[] = [];
    const cspErrors: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' || r.postDataBuffer()) sent.push(`${r.method()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
    page.on('pageerror', (e) => cspErrors.push(String(e)));

    const res = await page.goto(`${stack.worker.url}/`);
    // What the page must live with: no blob: workers, no WebAssembly, no inline script.
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    await page.getByRole('link', { name: 'Verify an evidence pack' }).click();
    await page.getByRole('heading', { name: 'Verify an evidence pack' }).waitFor();
    await expect(page.getByText('never uploaded').isVisible()).resolves.toBe(true);
    // The well-known key may or may not be served here; a pasted key always takes precedence.
    await page.getByLabel(/Key or fingerprint from the council/).fill(pack.publicKey.raw);

    await page.locator('#verify-file').setInputFiles({ name: 'pack.zip', mimeType: 'application/zip', buffer: Buffer.from(pack.zip) });
    const verified = page.getByRole('status').getByRole('heading', { name: 'Verified', exact: true });
    await verified.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Re-zipped with compression by someone's archive tool: inflating must also work under the CSP.
    await dropFile(page, 'rezipped.zip', zipSync(Object.fromEntries(pack.entries.map((e) => [e.name, e.bytes])), { level: 6 }));
    await page.getByRole('status').getByText('rezipped.zip: every file matches').waitFor();

    await dropFile(page, 'tampered.zip', tampered);
    const failed = page.getByRole('alert').filter({ hasText: 'Not verified' });
    await failed.waitFor();
    const text = await failed.innerText();
    expect(text).toContain('Not verified: 1 problem');
    expect(text).toContain('exhibits/AB-1/page.html');
    expect(text).toMatch(/contents changed/);
    expect(await verified.count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // The same untouched pack with another council's key is not vouched for.
    await page.getByLabel(/Key or fingerprint from the council/).fill(publicKeyOf(ed25519.utils.randomSecretKey()).raw);
    await dropFile(page, 'pack.zip', pack.zip);
    await page.getByRole('alert').filter({ hasText: 'signed with a different key' }).waitFor();

    expect(sent).toEqual([]);
    expect(cspErrors).toEqual([]);
    await context.close();
  });

  /** A fresh page that notes the path of every request for a council's pack key. */
  async function pageCountingKeyFetches() {
    const context = await stack.browser.newContext();
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const keyFetches: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/.well-known/wardguard-pack-key')) keyFetches.push(new URL(r.url()).pathname);
    });
    return { context, page, keyFetches };
  }

  it("is in the signed-in navigation too, with the signed-in council's own key", async () => {
    const { context, page, keyFetches } = await pageCountingKeyFetches();
    await page.goto(`${stack.worker.url}/`);
    await page.getByLabel('Access token').fill(stack.seed.officerToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Verify a pack' }).click();
    await page.getByRole('heading', { name: 'Verify an evidence pack' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await page.getByText(/Using the key this council publishes/).waitFor();
    expect(keyFetches).toEqual([`/.well-known/wardguard-pack-key/${stack.seed.councilId}`]);
    await context.close();
  });

  it('fetches the key of the council a pack names in its verify link, without an account', async () => {
    const { context, page, keyFetches } = await pageCountingKeyFetches();
    await page.goto(`${stack.worker.url}/#/verify/${stack.seed.councilId}`);
    await page.getByText(/Using the key this council publishes/).waitFor();
    expect(keyFetches).toEqual([`/.well-known/wardguard-pack-key/${stack.seed.councilId}`]);
    await context.close();
  });
});
