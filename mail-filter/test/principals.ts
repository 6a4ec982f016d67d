// A fresh Worker state folder with a council, a councillor, an officer and the mail
// filter's service principal (tests and the bench).
import { generateToken, hashToken } from '@wardguard/shared';
import { applyMigrations, d1, sqlString as q } from '../../scripts/lib/wrangler.ts';
import { createCouncil } from '../../scripts/lib/principals.ts';

/**
 * Users and tokens in ONE wrangler call: each `wrangler d1 execute` costs seconds, so the
 * per-user helpers in scripts/lib/principals.ts would dominate the run. Same rows they write.
 */
export async function seedPrincipals(persistTo: string, councilId: string) {
  const at = new Date().toISOString();
  const users = [
    { id: crypto.randomUUID(), name: 'Alice Brown', role: 'councillor', initials: 'AB' },
    { id: crypto.randomUUID(), name: 'Olive Officer', role: 'officer', initials: 'OO' },
    { id: crypto.randomUUID(), name: 'Mail Filter', role: 'service', initials: 'MF' },
  ];
  const tokens = await Promise.all(users.slice(1).map(async (u) => ({ user: u, token: generateToken(), id: crypto.randomUUID() })));
  const sql = [
    ...users.map(
      (u) =>
        `INSERT INTO users (id, council_id, name, role, initials, created_at) VALUES (${q(u.id)}, ${q(councilId)}, ${q(u.name)}, ${q(u.role)}, ${q(u.initials)}, ${q(at)});`,
    ),
    ...(await Promise.all(
      tokens.map(
        async (t) =>
          `INSERT INTO tokens (id, user_id, kind, token_hash, label, created_at) VALUES (${q(t.id)}, ${q(t.user.id)}, ${q(t.user.role === 'service' ? 'service' : 'personal')}, ${q(await hashToken(t.token))}, 'test', ${q(at)});`,
      ),
    )),
  ].join('\n');
  await d1(sql, { persistTo });
  return { councillorId: users[0]!.id, officerToken: tokens[0]!.token, serviceToken: tokens[1]!.token };
}

/** Migrations, a council and its principals in a temp D1 folder. */
export async function seedWorkerState(persistTo: string) {
  await applyMigrations({ persistTo });
  const councilId = await createCouncil('Test Borough Council', { persistTo });
  return seedPrincipals(persistTo, councilId);
}
