// Everything the API lets an officer or a councillor change, done in the browser alone:
// a case's details, the incident diary with its versions, an item's custody log and the chain
// check, the councillor's home, perpetrator records, users and tokens. Real Chromium, real Worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, seriousViolations, sideways } from './browser-checks.ts';
import { bearerCall, startDashboardStack, type DashboardStack } from './stack.ts';

let stack: DashboardStack;
beforeAll(async () => {
  stack = await startDashboardStack();
});
afterAll(async () => {
  await stack?.stop();
});

const signedIn = (token: string, width = 1280) => signIn(stack, token, width);

const bearer = <T>(token: string, path: string, init: { method?: string; json?: unknown } = {}) => bearerCall<T>(stack.worker.url, token, path, init);

describe('editing a case', () => {
  it('lets an officer rename a case, give its police reference, refer it, close it and reopen it', async () => {
    const page = await signedIn(stack.seed.officerToken);
    await page.goto(`${stack.worker.url}/#/cases/${stack.mailCaseId}`);
    await page.getByRole('button', { name: 'Edit case details' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Emails about the Mill Lane road closure');
    await page.getByLabel('Police reference (optional)').fill('WMP-2026-11-0042');
    await page.getByRole('combobox', { name: /^Status/ }).selectOption({ label: 'Referred to the police' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save case' }).click();
    await page.getByText('Case saved.').waitFor();
    // The form closes on save; focus goes back to the button that opened it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Edit case details');
    await page.getByRole('heading', { level: 1, name: 'Emails about the Mill Lane road closure' }).waitFor();
    await page.getByText('Police reference WMP-2026-11-0042').waitFor();
    expect(await bearer(stack.seed.officerToken, `/cases/${stack.mailCaseId}`)).toMatchObject({
      title: 'Emails about the Mill Lane road closure',
      status: 'referred',
      policeReference: 'WMP-2026-11-0042',
    });

    await page.getByRole('button', { name: 'Close case' }).click();
    await page.getByText('Case closed.').waitFor();
    expect(await bearer(stack.seed.officerToken, `/cases/${stack.mailCaseId}`)).toMatchObject({ status: 'closed' });
    await page.getByRole('button', { name: 'Reopen case' }).click();
    await page.getByText('Case reopened.').waitFor();
    expect(await bearer(stack.seed.officerToken, `/cases/${stack.mailCaseId}`)).toMatchObject({ status: 'open' });
    await page.context().close();
  });
});

describe('custody', () => {
  it("shows an item's custody log from its case, and lets an officer verify the whole chain", async () => {
    const page = await signedIn(stack.seed.officerToken);
    await page.goto(`${stack.worker.url}/#/cases/${stack.seed.caseId}`);
    await page
      .locator('.timeline > li.kind-web_capture')
      .first()
      .getByRole('link', { name: /^Custody log of / })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Custody log/ }).waitFor();
    await page.locator('.custody-log li').first().waitFor();
    await expect(page.locator('.custody-log li').first().innerText()).resolves.toMatch(/Captured|Uploaded/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Custody chain' }).click();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByRole('heading', { name: 'The chain holds' }).waitFor();
    await expect(page.locator('.verify-result').innerText()).resolves.toMatch(/\d+ events checked/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe("a councillor's home and diary", () => {
  it('greets a councillor with what is waiting on them, their cases, captures and diary', async () => {
    const page = await signedIn(stack.seed.councillorToken);
    await page.getByRole('heading', { level: 1, name: 'Hello, Aisha Khan' }).waitFor();
    await page.getByRole('heading', { name: 'Waiting on you' }).waitFor();
    await page.getByRole('link', { name: 'Online harassment by @garytroll' }).waitFor();
    await page.getByRole('heading', { name: 'Your latest captures' }).waitFor();
    await page.getByRole('heading', { name: 'Your diary' }).waitFor();
    expect(await page.locator('table.queue').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('records a phone call as a diary incident, edits it, and keeps the first version', async () => {
    const page = await signedIn(stack.seed.councillorToken);
    await page.getByRole('link', { name: 'Record an incident' }).click();
    await page.getByRole('heading', { name: 'Record an incident' }).waitFor();
    await page.getByLabel('When it happened').fill('2026-12-02T18:30');
    await page.getByLabel('How it happened').selectOption('Phone call');
    await page.getByLabel('Case (optional)').selectOption({ label: 'Online harassment by @garytroll' });
    await page.getByLabel('What happened').fill('A man rang my home number and said he knew which car was mine.');
    await page.getByLabel('How it affected you (optional)').fill('I did not sleep that night.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save to the diary' }).click();
    await page.getByText(/^Saved as /).waitFor();

    await page.getByRole('link', { name: /Phone call: A man rang my home number/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Diary entry / }).waitFor();
    await page.getByText('None: this entry has not been edited.').waitFor();
    await page.getByRole('button', { name: 'Edit this entry' }).click();
    await page.getByLabel('What happened').fill('Phone call: a man rang my home number, said he knew which car was mine, and named my street.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved as version 2.').waitFor();
    const earlier = page.locator('.diary-history li[data-version="1"]');
    await expect(earlier.innerText()).resolves.toContain('A man rang my home number and said he knew which car was mine.');
    await expect(page.locator('.diary-text').first().innerText()).resolves.toContain('named my street');
    expect(await seriousViolations(page)).toEqual([]);

    const id = page.url().split('/').pop()!;
    const entry = await bearer<{ caseId: string; history: { version: number }[] }>(stack.seed.councillorToken, `/diary/${id}`);
    expect(entry.caseId).toBe(stack.seed.caseId);
    expect(entry.history.map((v) => v.version)).toEqual([1, 2]);
    await page.context().close();
  });
});

describe('perpetrator records', () => {
  it('lets an officer record a person with an account ID and an address, then correct the record and disengage', async () => {
    const page = await signedIn(stack.seed.officerToken);
    await page.getByRole('link', { name: 'Perpetrators' }).click();
    await page.getByRole('heading', { name: 'Record a person' }).waitFor();
    await page.getByLabel('Name to show').fill('Night Watcher');
    await page.getByLabel('Other names (one a line)').fill('nw77\nthe watcher');
    await page.getByRole('button', { name: 'Add an account' }).click();
    const account = page.getByRole('group', { name: 'Account 1' });
    await account.getByLabel('Platform').fill('facebook');
    await account.getByLabel('Handle').fill('night.watcher.77');
    await account.getByLabel('Account ID').fill('100004567890123');
    await page.getByLabel('Email addresses (one a line)').fill('watcher77@example.net');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Record this person' }).click();
    await page.getByText('Night Watcher recorded.').waitFor();

    await page.getByRole('link', { name: 'Night Watcher' }).click();
    await page.getByRole('heading', { level: 1, name: 'Night Watcher' }).waitFor();
    await page.getByRole('button', { name: 'Edit this record' }).click();
    await page.getByLabel('Name to show').fill('Night Watcher (N. Watts)');
    await page.getByRole('group', { name: 'Account 1' }).getByLabel('Handle').fill('n.watts.77');
    await page.getByRole('button', { name: 'Add an account' }).click();
    await page.getByRole('group', { name: 'Account 2' }).getByLabel('Platform').fill('x');
    await page.getByRole('group', { name: 'Account 2' }).getByLabel('Account ID').fill('987654321');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Night Watcher (N. Watts)' }).waitFor();
    await page.getByRole('button', { name: 'Disengage (no further replies)' }).click();
    await page.getByRole('button', { name: 'Re-engage' }).waitFor();

    const id = page.url().split('/').pop()!;
    const perp = await bearer<Record<string, unknown>>(stack.seed.officerToken, `/perpetrators/${id}`);
    expect(perp).toMatchObject({
      displayName: 'Night Watcher (N. Watts)',
      aliases: ['nw77', 'the watcher'],
      handles: [
        { platform: 'facebook', handle: 'n.watts.77', accountId: '100004567890123' },
        { platform: 'x', accountId: '987654321' },
      ],
      emails: ['watcher77@example.net'],
    });
    expect(perp.disengagedAt).toEqual(expect.any(String));
    await page.context().close();
  });
});

describe('users and tokens', () => {
  it('lets an admin add a user, issue a token shown once that signs in, and revoke it', async () => {
    const page = await signedIn(stack.seed.adminToken);
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Add a user' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Priya Shah');
    await page.getByLabel('Email (optional)').fill('cllr.shah@council.example');
    await page.getByRole('combobox', { name: /^Role/ }).selectOption({ label: 'Councillor' });
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('Priya Shah added. Issue them a token below.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const row = page.locator('.user-list > li', { hasText: 'Priya Shah' });
    await row.locator('summary').click();
    await row.getByLabel('Token label for Priya Shah').fill('laptop');
    await row.getByRole('button', { name: 'Issue token' }).click();
    const secret = row.getByLabel('New token for Priya Shah');
    await secret.waitFor();
    const token = await secret.inputValue();
    expect(token.length).toBeGreaterThan(20);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await bearer<{ name: string }>(token, '/me')).toMatchObject({ name: 'Priya Shah' });
    await row.getByRole('button', { name: 'I have copied it' }).click();
    expect(await row.getByLabel('New token for Priya Shah').count()).toBe(0);

    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Revoke token laptop of Priya Shah' }).click();
    await row.getByText('Token laptop revoked.').waitFor();
    const res = await fetch(`${stack.worker.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    await page.context().close();
  });
});

describe('at 320 px', () => {
  it('fits every new screen on a phone without sideways scrolling', async () => {
    const officer = await signedIn(stack.seed.officerToken, 320);
    const { items } = await bearer<{ items: { id: string; kind: string }[] }>(stack.seed.officerToken, `/evidence?caseId=${stack.seed.caseId}`);
    const diaryId = items.find((i) => i.kind === 'diary')!.id;
    for (const [hash, ready] of [
      [`#/cases/${stack.seed.caseId}`, 'Edit case details'],
      [`#/custody/${items[0]!.id}`, '.custody-log li'],
      ['#/custody', 'Verify the chain'],
      ['#/diary', '.diary-list li'],
      [`#/diary/${diaryId}`, 'Edit this entry'],
      // The list, not just the form: the table is what is widest.
      ['#/perpetrators', 'table tbody tr'],
      [`#/perpetrators/${stack.seed.perpetratorId}`, 'Edit this record'],
    ] as const) {
      await officer.goto(`${stack.worker.url}/${hash}`);
      await (/^[.a-z]/.test(ready) ? officer.locator(ready).first() : officer.getByRole('button', { name: ready })).waitFor();
      if (hash === '#/custody') {
        await officer.getByRole('button', { name: 'Verify the chain' }).click();
        await officer.locator('.verify-result').waitFor();
      }
      expect(await sideways(officer), hash).toBeLessThanOrEqual(0);
    }
    await officer.getByRole('button', { name: 'Edit this record' }).click();
    await officer.getByRole('button', { name: 'Add an account' }).last().waitFor();
    expect(await sideways(officer), 'perpetrator edit').toBeLessThanOrEqual(0);
    await officer.context().close();

    const admin = await signedIn(stack.seed.adminToken, 320);
    await admin.goto(`${stack.worker.url}/#/users`);
    const first = admin.locator('.user-list > li').first();
    await first.locator('summary').click();
    await first.locator('.user-tokens li').first().waitFor();
    expect(await sideways(admin), 'users').toBeLessThanOrEqual(0);
    await admin.context().close();

    const councillor = await signedIn(stack.seed.councillorToken, 320);
    await councillor.getByRole('heading', { name: 'Waiting on you' }).waitFor();
    expect(await sideways(councillor), 'home').toBeLessThanOrEqual(0);
    await councillor.context().close();
  });
});
