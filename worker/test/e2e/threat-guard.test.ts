// Guard rails on threats, in real Chromium against the real Worker: an officer cannot release
// a threat without an acknowledged alert and a written reason, and a bulk decision says what it
// will do to how many messages of which severity before it does it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import type { MailQueuePage, MailRecordView } from '@wardguard/shared/api/mail';
import { officerPageWithWrites } from './browser-checks.ts';
import { bearerCall, seedBulkQueue, startDashboardStack, type CallInit, type DashboardStack } from './stack.ts';

let stack: DashboardStack;
beforeAll(async () => {
  stack = await startDashboardStack();
  await seedBulkQueue(stack, 2);
});
afterAll(async () => {
  await stack?.stop();
});

const call = <T>(path: string, init: CallInit = {}) => bearerCall<T>(stack.worker.url, stack.seed.officerToken, path, init);
const status = (id: string) => call<{ state: string }>(`/mail/records/${id}/status`);
const decisions = async (itemId: string) =>
  (await call<{ events: { action: string; details: Record<string, unknown> }[] }>(`/custody?itemId=${itemId}`)).events.filter(
    (e) => e.action === 'mail_decided',
  );

// Straight to the review queue: an officer otherwise lands on the overview.
const officerPage = () => officerPageWithWrites(stack, '#/queue');

/** Serious or critical axe violations inside `selector` (the open dialog). */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(axe.source);
  const result = await page.evaluate(async (sel) => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run({ include: [sel] } as never, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  }, selector);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
}

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

