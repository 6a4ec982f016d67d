import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, seriousViolations, sideways } from './browser-checks.ts';
import { bearerCall, startDashboardStack, type CallInit, type DashboardStack } from './stack.ts';

let stack: DashboardStack;
let liaisonToken: string;
const TITLE = 'Threats referred to the police';

const bearer = <T>(token: string, path: string, init: CallInit = {}) => bearerCall<T>(stack.worker.url, token, path, init);

beforeAll(async () => {
  stack = await startDashboardStack();
  // As a council does it: the admin adds the liaison and issues a token; an officer refers a case
  // with its crime number and prepares the police pack.
  const admin = stack.seed.adminToken;
  const user = await bearer<{ id: string }>(admin, '/users', { method: 'POST', json: { name: 'PC Lee Liaison', role: 'liaison' } });
  liaisonToken = (await bearer<{ token: string }>(admin, `/users/${user.id}/tokens`, { method: 'POST', json: { label: 'police laptop' } })).token;
  const officer = stack.seed.officerToken;
  await bearer(officer, `/cases/${stack.seed.caseId}`, { method: 'PATCH', json: { title: TITLE } });
  await bearer(officer, '/referrals', { method: 'POST', json: { caseId: stack.seed.caseId, liaisonId: user.id, policeReference: 'TVP-43260001234' } });
  await bearer(officer, '/exports', {
    method: 'POST',
    json: { scope: { kind: 'case', id: stack.seed.caseId }, variant: 'police', recipient: 'PC Lee Liaison' },
  });
});
afterAll(async () => {
  await stack?.stop();
});

const signedIn = (token: string, width = 1280) => signIn(stack, token, width);

describe("the police liaison's pages in Chromium", () => {
  it('lands on the cases referred to them, with the police reference, and no way into the rest of the dashboard', async () => {
    const page = await signedIn(liaisonToken);
    await page.getByRole('heading', { level: 1, name: 'Cases referred to you' }).waitFor();
    const row = page.locator('.referred-list li', { hasText: TITLE });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('TVP-43260001234');
    const nav = await page.getByRole('navigation', { name: 'Main' }).innerText();
    expect(nav).toContain('Referred cases');
    for (const hidden of ['Review queue', 'Cases', 'Evidence', 'Perpetrators', 'Users']) expect(nav).not.toContain(hidden);
    expect(await seriousViolations(page)).toEqual([]);
    // An officer's address takes them back to their list.
    await page.goto(`${stack.worker.url}/#/queue`);
    await page.getByRole('heading', { level: 1, name: 'Cases referred to you' }).waitFor();
    await page.context().close();
  });

  it('opens the case, its evidence and pack, and adds an update the officers then see', async () => {
    const page = await signedIn(liaisonToken);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('link', { name: /Download the signed pack/ }).waitFor();
    expect(await page.locator('section[aria-labelledby="evidence-h"] .referred-list > li').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    const download = page.waitForEvent('download');
    await page.locator('section[aria-labelledby="evidence-h"] a[download]').first().click();
    expect(await (await download).failure()).toBeNull();

    await page.getByLabel('Text').fill('Suspect identified; interview arranged.');
    await page.getByRole('button', { name: 'Add to the case' }).click();
    await page.getByText('Update added.').waitFor();
    await page.locator('.note-text', { hasText: 'Suspect identified; interview arranged.' }).waitFor();
    await page.context().close();

    const officer = await signedIn(stack.seed.officerToken);
    await officer.goto(`${stack.worker.url}/#/cases/${stack.seed.caseId}`);
    await officer.getByRole('heading', { name: 'Police liaison', exact: true }).waitFor();
    await officer.getByText('Suspect identified; interview arranged.').waitFor();
    await officer.getByRole('button', { name: 'Withdraw referral to PC Lee Liaison' }).waitFor();
    expect(await seriousViolations(officer)).toEqual([]);
    await officer.context().close();

    const { events } = await bearer<{ events: { action: string }[] }>(stack.seed.officerToken, '/custody?limit=1000');
    const actions = events.map((e) => e.action);
    for (const a of ['case_referred', 'liaison_cases_listed', 'case_viewed', 'downloaded', 'case_note_added']) expect(actions).toContain(a);
  });

  it('fits a 320 px phone screen without sideways scrolling', async () => {
    const page = await signedIn(liaisonToken, 320);
    await page.locator('.referred-list li').first().waitFor();
    expect(await sideways(page), 'list').toBeLessThanOrEqual(0);
    await page.goto(`${stack.worker.url}/#/referred/${stack.seed.caseId}`);
    await page.getByRole('button', { name: 'Add to the case' }).waitFor();
    expect(await sideways(page), 'case').toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
