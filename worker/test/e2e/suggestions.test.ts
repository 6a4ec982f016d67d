// A known perpetrator is suggested on a message from his address, and linked only on the
// officer's click: real Chromium against the real Worker (wrangler dev), demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { bearerCall, startDashboardStack, type DashboardStack } from './stack.ts';
import { signIn } from './browser-checks.ts';

let stack: DashboardStack;
beforeAll(async () => {
  stack = await startDashboardStack();
});
afterAll(async () => {
  await stack?.stop();
});

const signedIn = (token: string): Promise<Page> => signIn(stack, token);

describe('a message from someone already recorded', () => {
  it('suggests the perpetrator with the reason, and links only when the officer clicks', async () => {
    const call = <T>(path: string, init: { method?: string; json?: unknown } = {}) => bearerCall<T>(stack.worker.url, stack.seed.officerToken, path, init);
    const perp = await call<{ id: string }>('/perpetrators', {
      method: 'POST',
      json: { displayName: 'Angry Resident', emails: ['angry.resident@example.org'] },
    });
    const recordId = stack.seed.records.threat!;
    const { itemId } = await call<{ itemId: string }>(`/mail/records/${recordId}`);

    const page = await signedIn(stack.seed.officerToken);
    await page.goto(`${stack.worker.url}/#/message/${recordId}`);
    const panel = page.getByRole('region', { name: 'Possibly from someone already recorded' });
    await panel.getByText('same e-mail address (angry.resident@example.org)').waitFor();
    expect((await call<{ perpetratorId: string | null }>(`/evidence/${itemId}`)).perpetratorId).toBeNull();

    await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);

    await panel.getByRole('button', { name: 'Link to Angry Resident' }).click();
    await panel.getByText('Linked to Angry Resident.').waitFor();
    expect((await call<{ perpetratorId: string | null }>(`/evidence/${itemId}`)).perpetratorId).toBe(perp.id);
    await page.context().close();
  });
});
