// Evidence filed with no case (the extension's shortcut, its right-click menu, "No case yet")
// must be on a screen an officer can find, look at and put in a case: real Chromium, real Worker.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solidPng } from '@wardguard/shared/testing/png';
import { signIn, seriousViolations } from './browser-checks.ts';
import { bearerCall, startDashboardStack, type DashboardStack } from './stack.ts';

let stack: DashboardStack;
let itemId: string;
beforeAll(async () => {
  stack = await startDashboardStack();
  // A councillor's file upload, in no case.
  const png = solidPng(64, 40, [200, 30, 30]);
  const manifest = {
    version: 1,
    idempotencyKey: `e2e-${randomUUID()}`,
    kind: 'upload',
    title: 'Screenshot of a threatening comment',
    capturedAt: '2026-12-01T20:00:00.000Z',
    metadata: {},
    artifacts: [{ name: 'comment.png', mediaType: 'image/png', size: png.length, sha256: createHash('sha256').update(png).digest('hex') }],
  };
  const form = new FormData();
  form.append('manifest', JSON.stringify(manifest));
  form.append('file', new File([new Uint8Array(png)], 'comment.png'));
  const res = await fetch(`${stack.worker.url}/api/v1/evidence`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${stack.seed.councillorToken}` },
  });
  expect(res.status).toBe(201);
  itemId = ((await res.json()) as { itemId: string }).itemId;
});
afterAll(async () => {
  await stack?.stop();
});

const signedIn = (token: string, width = 1280) => signIn(stack, token, width);

describe('evidence in no case', () => {
  it('is listed for an officer, shows its image on request, and can be put in a case', async () => {
    const page = await signedIn(stack.seed.officerToken);
    await page.getByRole('link', { name: 'Evidence' }).click();
    const card = page.locator(`li[data-item-id="${itemId}"]`);
    await card.getByText('Not in a case yet').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await card.getByRole('button', { name: 'Show the image' }).click();
    const img = card.getByRole('img', { name: /comment\.png/ });
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(64);

    await card.getByLabel('Add to case').selectOption({ label: 'Online harassment by @garytroll' });
    await card.getByRole('button', { name: 'Add' }).click();
    await card.getByText('Added to the case.').waitFor();
    const item = await bearerCall<{ caseId: string }>(stack.worker.url, stack.seed.officerToken, `/evidence/${itemId}`);
    expect(item.caseId).toBe(stack.seed.caseId);

    // Viewing the image was a custody event, like any other download.
    const log = await bearerCall<{ events: { action: string }[] }>(stack.worker.url, stack.seed.officerToken, `/custody?itemId=${itemId}`);
    expect(log.events.map((e) => e.action)).toEqual(expect.arrayContaining(['downloaded', 'linked']));
    await page.context().close();
  });

  it('fits a 320 px phone screen without sideways scrolling', async () => {
    const page = await signedIn(stack.seed.officerToken, 320);
    await page.goto(`${stack.worker.url}/#/evidence`);
    await page.getByRole('radio', { name: 'All evidence' }).check();
    await page.locator('.evidence-card').first().waitFor();
    const overflow = await page.evaluate(() => document.querySelector('main')!.scrollWidth - document.querySelector('main')!.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
