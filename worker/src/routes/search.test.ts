import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiaryView } from '@wardguard/shared';
import type { SearchPage, SearchResult } from '@wardguard/shared/api/search';
import { actor, api, errorCode, seedCouncil, type Actor } from '../../test/helpers.ts';
import { captureOn } from '../../test/export-helpers.ts';
import { fileMessage } from '../../test/mail-helpers.ts';

type Seed = Awaited<ReturnType<typeof seedCouncil>>;

const json = async <T>(res: Response): Promise<T> => {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

const search = (who: Actor, params: Record<string, string>) => api(who.token, `/search?${new URLSearchParams(params)}`);
const find = async (who: Actor, q: string, filters: Record<string, string> = {}) => (await json<SearchPage>(await search(who, { q, ...filters }))).results;
const ids = (results: SearchResult[]) => results.map((r) => r.id);
const matched = (r: SearchResult | undefined) => (r?.snippet ?? []).filter((p) => p.match).map((p) => p.text.toLowerCase());

/**
 * Alice's world, each record carrying a word found nowhere else: a case, a perpetrator, a capture,
 * a diary entry and a filed message; Bob and another council each have records with the same
 * words, which must never reach the wrong person.
 */
let s: Seed;
let liaison: Actor;
const r = {} as {
  caseId: string;
  perpId: string;
  captureId: string;
  captureRef: string;
  diaryId: string;
  recordId: string;
  mailItemId: string;
  bobCaptureId: string;
  otherCaseId: string;
};

beforeAll(async () => {
  s = await seedCouncil();
  liaison = await actor(s.council.id, 'PC Lee Liaison', 'liaison');
  r.caseId = (
    await json<{ id: string }>(
      await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Harassment by the zephyrine account', councillorId: s.alice.id } }),
    )
  ).id;
  await json(await api(s.officer.token, `/cases/${r.caseId}`, { method: 'PATCH', json: { policeReference: 'TVP-43260009876' } }));
  r.perpId = (
    await json<{ id: string }>(
      await api(s.officer.token, '/perpetrators', {
        method: 'POST',
        json: {
          displayName: 'Quentin Marlowe',
          aliases: ['Velvetfox'],
          handles: [{ platform: 'x', handle: '@grumblewick_99', accountId: '77008800' }],
          emails: ['nightowl.quill@example.net'],
          notes: 'Turns up at surgeries',
        },
      }),
    )
  ).id;
  const capture = await captureOn(s.alice, 'facebook', { caseId: r.caseId, postId: '4242', capturedAt: '2026-10-05T10:00:00.000Z' });
  r.captureId = capture.receipt.itemId;
  r.captureRef = capture.receipt.exhibitRef;
  const diary = await json<DiaryView>(
    await api(s.alice.token, '/diary', {
      method: 'POST',
      json: { occurredAt: '2026-10-07T18:00:00Z', whatHappened: 'A parked van with a tangerine roof waited outside.', impact: 'I felt watched.' },
    }),
  );
  r.diaryId = diary.itemId;
  const mail = await fileMessage(s.service.token, s.alice.id, {
    subject: 'About the planning meeting',
    body: 'Your decision on the marshmallow factory is a disgrace and so are you.',
    receivedAt: '2026-10-09T08:00:00.000Z',
  });
  r.recordId = (await json<{ recordId: string }>(mail.res)).recordId;
  r.mailItemId = (await json<{ itemId: string }>(await api(s.officer.token, `/mail/records/${r.recordId}`))).itemId;
  // The same words elsewhere: Bob's capture, and a case in another council.
  r.bobCaptureId = (await captureOn(s.bob, 'x', { postId: '5151', capturedAt: '2026-10-05T11:00:00.000Z', seed: 9 })).receipt.itemId;
  r.otherCaseId = (
    await json<{ id: string }>(
      await api(s.otherOfficer.token, '/cases', {
        method: 'POST',
        json: { title: 'Zephyrine and the marshmallow factory', councillorId: s.otherCouncillor.id },
      }),
    )
  ).id;
});

describe('search: an officer finds any record by a word from it', () => {
  it('finds a message by a word from its body, with the word marked and a link to the message', async () => {
    const [hit, ...rest] = await find(s.officer, 'marshmallow');
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ kind: 'message', id: r.recordId, title: 'About the planning meeting', state: 'quarantined', link: `#/message/${r.recordId}` });
    expect(matched(hit)).toEqual(['marshmallow']);
    expect(hit?.snippet.map((p) => p.text).join('')).toContain('factory is a disgrace');
    // …and by its subject, its sender's address and the start of a word.
    expect(ids(await find(s.officer, 'planning'))).toEqual([r.recordId]);
    expect(ids(await find(s.officer, 'angry@example.net'))).toContain(r.recordId);
    expect(ids(await find(s.officer, 'marshm'))).toEqual([r.recordId]);
  });

  it('finds a perpetrator by name, alias, handle, account id and e-mail address', async () => {
    for (const q of ['Marlowe', 'velvetfox', '@grumblewick_99', 'grumblewick_99', '77008800', 'nightowl.quill@example.net']) {
      const results = await find(s.officer, q);
      expect(ids(results), q).toEqual([r.perpId]);
      expect(results[0]?.link).toBe(`#/perpetrators/${r.perpId}`);
    }
  });

  it('finds a case by its title and its police reference', async () => {
    const [hit] = await find(s.officer, 'zephyrine');
    expect(hit).toMatchObject({ kind: 'case', id: r.caseId, state: 'open', link: `#/cases/${r.caseId}` });
    expect(ids(await find(s.officer, 'TVP-43260009876'))).toEqual([r.caseId]);
  });

  it("finds a capture by the post's text, its author and its exhibit reference, linking to its case", async () => {
    const results = await find(s.officer, 'regret councillor', { councillorId: s.alice.id });
    expect(ids(results)).toEqual([r.captureId]);
    expect(results[0]).toMatchObject({ kind: 'web_capture', exhibitRef: r.captureRef, caseId: r.caseId, link: `#/cases/${r.caseId}` });
    expect(ids(await find(s.officer, r.captureRef))).toEqual([r.captureId]);
    expect(ids(await find(s.officer, '4242'))).toEqual([r.captureId]);
    // Bob's capture in no case links to the evidence list, where it waits.
    expect((await find(s.officer, '5151'))[0]?.link).toBe('#/evidence');
  });

  it("finds a diary entry by its text, and by an earlier version's after an edit", async () => {
    expect(ids(await find(s.officer, 'tangerine'))).toEqual([r.diaryId]);
    await json(
      await api(s.alice.token, `/diary/${r.diaryId}`, {
        method: 'PUT',
        json: { occurredAt: '2026-10-07T18:00:00Z', whatHappened: 'A parked van with an orange roof waited outside.', impact: 'I felt watched.' },
      }),
    );
    const [now] = await find(s.officer, 'orange roof');
    expect(now).toMatchObject({ kind: 'diary', id: r.diaryId, link: `#/diary/${r.diaryId}` });
    expect(ids(await find(s.officer, 'tangerine'))).toEqual([r.diaryId]);
  });
});

