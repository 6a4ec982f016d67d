import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceView, ExportView, LiaisonCaseSummary, LiaisonCaseView } from '@wardguard/shared';
import { actor, api, errorCode, seedCouncil, type Actor } from '../../test/helpers.ts';
import { captureOn, openPack, seedCaseForExport } from '../../test/export-helpers.ts';

type Seed = Awaited<ReturnType<typeof seedCouncil>>;
let s: Seed;
let referred: Awaited<ReturnType<typeof seedCaseForExport>>;
let liaison: Actor;
let otherLiaison: Actor;
/** Bob's case, never referred: same council, same councillor type, invisible to the liaison. */
let unreferred: { caseId: string; itemId: string; perpetratorId: string };

const refer = (by: Actor, caseId: string, liaisonId: string, policeReference?: string) =>
  api(by.token, '/referrals', { method: 'POST', json: { caseId, liaisonId, ...(policeReference ? { policeReference } : {}) } });

const json = async <T>(res: Response): Promise<T> => {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

const custodyOf = async (actorId: string) =>
  (
    await env.DB.prepare('SELECT action, item_id, case_id, details FROM custody_events WHERE actor_id = ? ORDER BY seq')
      .bind(actorId)
      .all<{ action: string; item_id: string | null; case_id: string | null; details: string }>()
  ).results;

beforeEach(async () => {
  s = await seedCouncil();
  referred = await seedCaseForExport(s);
  liaison = await actor(s.council.id, 'PC Lee Liaison', 'liaison');
  otherLiaison = await actor(s.council.id, 'DC Other Force', 'liaison');
  const bobsCase = await json<{ id: string }>(
    await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Bob: unreferred', councillorId: s.bob.id } }),
  );
  const perp = await json<{ id: string }>(await api(s.officer.token, '/perpetrators', { method: 'POST', json: { displayName: 'Somebody Else' } }));
  const bobItem = await captureOn(s.bob, 'x', { caseId: bobsCase.id, postId: '9001', seed: 11 });
  await json(await api(s.officer.token, `/evidence/${bobItem.receipt.itemId}`, { method: 'PATCH', json: { perpetratorId: perp.id } }));
  unreferred = { caseId: bobsCase.id, itemId: bobItem.receipt.itemId, perpetratorId: perp.id };
  expect((await refer(s.officer, referred.caseId, liaison.id, 'TVP-43260001234')).status).toBe(201);
});

describe('police liaison: what they can open', () => {
  it('lists only the cases referred to them, with the police reference and the councillor it concerns', async () => {
    const { cases } = await json<{ cases: LiaisonCaseSummary[] }>(await api(liaison.token, '/liaison/cases'));
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ case: { id: referred.caseId, status: 'referred', policeReference: 'TVP-43260001234' }, councillorName: 'Alice Brown' });
    // Referred to someone else is not referred to you.
    expect((await json<{ cases: unknown[] }>(await api(otherLiaison.token, '/liaison/cases'))).cases).toEqual([]);
    expect((await api(otherLiaison.token, `/liaison/cases/${referred.caseId}`)).status).toBe(404);
  });

  it('shows the case with its evidence, the people linked to that evidence and nothing about other people', async () => {
    const view = await json<LiaisonCaseView>(await api(liaison.token, `/liaison/cases/${referred.caseId}`));
    expect(view.case.id).toBe(referred.caseId);
    expect(new Set(view.evidence.map((i) => i.caseId))).toEqual(new Set([referred.caseId]));
    // Three captures, the filed email and the diary entry.
    expect(view.evidence).toHaveLength(5);
    expect(view.evidence.map((i) => i.id)).not.toContain(unreferred.itemId);
    expect(view.perpetrators.map((p) => p.id)).toEqual([referred.perpetratorId]);
    expect(view.perpetrators[0]).toEqual({
      id: referred.perpetratorId,
      displayName: 'The Troll',
      aliases: [],
      handles: [{ platform: 'x', handle: '@troll', accountId: '1234567890' }],
      emails: ['angry@example.net'],
    });
    expect(view.perpetrators[0]).not.toHaveProperty('notes');
  });

  it('answers 404, not 403, for every case, item, file or pack outside their referrals', async () => {
    const otherCouncilCase = await json<{ id: string }>(
      await api(s.otherOfficer.token, '/cases', { method: 'POST', json: { title: 'Elsewhere', councillorId: s.otherCouncillor.id } }),
    );
    const bobArtifact = (await json<EvidenceView>(await api(s.officer.token, `/evidence/${unreferred.itemId}`))).artifacts[0]!.id;
    const paths = [
      `/liaison/cases/${unreferred.caseId}`,
      `/liaison/cases/${otherCouncilCase.id}`,
      `/liaison/cases/no-such-case`,
      // An unreferred item asked for through the referred case, and through its own case.
      `/liaison/cases/${referred.caseId}/evidence/${unreferred.itemId}`,
      `/liaison/cases/${unreferred.caseId}/evidence/${unreferred.itemId}`,
      `/liaison/cases/${referred.caseId}/evidence/${unreferred.itemId}/artifacts/${bobArtifact}`,
      `/liaison/cases/${referred.caseId}/evidence/${referred.x1.receipt.itemId}/artifacts/${bobArtifact}`,
      `/liaison/cases/${referred.caseId}/packs/no-such-pack/pack.zip`,
    ];
    for (const path of paths) {
      const res = await api(liaison.token, path);
      expect(res.status, path).toBe(404);
      expect(await errorCode(res), path).toBe('NOT_FOUND');
    }
    const note = await api(liaison.token, `/liaison/cases/${unreferred.caseId}/notes`, { method: 'POST', json: { kind: 'note', text: 'sneaky' } });
    expect(note.status).toBe(404);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM case_notes').first<{ n: number }>())?.n).toBe(0);
  });

  it('loses the case the moment the referral is withdrawn', async () => {
    const { referrals } = await json<{ referrals: { id: string }[] }>(await api(s.officer.token, `/referrals?caseId=${referred.caseId}`));
    expect((await api(s.officer.token, `/referrals/${referrals[0]!.id}/withdraw`, { method: 'POST' })).status).toBe(200);
    expect((await json<{ cases: unknown[] }>(await api(liaison.token, '/liaison/cases'))).cases).toEqual([]);
    expect((await api(liaison.token, `/liaison/cases/${referred.caseId}`)).status).toBe(404);
    expect((await api(liaison.token, `/liaison/cases/${referred.caseId}/evidence/${referred.x1.receipt.itemId}`)).status).toBe(404);
  });

  it('keeps them out of the queue, other cases, evidence, perpetrators, users, tokens, council settings and exports', async () => {
    const mine = referred.x1.receipt.itemId;
    const refused: [string, string, unknown?][] = [
      ['GET', '/mail/queue'],
      ['GET', '/mail/records/anything'],
      ['GET', '/cases'],
      // Even the referred case and its evidence: only through /liaison, where it is scoped and logged.
      ['GET', `/cases/${referred.caseId}`],
      ['PATCH', `/cases/${referred.caseId}`, { status: 'closed' }],
      ['GET', '/evidence'],
      ['GET', `/evidence/${mine}`],
      ['GET', `/evidence/${unreferred.itemId}`],
      ['POST', '/evidence', {}],
      ['GET', '/perpetrators'],
      ['GET', `/perpetrators/${referred.perpetratorId}`],
      ['GET', `/perpetrators/${unreferred.perpetratorId}`],
      ['GET', '/users'],
      ['POST', '/users', { name: 'Me Too', role: 'officer' }],
      ['GET', `/users/${liaison.id}/tokens`],
      ['GET', '/councillors'],
      ['GET', '/council'],
      ['GET', '/exports'],
      ['GET', '/custody'],
      ['GET', `/custody?itemId=${mine}`],
      ['GET', '/custody/verify'],
      ['GET', '/referrals/liaisons'],
      ['POST', '/referrals', { caseId: unreferred.caseId, liaisonId: liaison.id }],
      ['GET', '/diary'],
      ['GET', '/templates'],
      ['GET', '/replies'],
      ['GET', '/digest'],
      ['GET', '/labels'],
    ];
    for (const [method, path, body] of refused) {
      const res = await api(liaison.token, path, { method, ...(body === undefined ? {} : { json: body }) });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await errorCode(res), `${method} ${path}`).toBe('FORBIDDEN');
    }
    expect(await json(await api(liaison.token, '/me'))).toMatchObject({ userId: liaison.id, role: 'liaison', councilId: s.council.id });
    // Officers' routes are closed to a liaison; the liaison's routes are closed to everyone else.
    for (const other of [s.officer, s.admin, s.alice, s.service]) expect((await api(other.token, '/liaison/cases')).status).toBe(403);
  });

  it('can revoke their own token but no one else’s', async () => {
    expect((await api(liaison.token, `/tokens/${s.officer.tokenId}`, { method: 'DELETE' })).status).toBe(404);
    expect((await api(liaison.token, `/tokens/${liaison.tokenId}`, { method: 'DELETE' })).status).toBe(200);
    expect((await api(liaison.token, '/liaison/cases')).status).toBe(401);
  });
});

