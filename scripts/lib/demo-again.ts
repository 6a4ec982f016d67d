// `npm run demo` a second time must not seed a second Sam Patel, Aisha Khan and their mail:
// it finds the demo people already there and gives them fresh tokens (tokens are stored only
// as hashes, so the old ones cannot be shown again).
import { issueToken } from './principals.ts';
import { d1, sqlString as q, type Store } from './wrangler.ts';

export const DEMO_OFFICER_EMAIL = 'sam.patel@council.example';
export const DEMO_COUNCILLOR_EMAIL = 'cllr.khan@council.example';

/** Fresh tokens for the demo officer and councillor, or null when the demo was never seeded. */
export async function reissueDemoTokens(store: Store): Promise<{ officerToken: string; councillorToken: string } | null> {
  const rows = await d1<{ id: string; email: string }>(
    `SELECT id, email FROM users WHERE disabled_at IS NULL AND (
       (role = 'officer' AND email = ${q(DEMO_OFFICER_EMAIL)}) OR (role = 'councillor' AND email = ${q(DEMO_COUNCILLOR_EMAIL)}))
     ORDER BY created_at`,
    store,
  );
  const officer = rows.find((r) => r.email === DEMO_OFFICER_EMAIL);
  const councillor = rows.find((r) => r.email === DEMO_COUNCILLOR_EMAIL);
  if (!officer || !councillor) return null;
  const label = `demo ${new Date().toISOString().slice(0, 10)}`;
  return { officerToken: (await issueToken(store, officer.id, label)).token, councillorToken: (await issueToken(store, councillor.id, label)).token };
}