describe('search: who sees what', () => {
  it('gives a councillor their own cases, captures and diary, never filed mail nor perpetrator records', async () => {
    expect(ids(await find(s.alice, 'zephyrine'))).toEqual([r.caseId]);
    expect(ids(await find(s.alice, 'tangerine'))).toEqual([r.diaryId]);
    expect(ids(await find(s.alice, 'regret councillor'))).toEqual([r.captureId]);
    // Her own quarantined message: officers read it, she does not.
    expect(await find(s.alice, 'marshmallow')).toEqual([]);
    expect(await find(s.alice, 'velvetfox')).toEqual([]);
  });

  it("never gives a councillor another councillor's records, whatever they ask for", async () => {
    expect(ids(await find(s.bob, 'regret councillor'))).toEqual([r.bobCaptureId]);
    expect(await find(s.bob, 'zephyrine')).toEqual([]);
    expect(ids(await find(s.bob, 'regret councillor', { councillorId: s.alice.id }))).toEqual([r.bobCaptureId]);
    expect(await find(s.bob, 'tangerine', { councillorId: s.alice.id })).toEqual([]);
  });

  it("never shows one council's records to another", async () => {
    expect(ids(await find(s.otherOfficer, 'zephyrine marshmallow'))).toEqual([r.otherCaseId]);
    expect(ids(await find(s.officer, 'zephyrine marshmallow'))).toEqual([]);
    for (const q of ['velvetfox', 'tangerine', 'regret', 'planning']) expect(await find(s.otherOfficer, q), q).toEqual([]);
    expect(await find(s.otherCouncillor, 'regret')).toEqual([]);
  });

  it('refuses a police liaison, the mail filter and anyone not signed in', async () => {
    const asLiaison = await search(liaison, { q: 'zephyrine' });
    expect(asLiaison.status).toBe(403);
    expect(await errorCode(asLiaison)).toBe('FORBIDDEN');
    expect((await search(s.service, { q: 'zephyrine' })).status).toBe(403);
    expect((await api(null, '/search?q=zephyrine')).status).toBe(401);
    // Nor may a councillor fill in message bodies from R2.
    expect((await api(s.alice.token, '/search/reindex-mail', { method: 'POST' })).status).toBe(403);
  });
});

