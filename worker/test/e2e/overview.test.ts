// The officers' overview in Chromium, on the demo council with `npm run demo`'s ten weeks of
// history: it is where an officer lands, its charts draw, each has the same numbers as a table
// and as CSV, axe finds nothing serious, and it fits a 320 px screen.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { OverviewView } from '@wardguard/shared/api/overview';
import { ROOT } from '../../../scripts/lib/wrangler.ts';
import { seedDemoHistory } from '../../../scripts/lib/demo-history.ts';
import { seriousViolations, sideways, signIn } from './browser-checks.ts';
import { bearerCall, startDashboardStack, type DashboardStack } from './stack.ts';

let stack: DashboardStack;
let data: OverviewView;
// Screenshots always get taken; they replace the README's only when asked to.
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : join(tmpdir(), 'wg-screenshots');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startDashboardStack();
  await seedDemoHistory(stack.worker.url, stack.seed);
  data = await bearerCall<OverviewView>(stack.worker.url, stack.seed.officerToken, '/overview');
});
afterAll(async () => {
  await stack?.stop();
});

/** Whether a canvas has anything drawn on it (a blank one is all transparent). */
const drawn = (page: Page, trend: string) =>
  page.locator(`figure[data-trend="${trend}"] canvas`).evaluate((c: HTMLCanvasElement) => {
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) return c.width > 0;
    return false;
  });