describe('police liaison: evidence, packs and notes', () => {
  it('reads and downloads evidence of the referred case, hash-checked', async () => {
    const item = await json<EvidenceView>(await api(liaison.token, `/liaison/cases/${referred.caseId}/evidence/${referred.x1.receipt.itemId}`));
    const art = item.artifacts.find((a) => a.name === 'viewport.png')!;
    const file = await api(liaison.token, `/liaison/cases/${referred.caseId}/evidence/${item.id}/artifacts/${art.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('x-wardguard-sha256')).toBe(art.sha256);
    expect(file.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
    expect(digest).toBe(art.sha256);
    // The quarantined email the officers filed to the case goes to the police with the rest.
    expect((await api(liaison.token, `/liaison/cases/${referred.caseId}/evidence/${referred.emailItemId}`)).status).toBe(200);
  });

  it('lists and downloads only police packs of the whole referred case', async () => {
    const prepare = async (body: unknown) => json<ExportView>(await api(s.officer.token, '/exports', { method: 'POST', json: body }));
    const recipient = 'PC Lee Liaison';
    const casePack = await prepare({ scope: { kind: 'case', id: referred.caseId }, variant: 'police', recipient });
    const platformPack = await prepare({ scope: { kind: 'case', id: referred.caseId }, variant: 'platform', platform: 'x', recipient: 'X' });
    const personPack = await prepare({ scope: { kind: 'perpetrator', id: unreferred.perpetratorId }, variant: 'police', recipient });
    const bobsPack = await prepare({ scope: { kind: 'case', id: unreferred.caseId }, variant: 'police', recipient });

    const view = await json<LiaisonCaseView>(await api(liaison.token, `/liaison/cases/${referred.caseId}`));
    expect(view.packs.map((p) => p.id)).toEqual([casePack.id]);
    expect(view.packs[0]!.downloadUrl).toBe(`/api/v1/liaison/cases/${referred.caseId}/packs/${casePack.id}/pack.zip`);
    for (const other of [platformPack, personPack, bobsPack]) {
      expect((await api(liaison.token, `/liaison/cases/${referred.caseId}/packs/${other.id}/pack.zip`)).status, other.scope.title).toBe(404);
      expect((await api(liaison.token, `/exports/${other.id}/pack.zip`)).status).toBe(403);
    }

    const zip = await api(liaison.token, `/liaison/cases/${referred.caseId}/packs/${casePack.id}/pack.zip`);
    expect(zip.status).toBe(200);
    const pack = openPack(new Uint8Array(await zip.arrayBuffer()));
    expect(pack.manifest.files.length).toBeGreaterThan(0);
    await expect.poll(async () => (await custodyOf(liaison.id)).map((e) => e.action)).toContain('export_completed');

    // A pack frozen before an item left the case would now reach beyond the referral.
    await json(await api(s.officer.token, `/evidence/${referred.fb.receipt.itemId}`, { method: 'PATCH', json: { caseId: null } }));
    expect((await json<LiaisonCaseView>(await api(liaison.token, `/liaison/cases/${referred.caseId}`))).packs).toEqual([]);
    expect((await api(liaison.token, `/liaison/cases/${referred.caseId}/packs/${casePack.id}/pack.zip`)).status).toBe(404);
  });

  it('adds a note and an update with the crime number, which the officers then see on the case', async () => {
    const note = await api(liaison.token, `/liaison/cases/${referred.caseId}/notes`, {
      method: 'POST',
      json: { kind: 'note', text: 'Spoke to the councillor by phone.' },
    });
    expect(note.status).toBe(201);
    const update = await json<{ case: { policeReference: string } }>(
      await api(liaison.token, `/liaison/cases/${referred.caseId}/notes`, {
        method: 'POST',
        json: { kind: 'update', text: 'Suspect interviewed under caution.', policeReference: 'TVP-43260009999' },
      }),
    );
    expect(update.case.policeReference).toBe('TVP-43260009999');
    const staff = await json<{ notes: { kind: string; text: string; authorName: string }[] }>(
      await api(s.officer.token, `/referrals?caseId=${referred.caseId}`),
    );
    expect(staff.notes.map((n) => [n.kind, n.text, n.authorName])).toEqual([
      ['note', 'Spoke to the councillor by phone.', 'PC Lee Liaison'],
      ['update', 'Suspect interviewed under caution.', 'PC Lee Liaison'],
    ]);
    expect(await json(await api(s.officer.token, `/cases/${referred.caseId}`))).toMatchObject({ policeReference: 'TVP-43260009999' });
    const bad = await api(liaison.token, `/liaison/cases/${referred.caseId}/notes`, { method: 'POST', json: { kind: 'gossip', text: 'x' } });
    expect(await errorCode(bad)).toBe('VALIDATION_FAILED');
  });

  it('puts every read, download and note of theirs in the custody log, and the chain still verifies', async () => {
    const itemId = referred.x1.receipt.itemId;
    await json(await api(liaison.token, '/liaison/cases'));
    const view = await json<LiaisonCaseView>(await api(liaison.token, `/liaison/cases/${referred.caseId}`));
    const item = await json<EvidenceView>(await api(liaison.token, `/liaison/cases/${referred.caseId}/evidence/${itemId}`));
    await (await api(liaison.token, `/liaison/cases/${referred.caseId}/evidence/${itemId}/artifacts/${item.artifacts[0]!.id}`)).arrayBuffer();
    await json(await api(liaison.token, `/liaison/cases/${referred.caseId}/notes`, { method: 'POST', json: { kind: 'note', text: 'Received.' } }));

    const events = await custodyOf(liaison.id);
    expect(events.map((e) => e.action)).toEqual(['liaison_cases_listed', 'case_viewed', 'viewed', 'downloaded', 'case_note_added']);
    expect(events.map((e) => e.case_id)).toEqual([null, referred.caseId, referred.caseId, referred.caseId, referred.caseId]);
    expect(events.map((e) => e.item_id)).toEqual([null, null, itemId, itemId, null]);
    expect(JSON.parse(events[0]!.details)).toEqual({ caseIds: [referred.caseId] });
    expect(JSON.parse(events[1]!.details)).toEqual({ items: view.evidence.length, packs: 0 });
    expect(JSON.parse(events[4]!.details)).toMatchObject({ kind: 'note', text: 'Received.' });
    // The officer's referral is in the log too, against the case.
    const referral = await custodyOf(s.officer.id);
    expect(referral.filter((e) => e.action === 'case_referred').map((e) => [e.case_id, JSON.parse(e.details).liaisonId])).toEqual([
      [referred.caseId, liaison.id],
    ]);
    // Refused requests change nothing and log nothing.
    await api(liaison.token, `/liaison/cases/${unreferred.caseId}`);
    await api(liaison.token, '/mail/queue');
    expect(await custodyOf(liaison.id)).toHaveLength(5);
    expect(await json(await api(s.officer.token, '/custody/verify'))).toMatchObject({ ok: true });
  });
});