describe('search: filters', () => {
  it('narrows by kind, councillor, severity, platform, case, state and date', async () => {
    const all = ids(await find(s.officer, 'regret'));
    expect(all).toEqual(expect.arrayContaining([r.captureId, r.bobCaptureId]));
    expect(ids(await find(s.officer, 'regret', { councillorId: s.bob.id }))).toEqual([r.bobCaptureId]);
    expect(ids(await find(s.officer, 'regret', { platform: 'facebook' }))).toEqual([r.captureId]);
    expect(ids(await find(s.officer, 'regret', { caseId: r.caseId }))).toEqual([r.captureId]);
    expect(ids(await find(s.officer, 'regret', { kind: 'web_capture', from: '2026-10-05', to: '2026-10-05' })).sort()).toEqual(
      [r.captureId, r.bobCaptureId].sort(),
    );
    expect(await find(s.officer, 'regret', { from: '2026-10-06' })).toEqual([]);
    expect(await find(s.officer, 'regret', { to: '2026-10-04' })).toEqual([]);
    expect(await find(s.officer, 'regret', { kind: 'case' })).toEqual([]);
    expect(ids(await find(s.officer, 'regret', { sort: 'newest' }))).toEqual([r.bobCaptureId, r.captureId]);
    const severity = (await find(s.officer, 'marshmallow'))[0]!.severity!;
    expect(ids(await find(s.officer, 'marshmallow', { severity }))).toEqual([r.recordId]);
    expect(await find(s.officer, 'marshmallow', { severity: severity === 'clean' ? 'abuse' : 'clean' })).toEqual([]);
    expect(ids(await find(s.officer, 'marshmallow', { platform: 'email', state: 'quarantined' }))).toEqual([r.recordId]);
    expect(ids(await find(s.officer, 'zephyrine', { state: 'open' }))).toEqual([r.caseId]);
    expect(ids(await find(s.officer, 'Marlowe', { councillorId: s.bob.id }))).toEqual([]);
    // Empty fields from the form mean "any".
    expect(ids(await find(s.officer, 'zephyrine', { kind: '', state: '', from: '' }))).toEqual([r.caseId]);
  });

  it('refuses filters it does not know, with the field named', async () => {
    const bads: Record<string, string>[] = [
      { severity: 'awful' },
      { from: '5 October' },
      { kind: 'everything' },
      { from: '2026-10-09', to: '2026-10-01' },
      { limit: '500' },
    ];
    for (const bad of bads) {
      const res = await search(s.officer, { q: 'regret', ...bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(await errorCode(res)).toBe('VALIDATION_FAILED');
    }
  });

  it('pages the results', async () => {
    const first = await json<SearchPage>(await search(s.officer, { q: 'regret', limit: '1' }));
    const second = await json<SearchPage>(await search(s.officer, { q: 'regret', limit: '1', offset: '1' }));
    expect(first.more).toBe(true);
    expect(second.more).toBe(false);
    expect(new Set([...ids(first.results), ...ids(second.results)]).size).toBe(2);
  });
});

describe('search: what people type', () => {
  it('never fails on search syntax, quotes or unusual characters', async () => {
    for (const q of [
      '"',
      '"zephyrine',
      'zephyrine"',
      'NEAR(',
      'NEAR(zephyrine',
      'zephyrine OR',
      'OR zephyrine',
      'AND',
      'NOT zephyrine',
      'title:zephyrine',
      'zephyrine*',
      '^zephyrine',
      '(zephyrine',
      'zephyrine)',
      '-zephyrine',
      '+',
      "'; DROP TABLE cases; --",
      'zéphyrine',
      '🙂 zephyrine',
      'ｚｅｐｈｙｒｉｎｅ',
      'zephyrine\u0000',
      '{title body}: x',
    ]) {
      const res = await search(s.officer, { q });
      expect([200, 400], q).toContain(res.status);
      if (res.status === 400) expect(await errorCode(res), q).toBe('VALIDATION_FAILED');
    }
    // Quoted and operator-laden words still find what they name; accents and case do not matter.
    for (const q of ['"zephyrine"', '(zephyrine)', 'zephyrine,', 'zéphyrine', 'ZEPHYRINE']) expect(ids(await find(s.officer, q)), q).toContain(r.caseId);
    // "OR" and "NEAR" are words like any other, not operators that widen the search.
    expect(await find(s.officer, 'zephyrine OR tangerine')).toEqual([]);
    expect(await find(s.officer, 'NEAR(zephyrine tangerine)')).toEqual([]);
    expect(ids(await find(s.officer, 'zephyrine'))).toEqual([r.caseId]);
  });

  it('answers 400 with a code for an empty, punctuation-only or too long query', async () => {
    for (const q of ['', '   ', '*', '"" -- ()', 'x'.repeat(201)]) {
      const res = await search(s.officer, { q });
      expect(res.status, q).toBe(400);
      expect(await errorCode(res)).toBe('VALIDATION_FAILED');
    }
    expect((await api(s.officer.token, '/search')).status).toBe(400);
  });
});

describe('search: kept in step with the records', () => {
  it('follows a renamed case, a corrected perpetrator and a decided message', async () => {
    const { id } = await json<{ id: string }>(
      await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Graffiti quokka', councillorId: s.bob.id } }),
    );
    expect(ids(await find(s.officer, 'quokka'))).toEqual([id]);
    await json(await api(s.officer.token, `/cases/${id}`, { method: 'PATCH', json: { title: 'Graffiti wombat', status: 'closed' } }));
    expect(await find(s.officer, 'quokka')).toEqual([]);
    expect(await find(s.officer, 'wombat')).toMatchObject([{ id, state: 'closed', title: 'Graffiti wombat' }]);

    await json(await api(s.officer.token, `/perpetrators/${r.perpId}`, { method: 'PATCH', json: { aliases: ['Silkbadger'] } }));
    expect(await find(s.officer, 'velvetfox')).toEqual([]);
    expect(ids(await find(s.officer, 'silkbadger'))).toEqual([r.perpId]);

    await json(
      await api(s.officer.token, `/mail/records/${r.recordId}/decision`, {
        method: 'POST',
        json: { decision: 'keep', reason: 'Kept as abuse for the case file.' },
      }),
    );
    expect(await find(s.officer, 'marshmallow', { state: 'quarantined' })).toEqual([]);
    expect(ids(await find(s.officer, 'marshmallow', { state: 'kept' }))).toEqual([r.recordId]);
  });

  it('moves a message into its case when it is filed there', async () => {
    expect(await find(s.officer, 'marshmallow', { caseId: r.caseId })).toEqual([]);
    await json(await api(s.officer.token, `/evidence/${r.mailItemId}`, { method: 'PATCH', json: { caseId: r.caseId } }));
    expect(ids(await find(s.officer, 'marshmallow', { caseId: r.caseId }))).toEqual([r.recordId]);
  });

  it('forgets a record that is deleted', async () => {
    const { id } = await json<{ id: string }>(
      await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Mistaken platypus', councillorId: s.bob.id } }),
    );
    expect(ids(await find(s.officer, 'platypus'))).toEqual([id]);
    await env.DB.prepare('DELETE FROM cases WHERE id = ?').bind(id).run();
    expect(await find(s.officer, 'platypus')).toEqual([]);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM search_docs WHERE kind = 'case' AND record_id = ?").bind(id).first<{ n: number }>()).toEqual({
      n: 0,
    });
  });

  it('leaves nothing in the index when a write rolls back', async () => {
    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM search_docs').first<{ n: number }>();
    // A case whose custody insert fails (a duplicate hash): the batch, and with it the index row, is undone.
    await expect(
      env.DB.batch([
        env.DB.prepare(
          "INSERT INTO cases (id, council_id, councillor_id, title, status, created_by, created_at, updated_at) VALUES ('rolled-back', ?, ?, 'Phantom aardvark', 'open', ?, '2026-10-01', '2026-10-01')",
        ).bind(s.council.id, s.alice.id, s.officer.id),
        env.DB.prepare('INSERT INTO write_guard (must_change) VALUES (NULL)'),
      ]),
    ).rejects.toThrow();
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM search_docs').first<{ n: number }>()).toEqual(before);
    expect(await find(s.officer, 'aardvark')).toEqual([]);
  });

  it("indexes a message's body later when it was filed before search existed", async () => {
    const mail = await fileMessage(s.service.token, s.bob.id, { subject: 'Old message', body: 'The gazebo incident was filed long ago.' });
    const { recordId } = await json<{ recordId: string }>(mail.res);
    // As migration 0015 leaves a message filed before it: the body not read yet.
    await env.DB.batch([
      env.DB.prepare("UPDATE search_fts SET body = '' WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'message' AND record_id = ?)").bind(recordId),
      env.DB.prepare("UPDATE search_docs SET body_pending = 1 WHERE kind = 'message' AND record_id = ?").bind(recordId),
    ]);
    expect(await find(s.officer, 'gazebo')).toEqual([]);
    const done = await json<{ indexed: number; remaining: number }>(await api(s.officer.token, '/search/reindex-mail', { method: 'POST' }));
    expect(done).toEqual({ indexed: 1, remaining: 0 });
    expect(ids(await find(s.officer, 'gazebo'))).toEqual([recordId]);
  });
});