describe('guard rails on threats in the dashboard', () => {
  it('will not release a threat to life by key or click until its alert is acknowledged and a reason is written, then records the reason once', async () => {
    const id = stack.seed.records.ttl!;
    const record = await call<MailRecordView>(`/mail/records/${id}`);
    expect(record.severity).toBe('threat_to_life');
    const { page, writes } = await officerPage();
    await page.goto(`${stack.worker.url}/#/message/${id}`);
    // The page's own loads (the record, the original message) are in before anything is decided.
    await page.getByRole('heading', { name: 'Attachments' }).waitFor();

    // The key opens the confirmation, which names the message and refuses while the alert is open.
    await page.locator('h1').click();
    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog', { name: `Release to inbox: exhibit ${record.exhibitRef}?` });
    await dialog.waitFor();
    await dialog.getByText(/Refused while a threat-to-life alert is unacknowledged/).waitFor();
    expect(await dialog.locator('.dc-threats').innerText()).toContain(`Exhibit ${record.exhibitRef} (Threat to life) from Night Watcher`);
    const confirm = dialog.getByRole('button', { name: 'Confirm: Release to inbox' });
    expect(await confirm.isDisabled()).toBe(true);
    await expect.poll(() => isFocused(dialog.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to where it was when the key was pressed (the page's main region, clicked above).
    await expect.poll(() => isFocused(page.locator('main#main'))).toBe(true);
    expect(writes).toEqual([]);

    await page.locator(`.threat[data-record-id="${id}"]`).getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByText(/acknowledged by Sam Patel at/).waitFor();
    writes.length = 0;

    // Now it asks for the reason, with focus on it, and will not go without one.
    await page.getByRole('button', { name: 'Release to inbox', exact: true }).click();
    await dialog.waitFor();
    const reason = dialog.getByLabel('Reason (required at threat level)');
    await expect.poll(() => isFocused(reason)).toBe(true);
    // The dialog re-checks the alert when it opens ("checking its alert…" until the answer is in).
    await expect.poll(() => dialog.locator('.dc-threats').innerText(), { timeout: 30_000 }).toContain('alert acknowledged');
    expect(await seriousViolations(page, 'dialog.decision-confirm')).toEqual([]);
    await confirm.click();
    await dialog.getByText('Write the reason for this decision: it is required at threat level.').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => isFocused(reason)).toBe(true);
    expect(writes).toEqual([]);
    expect((await status(id)).state).toBe('quarantined');

    const why = 'Police (CAD 2291) confirmed the sender is in custody; the councillor asked to see it';
    await reason.fill(why);
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.decision .state[data-state="released"]').waitFor();
    expect(writes).toEqual([`POST /api/v1/mail/records/${id}/decision`]);
    const events = await decisions(record.itemId);
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ decision: 'release', severity: 'threat_to_life', reason: why });
    await page.context().close();
  });

  it('says exactly what a bulk Keep will do to how many messages of which severity, and asks the reason when a threat is among them', async () => {
    const threatId = stack.seed.records.threat!;
    const queue = await call<MailQueuePage>('/mail/queue?limit=500');
    const threat = queue.records.find((r) => r.id === threatId)!;
    expect(threat.severity).toBe('threat');
    const bulk = queue.records.filter((r) => r.subject.startsWith('Bulk message ')).slice(0, 2);
    expect(bulk.map((r) => r.severity)).toEqual(['profanity', 'profanity']);

    const { page, writes } = await officerPage();
    const row = (id: string) => page.locator(`table.queue tbody tr[data-record-id="${id}"]`);
    // The queue's first load is in before any row is ticked.
    for (const r of [threat, ...bulk]) await row(r.id).waitFor();
    writes.length = 0;
    for (const r of bulk) await row(r.id).getByRole('checkbox').check();
    await page.getByText('2 selected').waitFor();

    // Below threat level: the counts, and no reason asked.
    const keep = page.getByRole('group', { name: 'Decide the selected messages' }).getByRole('button', { name: 'Keep as abuse' });
    await keep.click();
    const two = page.getByRole('dialog', { name: 'Keep as abuse: 2 messages?' });
    await two.waitFor();
    expect(await two.locator('#dc-summary').innerText()).toBe('Keep as abuse, 2 messages: 2 Profanity. Each stays in quarantine, recorded as abuse.');
    expect(await two.getByLabel('Reason (required at threat level)').count()).toBe(0);
    await expect.poll(() => isFocused(two.getByRole('button', { name: 'Confirm: Keep as abuse' }))).toBe(true);
    await page.keyboard.press('Escape');
    await two.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(keep)).toBe(true);
    expect(writes).toEqual([]);

    // With a threat among them: named, counted, and not kept without a reason.
    await row(threat.id).getByRole('checkbox').check();
    await page.getByText('3 selected').waitFor();
    await keep.click();
    const three = page.getByRole('dialog', { name: 'Keep as abuse: 3 messages?' });
    await three.waitFor();
    expect(await three.locator('#dc-summary').innerText()).toBe(
      'Keep as abuse, 3 messages: 1 Threat, 2 Profanity. Each stays in quarantine, recorded as abuse.',
    );
    expect(await three.locator('.dc-counts').innerText()).toMatch(/Threat\s+1 message\s+Profanity\s+2 messages/);
    expect(await three.locator('.dc-threats').innerText()).toContain(`Exhibit ${threat.exhibitRef} (Threat) from Angry Resident`);
    const reason = three.getByLabel('Reason (required at threat level)');
    await expect.poll(() => isFocused(reason)).toBe(true);
    expect(await seriousViolations(page, 'dialog.decision-confirm')).toEqual([]);
    // Keyboard only: Tab stays inside the dialog.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog.decision-confirm'))).toBe(true);
    }
    await three.getByRole('button', { name: 'Confirm: Keep as abuse' }).click();
    await three.getByText('Write the reason for this decision: it is required at threat level.').waitFor();
    expect(writes).toEqual([]);

    const why = 'Hostile about the planning vote, but not a credible threat';
    await reason.fill(why);
    await three.getByRole('button', { name: 'Confirm: Keep as abuse' }).click();
    await three.waitFor({ state: 'detached' });
    await page.getByText('Keep as abuse: 3 of 3 done.').waitFor();
    expect(writes.sort()).toEqual([threat, ...bulk].map((r) => `POST /api/v1/mail/records/${r.id}/decision`).sort());
    for (const r of [threat, ...bulk]) expect((await status(r.id)).state).toBe('kept');
    const events = await decisions(threat.itemId);
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ decision: 'keep', severity: 'threat', reason: why });
    await page.context().close();
  });
});
