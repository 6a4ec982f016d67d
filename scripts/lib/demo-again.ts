// `npm run demo` a second time must not seed a second Sam Patel, Aisha Khan and their mail:
// it finds the demo people already there and gives them fresh tokens (tokens are stored only
// as hashes, so the old ones cannot be shown again).
import { issueToken } from './principals.ts';
import { d1, type Store } from './wrangler.ts';
import { inlineSql } from '../../worker/src/db/sql-command.ts';
import { liveUsersByEmailSql } from '../../worker/src/db/principal-sql.ts';

export const DEMO_OFFICER_EMAIL = 'sam.patel@council.example';
export const DEMO_COUNCILLOR_EMAIL = 'cllr.khan@council.example';

/** Fresh tokens for the demo officer and councillor, or null when the demo was never seeded. */
export async function reissueDemoTokens(store: Store): Promise<{ officerToken: string; councillorToken: string } | null> {
  const rows = (
    await d1<{ id: string; email: string; role: string }>(inlineSql(liveUsersByEmailSql([DEMO_OFFICER_EMAIL, DEMO_COUNCILLOR_EMAIL])), store)
  ).filter((r) => (r.role === 'officer' && r.email === DEMO_OFFICER_EMAIL) || (r.role === 'councillor' && r.email === DEMO_COUNCILLOR_EMAIL));
  const officer = rows.find((r) => r.email === DEMO_OFFICER_EMAIL);
  const councillor = rows.find((r) => r.email === DEMO_COUNCILLOR_EMAIL);
  if (!officer || !councillor) return null;
  const label = `demo ${new Date().toISOString().slice(0, 10)}`;
  return { officerToken: (await issueToken(store, officer.id, label)).token, councillorToken: (await issueToken(store, councillor.id, label)).token };
}
