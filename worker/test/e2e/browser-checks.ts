// Browser checks every dashboard screen test makes: sign in as a token, axe's serious
// violations, and sideways scrolling (WCAG 2.2 reflow at 320 px).
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import type { DashboardStack } from './stack.ts';

/**
 * A fresh browser context signed in with `token`, at `hash` (the dashboard's route, e.g. '#/queue');
 * `beforeSignIn` sees the page first, to listen to its requests.
 */
export async function signIn(
  stack: DashboardStack,
  token: string,
  width = 1280,
  { hash = '', beforeSignIn }: { hash?: string; beforeSignIn?: (page: Page) => void } = {},
): Promise<Page> {
  const context = await stack.browser.newContext({ viewport: { width, height: 900 } });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  beforeSignIn?.(page);
  await page.goto(`${stack.worker.url}/${hash}`, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

/** An officer's page, and every API write it makes from sign-in on (signing in itself left out). */
export async function officerPageWithWrites(stack: DashboardStack, hash = ''): Promise<{ page: Page; writes: string[] }> {
  const writes: string[] = [];
  const beforeSignIn = (p: Page) =>
    p.on('request', (r) => {
      if (r.method() !== 'GET' && r.url().includes('/api/v1/') && !r.url().endsWith('/api/v1/session'))
        writes.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
  const page = await signIn(stack, stack.seed.officerToken, 1280, { hash, beforeSignIn });
  return { page, writes };
}

export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
}

export const sideways = (page: Page) =>
  page.evaluate(() =>
    Math.max(
      document.documentElement.scrollWidth - document.documentElement.clientWidth,
      document.querySelector('main')!.scrollWidth - document.querySelector('main')!.clientWidth,
    ),
  );
