import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { ROOT } from '../../../scripts/lib/wrangler.ts';
import { seriousViolations, sideways, signIn } from './browser-checks.ts';
import { bearerCall, seedBulkQueue, startDashboardStack, type CallInit, type DashboardStack } from './stack.ts';

let stack: DashboardStack;
// Screenshots always get taken; they replace the README's only when asked to.
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : join(tmpdir(), 'wg-screenshots');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startDashboardStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function signedIn(token: string): Promise<{ page: Page; offOrigin: string[] }> {
  const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const offOrigin: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(stack.worker.url) && !r.url().startsWith('data:') && !r.url().startsWith('about:')) offOrigin.push(r.url());
  });
  // Straight to the review queue: an officer otherwise lands on the overview.
  await page.goto(`${stack.worker.url}/#/queue`, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return { page, offOrigin };
}

/** The API as a script would call it, with the officer's bearer token (not the page's session). */
const bearer = <T>(token: string, path: string, init: CallInit = {}) => bearerCall<T>(stack.worker.url, token, path, init);

describe("the officers' dashboard in Chromium", () => {
  it('signs an officer in with a token, into an HttpOnly session cookie the page cannot read', async () => {
    const { page } = await signedIn(stack.seed.officerToken);
    await expect(page.getByRole('heading', { name: 'Review queue' }).isVisible()).resolves.toBe(true);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'wg_session');
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('wg_session');
    await page.context().close();
  });

  it('puts the threat to life first, bannered until an officer acknowledges it', async () => {
    const { page } = await signedIn(stack.seed.officerToken);
    const banner = page.locator(`.threat[role="alert"][data-record-id="${stack.seed.records.ttl}"]`);
    await banner.waitFor();
    await expect(banner.innerText()).resolves.toContain('Possible threat to life');
    const firstRow = page.locator('table.queue tbody tr').first();
    await firstRow.waitFor();
    await expect(firstRow.innerText()).resolves.toContain('Threat to life');
    const ttlRows = await page.locator('table.queue tbody tr.row-ttl').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-record-id')));
    expect(ttlRows).toContain(stack.seed.records.ttl);
    const firstNonTtl = await page
      .locator('table.queue tbody tr:not(.row-ttl)')
      .first()
      .evaluate((r) => [...r.parentElement!.children].indexOf(r));
    expect(firstNonTtl).toBe(ttlRows.length);
    await page.screenshot({ path: join(SHOTS, 'queue.png') });
    // The queue as officers first meet it: with the threat banner up, not yet acknowledged.
    expect(await seriousViolations(page)).toEqual([]);
    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByText(/acknowledged by Sam Patel at/).waitFor();
    expect(await banner.count()).toBe(0);
    // Acknowledged means acknowledged for everyone, not just hidden in this tab.
    const alerts = await page.evaluate(
      async () => ((await (await fetch('/api/v1/mail/alerts')).json()) as { alerts: { recordId: string; acknowledgedAt: string | null }[] }).alerts,
    );
    expect(alerts.filter((a) => !a.acknowledgedAt).map((a) => a.recordId)).not.toContain(stack.seed.records.ttl);
    await page.context().close();
  });

  it('shows a hostile HTML email without running its scripts or letting it fetch anything', async () => {
    const { page, offOrigin } = await signedIn(stack.seed.officerToken);
    await page.evaluate(() => {
      (window as unknown as { pwned: number }).pwned = 0;
      addEventListener('message', () => ((window as unknown as { pwned: number }).pwned += 1));
    });
    await page.goto(`${stack.worker.url}/#/message/${stack.seed.records['hostile-html']}`);
    await page.getByRole('button', { name: 'Show the sanitised HTML view' }).click();
    const frame = page.locator('iframe[title="Sanitised HTML of the message"]');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
    expect(srcdoc).toContain('You stupid idiot');
    // The only trace of a remote URL left is the disabled link's tooltip, so officers can see where it pointed.
    expect(srcdoc).toContain(`title="Link (disabled): ${stack.trapOrigin}/phish"`);
    const live = srcdoc.replace(/title="Link \(disabled\): [^"]*"/g, '');
    for (const bad of ['<script', 'onload', 'onerror', '<form', '<iframe', 'http-equiv="refresh"', 'href=', stack.trapOrigin]) expect(live).not.toContain(bad);
    await page.waitForTimeout(1500);
    expect(stack.trapHits).toEqual([]);
    expect(offOrigin).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { pwned: number }).pwned)).toBe(0);
    await expect(page.locator('.message-text mark').first().innerText()).resolves.toMatch(/idiot/i);
    await page.context().close();
  });

  it('keeps the queue from a councillor, in the page and in the API', async () => {
    const { page } = await signedIn(stack.seed.councillorToken);
    // A councillor lands on their own home, not on the officers' queue.
    await page.getByRole('heading', { level: 1, name: 'Hello, Aisha Khan' }).waitFor();
    await page.goto(`${stack.worker.url}/#/queue`);
    await page.getByRole('heading', { name: 'Waiting on you' }).waitFor();
    expect(await page.locator('table.queue').count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/v1/mail/queue')).status);
    expect(status).toBe(403);
    await page.context().close();
  });

  it('shows a case timeline mixing captures, an email and the diary, and flags a course of conduct', async () => {
    const { page } = await signedIn(stack.seed.officerToken);
    await page.goto(`${stack.worker.url}/#/cases/${stack.seed.caseId}`);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    const items = page.locator('.timeline > li');
    await items.first().waitFor();
    expect((await items.evaluateAll((lis) => lis.map((li) => li.className))).sort()).toEqual([
      'kind-diary',
      'kind-email',
      'kind-web_capture',
      'kind-web_capture',
    ]);
    await expect(page.getByRole('heading', { name: 'Course of conduct' }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(SHOTS, 'case.png'), fullPage: true });
    await page.context().close();
  });

  it('has no serious or critical accessibility violations on any screen', async () => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.worker.url}/`, { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Access token').waitFor();
    const found: Record<string, string[]> = { 'sign-in': await seriousViolations(page) };
    await context.close();
    const { page: p } = await signedIn(stack.seed.officerToken);
    const screens: [string, string, string][] = [
      ['queue', '#/queue', 'table.queue'],
      ['message', `#/message/${stack.seed.records.abuse}`, '.message-text'],
      ['cases', '#/cases', 'table'],
      ['case', `#/cases/${stack.seed.caseId}`, '.timeline'],
      ['perpetrators', '#/perpetrators', 'table'],
      ['perpetrator', `#/perpetrators/${stack.seed.perpetratorId}`, '.timeline'],
      ['templates', '#/templates', 'table'],
    ];
    for (const [name, hash, ready] of screens) {
      await p.goto(`${stack.worker.url}/${hash}`);
      await p.locator(ready).first().waitFor();
      found[name] = await seriousViolations(p);
    }
    // A message with its sanitised HTML open, and a message already decided.
    await p.goto(`${stack.worker.url}/#/message/${stack.seed.records['hostile-html']}`);
    await p.getByRole('button', { name: 'Show the sanitised HTML view' }).click();
    await p.locator('iframe[title="Sanitised HTML of the message"]').waitFor();
    found['message-html'] = await seriousViolations(p);
    await bearer(stack.seed.officerToken, `/mail/records/${stack.seed.records['false-positive']}/decision`, { method: 'POST', json: { decision: 'release' } });
    await p.goto(`${stack.worker.url}/#/message/${stack.seed.records['false-positive']}`);
    await p.locator('.decision .state[data-state="released"]').waitFor();
    found['message-decided'] = await seriousViolations(p);
    expect(found).toEqual({
      'sign-in': [],
      queue: [],
      message: [],
      cases: [],
      case: [],
      perpetrators: [],
      perpetrator: [],
      templates: [],
      'message-html': [],
      'message-decided': [],
    });
    await p.context().close();
  });

  it('fits the queue, a message, the cases, the templates and the verifier on a 320 px phone screen', async () => {
    // The duty officer reads the alert at night on a phone (WCAG 2.2 reflow: no sideways scrolling).
    const p = await signIn(stack, stack.seed.officerToken, 320);
    const wide: Record<string, number> = {};
    for (const [name, hash, ready] of [
      ['queue', '#/queue', 'table.queue'],
      ['message', `#/message/${stack.seed.records.abuse}`, '.message-text'],
      ['threat', `#/message/${stack.seed.records.threat}`, '.message-text'],
      ['cases', '#/cases', 'table'],
      ['templates', '#/templates', 'table'],
      ['verify', '#/verify', 'input[type="file"]'],
    ] as const) {
      await p.goto(`${stack.worker.url}/${hash}`);
      await p.locator(ready).first().waitFor({ state: 'attached' });
      wide[name] = await sideways(p);
    }
    await p.goto(`${stack.worker.url}/#/message/${stack.seed.records['hostile-html']}`);
    await p.getByRole('button', { name: 'Show the sanitised HTML view' }).click();
    await p.locator('iframe[title="Sanitised HTML of the message"]').waitFor();
    wide['message-html'] = await sideways(p);
    expect(Object.entries(wide).filter(([, px]) => px > 0)).toEqual([]);
    await p.context().close();
  });

  it('filters and pages the whole queue on the server, and says how many match', async () => {
    await seedBulkQueue(stack, 60);
    const { total } = await bearer<{ total: number }>(stack.seed.officerToken, '/mail/queue?limit=1');
    expect(total).toBeGreaterThan(60);
    const { page } = await signedIn(stack.seed.officerToken);
    const count = page.locator('#queue-count');
    await expect.poll(() => count.innerText()).toBe(`Showing 1–50 of ${total} messages`);
    await expect(page.locator('table.queue tbody tr').count()).resolves.toBe(50);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => count.innerText()).toBe(`Showing 51–${total} of ${total} messages`);
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => count.innerText()).toBe(`Showing 1–50 of ${total} messages`);

    // The oldest bulk message sorts last: not on the first page, found by the filter all the same.
    await page.getByLabel('Sender', { exact: true }).fill('Bulk Sender 59 ');
    await expect.poll(() => count.innerText()).toBe('Showing 1–1 of 1 message');
    await expect(page.locator('table.queue tbody tr').innerText()).resolves.toContain('bulk59@example.net');
    await page.getByLabel('Sender', { exact: true }).fill('');
    const ttl = (await bearer<{ total: number }>(stack.seed.officerToken, '/mail/queue?severity=threat_to_life&limit=1')).total;
    expect(ttl).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: /^Severity/ }).selectOption({ label: 'Threat to life' });
    // With one threat to life the count reads as it did under the sender filter, so wait on
    // the rows themselves as well as on the count.
    const ttlRows = () => page.locator('table.queue tbody tr').evaluateAll((trs) => trs.map((r) => r.classList.contains('row-ttl')));
    await expect.poll(ttlRows).toEqual(Array.from({ length: ttl }, () => true));
    expect(await count.innerText()).toBe(`Showing 1–${ttl} of ${ttl} ${ttl === 1 ? 'message' : 'messages'}`);
    await page.getByRole('combobox', { name: /^Severity/ }).selectOption({ label: 'All' });
    await page.getByRole('combobox', { name: /^Councillor/ }).selectOption({ label: 'Tom Reid' });
    await page.getByText('Nothing here.').waitFor();
    await page.context().close();
  });

  it("keeps the table on the filter now set when an earlier filter's answer arrives last", async () => {
    const { total } = await bearer<{ total: number }>(stack.seed.officerToken, '/mail/queue?limit=1');
    const { page } = await signedIn(stack.seed.officerToken);
    const count = page.locator('#queue-count');
    const all = `Showing 1–${Math.min(total, 50)} of ${total} ${total === 1 ? 'message' : 'messages'}`;
    await expect.poll(() => count.innerText()).toBe(all);

    // Hold the answer for a sender filter until the officer has already cleared that filter.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let heldUrl = '';
    const held = new Promise<void>((arrived) => {
      void page.route(
        (url) => url.pathname === '/api/v1/mail/queue' && url.searchParams.has('sender'),
        async (route) => {
          heldUrl = route.request().url();
          const response = await route.fetch();
          arrived();
          await released;
          await route.fulfill({ response });
        },
      );
    });
    await page.getByLabel('Sender', { exact: true }).fill('no-such-sender-anywhere');
    await held;
    await page.getByLabel('Sender', { exact: true }).fill('');
    await expect.poll(() => count.innerText()).toBe(all);

    const finished = page.waitForEvent('requestfinished', (r) => r.url() === heldUrl);
    release();
    await finished;
    // Give the page a while to take the late answer in: the table must stay as it is throughout.
    for (let i = 0; i < 10; i++) {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
      expect(await page.getByText('Nothing here.').count()).toBe(0);
      expect(await count.innerText()).toBe(all);
    }
    await page.context().close();
  });

  it('signs out: the session ends on the server and the page asks for a token again', async () => {
    const { page } = await signedIn(stack.seed.officerToken);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Access token').waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/v1/mail/queue')).status)).toBe(401);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.getByLabel('Access token').waitFor();
    expect(await page.locator('table.queue').count()).toBe(0);
    await page.context().close();
  });

  it('previews the exact disengagement reply and approves it, on the record with its template version', async () => {
    const { page } = await signedIn(stack.seed.officerToken);
    await page.goto(`${stack.worker.url}/#/templates`);
    await page.getByRole('button', { name: 'Edit How we will correspond with you' }).click();
    const body = page.getByLabel('Body');
    await body.fill((await body.inputValue()).replace('Thank you for contacting', 'Thank you for writing to'));
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByText('Saved as version 2.').waitFor();

    await page.goto(`${stack.worker.url}/#/message/${stack.seed.records.abuse}`);
    await page.getByLabel('Template').selectOption('rules_of_engagement');
    await page.getByLabel('Council contact').fill('Sam Patel');
    await page.getByLabel("Contact's email").fill('sam.patel@council.example');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.locator('.preview');
    await preview.waitFor();
    const text = await preview.innerText();
    expect(text).toContain('pat.critic@example.com');
    expect(text).toContain('Dear Pat Critic,');
    expect(text).toContain('Thank you for writing to Aisha Khan');
    expect(text).toContain('template version 2');
    await page.getByRole('button', { name: 'Approve and send' }).click();
    await page.locator('.replies li').filter({ hasText: 'approved' }).waitFor();

    // Approved by mistake: withdrawn before any mail filter takes it, with the reason kept.
    const reason = page.getByLabel(/Approved by mistake\? Withdraw it/);
    await reason.fill('Police advise no contact with this sender.');
    await page.getByRole('button', { name: 'Withdraw this reply' }).click();
    await page.locator('.replies .reply-status[data-state="withdrawn"]').waitFor();
    expect(await page.locator('.replies .reply-status').innerText()).toContain('Withdrawn by Sam Patel: Police advise no contact with this sender.');
    const { replies } = await bearer<{ replies: { state: string }[] }>(stack.seed.officerToken, `/replies?recordId=${stack.seed.records.abuse}`);
    expect(replies.map((r) => r.state)).toEqual(['withdrawn']);
    await page.context().close();
  });

  it('will not approve a reply to a threat to life without a written reason', async () => {
    const { page } = await signedIn(stack.seed.officerToken);
    await page.goto(`${stack.worker.url}/#/message/${stack.seed.records.ttl}`);
    await page.getByText('a reply needs a written reason').waitFor();
    await page.getByLabel('Template').selectOption('cessation');
    await page.getByLabel('Council contact').fill('Sam Patel');
    await page.getByLabel("Contact's email").fill('sam.patel@council.example');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Approve and send' }).click();
    await page.getByText(/replying needs an override with a written reason/).waitFor();
    expect(await page.locator('.replies li').count()).toBe(0);
    await page.context().close();
  });

  it("replies from a case to its most recent email and shows the reply, with who approved it, on the case's timeline", async () => {
    const { page } = await signedIn(stack.seed.officerToken);
    await page.goto(`${stack.worker.url}/#/cases/${stack.mailCaseId}`);
    const picker = page.getByLabel('Message to reply to');
    await picker.waitFor();
    // Angry Resident's message came 90 minutes ago, Pat Critic's 4 hours ago: the newer is chosen.
    await expect(picker.locator('option:checked').innerText()).resolves.toContain('angry.resident@example.org');
    await expect(picker.locator('option').count()).resolves.toBe(2);
    await page.getByLabel('Template').selectOption('warning');
    await page.getByLabel('Council contact').fill('Sam Patel');
    await page.getByLabel("Contact's email").fill('sam.patel@council.example');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.locator('.preview');
    await preview.waitFor();
    await expect(preview.innerText()).resolves.toContain('Dear Angry Resident,');
    await page.getByRole('button', { name: 'Approve and send' }).click();
    await page.getByText('Approved: the mail filter will send it').waitFor();

    const entry = page.locator('.timeline li.kind-reply').filter({ hasText: 'angry.resident@example.org' });
    await entry.waitFor();
    const text = await entry.innerText();
    expect(text).toContain('Warning about abusive messages (version 1)');
    expect(text).toMatch(/approved · approved by Sam Patel/);
    await expect(entry.getByRole('link').innerText()).resolves.toMatch(/^[A-Z]+\d*\/\d+$/);
    // After the emails and the reply approved just now, the reply is the newest entry.
    await expect(page.locator('.timeline > li').last().getAttribute('class')).resolves.toBe('kind-reply');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
