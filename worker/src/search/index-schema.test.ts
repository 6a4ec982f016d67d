import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { DiaryView } from '@wardguard/shared';
import { api, seedCouncil } from '../../test/helpers.ts';
import { captureOn } from '../../test/export-helpers.ts';
import { fileMessage } from '../../test/mail-helpers.ts';

/** Every trigger migration 0015 puts on a source table. A migration that rebuilds the table drops them. */
const SEARCH_TRIGGERS: Record<string, string[]> = {
  cases: ['search_case_insert', 'search_case_text', 'search_case_state', 'search_case_delete'],
  perpetrators: ['search_perpetrator_insert', 'search_perpetrator_text', 'search_perpetrator_delete'],
  evidence_items: ['search_item_insert', 'search_item_case', 'search_item_title', 'search_item_delete'],
  diary_versions: ['search_diary_version'],
  mail_records: ['search_mail_insert', 'search_mail_state', 'search_mail_delete'],
};

/** The index as rows to compare: each record with its filter columns and its three texts. */
async function snapshot(opts: { messageBody: boolean }) {
  const { results } = await env.DB.prepare(
    `SELECT d.kind, d.record_id, d.item_id, d.council_id, d.councillor_id, d.created_by, d.case_id, d.exhibit_ref, d.severity,
       d.platforms, d.state, d.at, f.title, f.body, f.other
     FROM search_docs d JOIN search_fts f ON f.rowid = d.id ORDER BY d.kind, d.record_id`,
  ).all<Record<string, unknown>>();
  // A message's body comes from its .eml at filing; the backfill can only wait for it.
  return results.map((r) => (r.kind === 'message' && !opts.messageBody ? { ...r, body: undefined } : r));
}

async function seedEverything() {
  const s = await seedCouncil();
  const kase = (await (await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Zephyrine harassment', councillorId: s.alice.id } })).json()) as {
    id: string;
  };
  await api(s.officer.token, `/cases/${kase.id}`, { method: 'PATCH', json: { policeReference: 'TVP-1', status: 'referred' } });
  await api(s.officer.token, '/perpetrators', {
    method: 'POST',
    json: {
      displayName: 'Quentin',
      aliases: ['Velvetfox'],
      handles: [{ platform: 'X', handle: '@grumble', accountId: '7' }],
      emails: ['q@example.net'],
      notes: 'n',
    },
  });
  await captureOn(s.alice, 'facebook', { caseId: kase.id, postId: '4242' });
  const diary = (await (
    await api(s.alice.token, '/diary', { method: 'POST', json: { occurredAt: '2026-10-07T18:00:00+01:00', whatHappened: 'Tangerine van', impact: 'Scared' } })
  ).json()) as DiaryView;
  await api(s.alice.token, `/diary/${diary.itemId}`, {
    method: 'PUT',
    json: { occurredAt: '2026-10-08T18:00:00Z', whatHappened: 'Orange van', impact: 'Scared' },
  });
  const mail = await fileMessage(s.service.token, s.alice.id, { subject: 'Planning', body: 'You idiot, the marshmallow factory' });
  const { recordId } = (await mail.res.json()) as { recordId: string };
  const record = (await (await api(s.officer.token, `/mail/records/${recordId}`)).json()) as { itemId: string };
  await api(s.officer.token, `/evidence/${record.itemId}`, { method: 'PATCH', json: { caseId: kase.id } });
  return s;
}

describe('the search index schema', () => {
  it('has every search trigger on every indexed table', async () => {
    const { results } = await env.DB.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'search_%'").all<{
      name: string;
      tbl_name: string;
    }>();
    const found: Record<string, string[]> = {};
    for (const t of results) (found[t.tbl_name] ??= []).push(t.name);
    for (const [table, names] of Object.entries(SEARCH_TRIGGERS)) expect((found[table] ?? []).sort(), table).toEqual([...names].sort());
  });

  it('backfills what was recorded before it exactly as its triggers index what is recorded after', async () => {
    await seedEverything();
    const byTriggers = await snapshot({ messageBody: false });
    expect(byTriggers.map((r) => r.kind).sort()).toEqual(['case', 'diary', 'message', 'perpetrator', 'web_capture']);
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0015_'));
    const backfill = (migration?.queries ?? []).map((q) => q.replace(/^\s*--.*$/gm, '').trim()).filter((q) => /^(INSERT INTO|UPDATE) search_/i.test(q));
    expect(backfill.length).toBeGreaterThan(0);
    await env.DB.batch([env.DB.prepare('DELETE FROM search_fts'), env.DB.prepare('DELETE FROM search_docs')]);
    await env.DB.batch(backfill.map((q) => env.DB.prepare(q)));
    expect(await snapshot({ messageBody: false })).toEqual(byTriggers);
    // What the backfill could not read (the message's body in R2) waits for /search/reindex-mail.
    expect(await env.DB.prepare("SELECT body_pending FROM search_docs WHERE kind = 'message'").first()).toEqual({ body_pending: 1 });
  });

  it('keeps dates as UTC and platforms as whole lower-case names', async () => {
    await seedEverything();
    const rows = await snapshot({ messageBody: true });
    expect(rows.find((r) => r.kind === 'diary')?.at).toBe('2026-10-08T18:00:00.000Z');
    expect(rows.find((r) => r.kind === 'perpetrator')?.platforms).toBe(' x ');
    expect(rows.find((r) => r.kind === 'web_capture')?.platforms).toBe(' facebook ');
    expect(rows.find((r) => r.kind === 'message')).toMatchObject({ platforms: ' email ', state: 'quarantined' });
  });

  it('never blocks a write over a value it cannot read (malformed JSON, nulls)', async () => {
    const s = await seedCouncil();
    const at = '2026-10-01T00:00:00Z';
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO perpetrators (id, council_id, display_name, aliases, handles, emails, created_by, created_at, updated_at) VALUES ('p-bad', ?, 'Broken', 'not json', '{\"x\":', '[1, null, {\"a\":2}]', ?, ?, ?)",
      ).bind(s.council.id, s.officer.id, at, at),
      env.DB.prepare(
        `INSERT INTO evidence_items (id, council_id, councillor_id, kind, exhibit_ref, title, metadata, captured_at, captured_by, received_at, idempotency_key, manifest_sha256)
         VALUES ('i-bad', ?, ?, 'web_capture', 'AB/99', 'Broken capture', '{"post": "text not an object", "platform": 7', 'not a date', ?, ?, 'k-bad', 'x')`,
      ).bind(s.council.id, s.alice.id, s.alice.id, at),
      env.DB.prepare(
        `INSERT INTO mail_records (id, council_id, councillor_id, mailbox, message_id, source_sha256, source_size, item_id, sender, recipients, subject, received_at, verdict, severity, severity_rank, state, created_at)
         VALUES ('m-bad', ?, ?, 'box', '<m@x>', 'x', 1, 'i-bad', 's', 'r', 'Broken message', ?, '{"evidence": "not a list", "bodyText": 5', 'review', 2, 'quarantined', ?)`,
      ).bind(s.council.id, s.alice.id, at, at),
      env.DB.prepare("UPDATE perpetrators SET handles = '[{\"platform\": null}]' WHERE id = 'p-bad'"),
    ]);
    const rows = (await snapshot({ messageBody: true })).filter((r) => ['p-bad', 'm-bad'].includes(String(r.record_id)));
    expect(rows.map((r) => [r.kind, r.title])).toEqual([
      ['message', 'Broken message'],
      ['perpetrator', 'Broken'],
    ]);
    expect(rows[0]?.at).toBe(at.replace('Z', '.000Z'));
  });
});
