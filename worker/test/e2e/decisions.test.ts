// Decisions in real Chromium against the real Worker: opening a message as one request and one
// custody event, what the page shows after the mail filter reports, escalation as one server decision, keyboard decisions that ask first, and
// waiting for the filter without flooding the custody log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailRecordView } from '@wardguard/shared/api/mail';
import { officerPageWithWrites } from './browser-checks.ts';
import { bearerCall, startDashboardStack, type CallInit, type DashboardStack } from './stack.ts';

let stack: DashboardStack;
beforeAll(async () => {
  stack = await startDashboardStack();
});
afterAll(async () => {
  await stack?.stop();
});

const call = <T>(token: string, path: string, init: CallInit = {}) => bearerCall<T>(stack.worker.url, token, path, init);
const status = (id: string) => call<{ state: string; actionOutcome: string | null }>(stack.seed.officerToken, `/mail/records/${id}/status`);
const custody = async (itemId: string) =>
  (await call<{ events: { action: string; details: Record<string, unknown> }[] }>(stack.seed.officerToken, `/custody?itemId=${itemId}`)).events;

const officerPage = () => officerPageWithWrites(stack);

describe('decisions in the message view', () => {
  it('opens a message with one request for the record and its original, and one custody event', async () => {
    const id = stack.seed.records['hostile-html']!;
    const { itemId } = await call<MailRecordView>(stack.seed.officerToken, `/mail/records/${id}`);
    const before = (await custody(itemId)).length;
    const { page } = await officerPage();
    const reads: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/v1/mail/records/') || path.startsWith('/api/v1/evidence/')) reads.push(`${r.method()} ${path}`);
    });
    await page.goto(`${stack.worker.url}/#/message/${id}`);
    await page.getByRole('heading', { name: 'Attachments' }).waitFor();
    expect(await page.locator('.message-text').innerText()).not.toBe('');
    // Suggestions and the status poll write nothing to the custody log; everything else the view reads is one request.
    expect(reads.filter((r) => !r.endsWith('/perpetrator-suggestions') && !r.endsWith('/status'))).toEqual([`GET /api/v1/mail/records/${id}/message`]);
    const events = (await custody(itemId)).slice(before);
    expect(events.map((e) => e.action)).toEqual(['viewed']);
    expect(events[0]!.details).toMatchObject({ mailRecordId: id });
    await page.context().close();
  });

  it('says the filter could not find the message instead of calling the decision applied', async () => {
    const id = stack.seed.records.threat!;
    // A threat: deciding it takes a written reason (no alert to acknowledge below threat to life).
    await call(stack.seed.officerToken, `/mail/records/${id}/decision`, {
      method: 'POST',
      json: { decision: 'keep', reason: 'Abusive, not a credible threat' },
    });
    const { actions } = await call<{ actions: { id: string; recordId: string }[] }>(stack.seed.serviceToken, '/mail/service/actions');
    await call(stack.seed.serviceToken, `/mail/service/actions/${actions.find((a) => a.recordId === id)!.id}/ack`, {
      method: 'POST',
      json: { outcome: 'not_found' },
    });
    const { page } = await officerPage();
    await page.goto(`${stack.worker.url}/#/message/${id}`);
    const outcome = page.locator('.decision .state [data-applied]');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-applied')).toBe('not-found');
    expect(await outcome.innerText()).toContain('could not find the message (moved or deleted in the mailbox)');
    expect(await page.locator('.decision .state').innerText()).not.toContain('applied in the mailbox');
    await page.context().close();
  });

  it('escalates a threat with one request that keeps it quarantined and records the police reference, case and perpetrator', async () => {
    const id = stack.seed.records.ttl!;
    const { page, writes } = await officerPage();
    await page.goto(`${stack.worker.url}/#/message/${id}`);
    // Opening the message logs its view; wait for it,
    // so that the events after the escalation are only the escalation's and this test's.
    await page.getByRole('heading', { name: 'Attachments' }).waitFor();
    await page.getByLabel('Case').selectOption({ label: 'Online harassment by @garytroll' });
    await page.getByLabel('Perpetrator').selectOption({ label: 'Gary Troll' });
    await page.getByLabel('Police reference (if given)').fill('CAD 2291 24/11');
    writes.length = 0;
    await page.getByRole('button', { name: 'Escalate as threat', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm: Escalate as threat' }).click();
    await page.locator('[data-escalated="yes"]').waitFor();
    expect(await page.locator('[data-escalated="yes"]').innerText()).toMatch(
      /police reference CAD 2291 24\/11, case Online harassment by @garytroll, perpetrator Gary Troll/,
    );
    expect(writes).toEqual([`POST /api/v1/mail/records/${id}/escalate`]);

    const record = await call<MailRecordView>(stack.seed.officerToken, `/mail/records/${id}`);
    expect(record).toMatchObject({ state: 'kept', escalation: { policeReference: 'CAD 2291 24/11', caseId: stack.seed.caseId } });
    // The demo had already filed this email to the case; the escalation adds one event and no separate decision or link.
    const events = (await custody(record.itemId)).map((e) => e.action);
    expect(events.slice(events.indexOf('mail_escalated'))).toEqual(['mail_escalated', 'viewed']);
    expect(events.filter((e) => e === 'mail_escalated' || e === 'mail_decided')).toEqual(['mail_escalated']);
    expect(await call(stack.seed.officerToken, `/cases/${stack.seed.caseId}`)).toMatchObject({ status: 'referred', policeReference: 'CAD 2291 24/11' });
    await page.context().close();
  });

  it('asks before a keyboard decision takes effect: the key opens it, Esc cancels, Enter confirms', async () => {
    const id = stack.seed.records.abuse!;
    const { page } = await officerPage();
    await page.goto(`${stack.worker.url}/#/message/${id}`);
    const release = page.getByRole('button', { name: 'Release to inbox', exact: true });
    await release.waitFor();
    expect(await release.getAttribute('aria-keyshortcuts')).toBe('r');
    expect(await page.locator('#decision-keys').innerText()).toMatch(/r release to inbox, k keep as abuse, e escalate as threat, n mark not abuse/);

    await page.locator('h1').click();
    await page.keyboard.press('r');
    const confirm = page.getByRole('button', { name: 'Confirm: Release to inbox' });
    // Focus moves in an effect after the button is drawn: wait for it, as a keyboard user would.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Confirm: Release to inbox');
    expect((await status(id)).state).toBe('quarantined');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect((await status(id)).state).toBe('quarantined');

    await page.keyboard.press('k');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Confirm: Keep as abuse');
    expect((await status(id)).state).toBe('quarantined');
    await page.keyboard.press('Enter');
    await page.locator('.decision .state[data-state="kept"]').waitFor();
    expect((await status(id)).state).toBe('kept');
    await page.context().close();
  });

  it('waits for the mail filter by polling a status that writes nothing to the custody log', async () => {
    const id = stack.seed.records['false-positive']!;
    const { page } = await officerPage();
    const polls: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith(`/mail/records/${id}/status`)) polls.push(r.url());
    });
    await page.goto(`${stack.worker.url}/#/message/${id}`);
    // The page's own views are logged while it loads; count only after they are all in.
    await page.getByRole('heading', { name: 'Attachments' }).waitFor();
    await page.getByRole('button', { name: 'Release to inbox', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm: Release to inbox' }).click();
    await page.locator('[data-applied="no"]').waitFor();
    const itemId = (await call<MailRecordView>(stack.seed.officerToken, `/mail/records/${id}`)).itemId;
    const viewed = async () => (await custody(itemId)).filter((e) => e.action === 'viewed').length;
    const before = await viewed();
    while (polls.length < 3) await page.waitForRequest((r) => r.url().endsWith(`/mail/records/${id}/status`));
    expect(await viewed()).toBe(before);
    // Once the filter reports, the page shows it from the status poll alone.
    const { actions } = await call<{ actions: { id: string; recordId: string }[] }>(stack.seed.serviceToken, '/mail/service/actions');
    await call(stack.seed.serviceToken, `/mail/service/actions/${actions.find((a) => a.recordId === id)!.id}/ack`, {
      method: 'POST',
      json: { outcome: 'applied' },
    });
    await page.locator('[data-applied="yes"]').waitFor();
    expect(await viewed()).toBe(before);
    await page.context().close();
  });
});
