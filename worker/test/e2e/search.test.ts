// Search in real Chromium against the real Worker (wrangler dev) and the demo data: an officer
// finds a message by a word from its body and a perpetrator by an address, opens a result and
// comes back to the same results; a councillor finds only their own. axe on every state of the
// screen, and no sideways scrolling at 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations, sideways, signIn } from './browser-checks.ts';
import { startDashboardStack, type DashboardStack } from './stack.ts';

let stack: DashboardStack;
beforeAll(async () => {
  stack = await startDashboardStack();
});
afterAll(async () => {
  await stack?.stop();
});

const results = (page: Page) => page.locator('ol.search-results > li');

async function searchFor(page: Page, words: string) {
  await page.getByLabel('Words to find').fill(words);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page
    .locator('#search-status')
    .filter({ hasText: `for ${words}.` })
    .waitFor();
}

describe('search in the dashboard', () => {
  it('lets an officer find a message by a word from its body, open it, and come back to the results', async () => {
    const page = await signIn(stack, stack.seed.officerToken);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    expect(await seriousViolations(page), 'empty search').toEqual([]);

    // "housing" is only in the body of the "Planning decision" email, not its subject.
    await searchFor(page, 'housing');
    const hit = results(page).filter({ hasText: 'Planning decision' });
    await hit.waitFor();
    await expect(hit.locator('mark').first().innerText()).resolves.toMatch(/^housing$/i);
    expect(await hit.innerText()).toContain('Quarantined email');
    expect(await seriousViolations(page), 'results').toEqual([]);

    await hit.getByRole('link', { name: 'Planning decision' }).click();
    await page.getByRole('heading', { level: 1, name: /Planning decision/ }).waitFor();
    await page.goBack();
    await results(page).filter({ hasText: 'Planning decision' }).waitFor();
    await expect(page.getByLabel('Words to find').inputValue()).resolves.toBe('housing');
    await page.context().close();
  });

  it('finds a perpetrator by an e-mail address and narrows by type', async () => {
    const page = await signIn(stack, stack.seed.officerToken);
    await page.goto(`${stack.worker.url}/#/search`);
    await searchFor(page, 'nightwatcher77@example.net');
    await results(page).filter({ hasText: 'Gary Troll' }).waitFor();
    await page.getByRole('link', { name: 'Gary Troll' }).click();
    await page.getByRole('heading', { level: 1, name: /Gary Troll/ }).waitFor();

    await page.goto(`${stack.worker.url}/#/search`);
    await page.getByLabel('Type').selectOption({ label: 'Case' });
    await searchFor(page, 'garytroll');
    await results(page).first().waitFor();
    const kinds = await results(page).locator('.hint').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(0);
    for (const k of kinds) expect(k).toMatch(/^Case\b/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("gives a councillor their own records and none of the officers' mail", async () => {
    const page = await signIn(stack, stack.seed.councillorToken);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await searchFor(page, 'surgery');
    await results(page).filter({ hasText: 'Diary entry' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await searchFor(page, 'housing');
    await page.getByText('Nothing found for housing.').waitFor();
    expect(await results(page).count()).toBe(0);
    await page.context().close();
  });

  it('fits a 320 px phone screen without sideways scrolling, with filters and results', async () => {
    for (const token of [stack.seed.officerToken, stack.seed.councillorToken]) {
      const page = await signIn(stack, token, 320);
      await page.goto(`${stack.worker.url}/#/search`);
      await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
      await searchFor(page, 'garytroll');
      await results(page).first().waitFor();
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });
});
