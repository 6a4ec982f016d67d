import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { CaseView } from '@wardguard/shared';
import type { Principal } from '../env.ts';
import { actor, api, countRows as count, seedCouncil } from '../../test/helpers.ts';
import { getCase } from '../db/cases.ts';
import { addCaseNote } from './add-case-note.ts';

async function referredCase() {
  const s = await seedCouncil();
  const liaison = await actor(s.council.id, 'PC Lee Liaison', 'liaison');
  const kase = (await (await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Threats', councillorId: s.alice.id } })).json()) as CaseView;
  const referred = await api(s.officer.token, '/referrals', { method: 'POST', json: { caseId: kase.id, liaisonId: liaison.id, policeReference: 'TVP-1' } });
  expect(referred.status).toBe(201);
  const p: Principal = { userId: liaison.id, councilId: s.council.id, role: 'liaison', name: 'PC Lee Liaison', tokenId: liaison.tokenId };
  return { s, p, caseId: kase.id };
}

describe('a liaison note that sets the crime number', () => {
  it('keeps the note, the new crime number and its custody event together', async () => {
    const { s, p, caseId } = await referredCase();
    const read = (await getCase(env.DB, s.council.id, caseId))!;
    const out = await addCaseNote(env, p, read, { kind: 'update', text: 'Crime number issued.', policeReference: 'TVP-2' });
    expect(out.case.policeReference).toBe('TVP-2');
    expect(await count('SELECT COUNT(*) AS n FROM case_notes WHERE case_id = ?', caseId)).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM custody_events WHERE case_id = ? AND action = 'case_note_added'", caseId)).toBe(1);
  });

  it('refuses, and writes nothing, when an officer changed the crime number since the liaison read the case', async () => {
    const { s, p, caseId } = await referredCase();
    const read = (await getCase(env.DB, s.council.id, caseId))!;
    expect((await api(s.officer.token, `/cases/${caseId}`, { method: 'PATCH', json: { policeReference: 'TVP-OFFICER' } })).status).toBe(200);

    // Without the guard the custody event would say the number was TVP-1 before, and the officer's number would be lost.
    const err = await addCaseNote(env, p, read, { kind: 'update', text: 'Crime number issued.', policeReference: 'TVP-LIAISON' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'CONFLICT' });
    expect((await getCase(env.DB, s.council.id, caseId))?.policeReference).toBe('TVP-OFFICER');
    expect(await count('SELECT COUNT(*) AS n FROM case_notes WHERE case_id = ?', caseId)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM custody_events WHERE case_id = ? AND action = 'case_note_added'", caseId)).toBe(0);
  });
});