describe("the officers' overview", () => {
  it('has trends on the demo data across several weeks, from every channel, with perpetrators and decision times', () => {
    const { byChannel, byCouncillor, bySeverity } = data.incidents;
    expect(data.period.weeks).toHaveLength(12);
    expect(byChannel.weeks.filter((w) => w.total > 0).length).toBeGreaterThanOrEqual(6);
    expect(byChannel.series.map((s) => s.label)).toEqual(expect.arrayContaining(['Email', 'X', 'Facebook', 'Instagram', 'TikTok']));
    expect(byCouncillor.series.map((s) => s.label).sort()).toEqual(['Aisha Khan', 'Tom Reid']);
    expect(bySeverity.series.map((s) => s.key)).toEqual(expect.arrayContaining(['threat_to_life', 'threat', 'abuse', 'ungraded']));
    expect(data.perpetrators[0]).toMatchObject({ displayName: 'Gary Troll', courseOfConduct: true });
    expect(data.decisionTime.filter((w) => w.decided > 0).length).toBeGreaterThanOrEqual(5);
    expect(data.waiting.alerts.count).toBeGreaterThan(0);
    expect(data.waiting.unapplied.count).toBeGreaterThan(0);
  });

  it('is where an officer lands: what waits, then each trend as a chart, a table and a CSV', async () => {
    const page = await signIn(stack, stack.seed.officerToken);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('heading', { name: 'What waits' }).waitFor();
    await expect(page.locator('nav[aria-label="Main"] a[aria-current="page"]').innerText()).resolves.toBe('Overview');

    // What waits: the count per severity, and a link to the oldest threat to life.
    const ttl = data.waiting.bySeverity.find((s) => s.severity === 'threat_to_life')!;
    const ttlRow = page.locator('#waiting-table tbody tr', { hasText: 'Threat to life' });
    await expect(ttlRow.locator('td').first().innerText()).resolves.toBe(String(ttl.count));
    await expect(ttlRow.getByRole('link').getAttribute('href')).resolves.toBe(`#/message/${ttl.oldestRecordId}`);

    for (const trend of ['by-councillor', 'by-channel', 'by-severity', 'perpetrators', 'decision-time']) {
      await expect.poll(() => drawn(page, trend), { message: trend }).toBe(true);
      const canvas = page.locator(`figure[data-trend="${trend}"] canvas`);
      await expect(canvas.getAttribute('role')).resolves.toBe('img');
      await expect(canvas.getAttribute('aria-label')).resolves.toMatch(/chart/);
    }

    // The chart's numbers as a table: each week's counts, and the totals, as the API gives them.
    const byChannel = page.locator('figure[data-trend="by-channel"]');
    await byChannel.getByText('Show the numbers as a table').click();
    const table = byChannel.locator('table');
    const t = data.incidents.byChannel;
    await expect(table.locator('thead th').allInnerTexts()).resolves.toEqual(['Week commencing', ...t.series.map((s) => s.label), 'Total']);
    await expect(table.locator('tbody tr').count()).resolves.toBe(12);
    const foot = await table.locator('tfoot td').allInnerTexts();
    expect(foot.map(Number)).toEqual([...t.totals, t.total]);

    // The perpetrators' table is open: the ranking with each one's course-of-conduct status.
    const perpRow = page.locator('figure[data-trend="perpetrators"] tbody tr').first();
    await expect(perpRow.locator('th').innerText()).resolves.toBe('Gary Troll');
    await expect(perpRow.locator('td').nth(2).innerText()).resolves.toBe('Yes');

    const csv = byChannel.getByRole('link', { name: 'Download as CSV' });
    await expect(csv.getAttribute('aria-describedby')).resolves.toBe('by-channel-h');
    const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
    expect(download.suggestedFilename()).toBe(`wardguard-incidents-by-channel-${data.period.from}-to-${data.period.to}.csv`);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.split('\r\n')[0]).toBe(`\uFEFFweek_commencing,${t.series.map((s) => s.label).join(',')},total`);

    // For the README: the trends, from their heading down a screen's height.
    const top = await page.getByRole('heading', { name: 'Trends' }).evaluate((h) => h.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path: join(SHOTS, 'overview.png'), fullPage: true, clip: { x: 0, y: top - 16, width: 1280, height: 1100 } });
    await byChannel.locator('details').evaluate((d: HTMLDetailsElement) => (d.open = true));
    expect(await seriousViolations(page)).toEqual([]);

    // The queue stays one click away.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review queue', exact: true }).click();
    await page.locator('table.queue').waitFor();
    await page.context().close();
  });

  it('chooses its period: fewer weeks, or between two dates', async () => {
    const page = await signIn(stack, stack.seed.officerToken);
    await page.getByRole('heading', { name: 'Trends' }).waitFor();
    await page.getByRole('combobox', { name: /^Period/ }).selectOption({ label: 'Last 4 weeks' });
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText(/^4 weeks, /).waitFor();
    await page.getByRole('combobox', { name: /^Period/ }).selectOption({ label: 'Between dates…' });
    await page.getByLabel('From', { exact: true }).fill(data.period.weeks[0]!);
    await page.getByLabel('To', { exact: true }).fill(data.period.weeks[1]!);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText(/^2 weeks, /).waitFor();
    const href = await page
      .locator('figure[data-trend="by-severity"]')
      .getByRole('link', { name: /as CSV/ })
      .getAttribute('href');
    expect(href).toBe(`/api/v1/overview/csv/incidents-by-severity?from=${data.period.weeks[0]}&to=${data.period.weeks[1]}`);
    await page.context().close();
  });

  it('fits a 320 px screen with its tables open, charts included', async () => {
    const page = await signIn(stack, stack.seed.officerToken, 320);
    await page.getByRole('heading', { name: 'What waits' }).waitFor();
    await expect.poll(() => drawn(page, 'decision-time')).toBe(true);
    await page.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    const width = await page.locator('figure[data-trend="by-channel"] canvas').evaluate((c) => c.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(200);
    expect(width).toBeLessThanOrEqual(320);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'wg-screenshots', 'overview-320.png'), fullPage: true });
    await page.context().close();
  });

  it('is not for a councillor: the page takes them home and the API refuses them', async () => {
    const page = await signIn(stack, stack.seed.councillorToken);
    await page.goto(`${stack.worker.url}/#/overview`);
    await page.getByRole('heading', { name: 'Waiting on you' }).waitFor();
    expect(await page.locator('.overview').count()).toBe(0);
    expect(await page.evaluate(async () => (await fetch('/api/v1/overview')).status)).toBe(403);
    await page.context().close();
  });
});
