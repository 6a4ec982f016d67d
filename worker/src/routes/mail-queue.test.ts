import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import type { MailQueuePage } from '@wardguard/shared/api/mail';
import { api, errorCode, seedCouncil } from '../../test/helpers.ts';
import { SEVERITY_RANK } from '../db/mail-records.ts';

type Sev = keyof typeof SEVERITY_RANK;

/** Rows straight into D1: hundreds of filings through the API would only test the classifier again. */
async function seedQueue(councilId: string, rows: { councillorId: string; severity: Sev; sender: string; receivedAt: string }[]) {
  const stmts: D1PreparedStatement[] = [];
  for (const [i, r] of rows.entries()) {
    const item = crypto.randomUUID();
    const verdict = JSON.stringify({ severity: r.severity, categories: [], scores: {}, evidence: [], version: 'test' });
    stmts.push(
      env.DB.prepare(
        `INSERT INTO evidence_items (id, council_id, councillor_id, kind, exhibit_ref, title, metadata, captured_at, captured_by, received_at, idempotency_key, manifest_sha256)
         VALUES (?, ?, ?, 'email', ?, 'q', '{}', ?, ?, ?, ?, ?)`,
      ).bind(item, councilId, r.councillorId, `Q/${i + 1}`, r.receivedAt, r.councillorId, r.receivedAt, `q-${item}`, '0'.repeat(64)),
      env.DB.prepare(
        `INSERT INTO mail_records (id, council_id, councillor_id, mailbox, message_id, source_sha256, source_size, item_id, sender, recipients, subject, sent_at, received_at, verdict, severity, severity_rank, state, created_at)
         VALUES (?, ?, ?, 'box@council.example', ?, ?, 100, ?, ?, 'box@council.example', ?, ?, ?, ?, ?, ?, 'quarantined', ?)`,
      ).bind(
        crypto.randomUUID(),
        councilId,
        r.councillorId,
        `<${item}@q>`,
        '0'.repeat(64),
        item,
        r.sender,
        `message ${i}`,
        r.receivedAt,
        r.receivedAt,
        verdict,
        r.severity,
        SEVERITY_RANK[r.severity],
        r.receivedAt,
      ),
    );
  }
  for (let i = 0; i < stmts.length; i += 200) await env.DB.batch(stmts.slice(i, i + 200));
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1) + minute * 60_000).toISOString();

describe('the review queue past its first page', () => {
  it('filters in the database, so a message behind 520 others is found, and counts every match', async () => {
    const s = await seedCouncil();
    const crowd = Array.from({ length: 520 }, (_, i) => ({
      councillorId: s.alice.id,
      severity: 'abuse' as Sev,
      sender: `Crowd ${i} <c${i}@example.net>`,
      receivedAt: at(i),
    }));
    // Profanity sorts after every abuse message, and Bob's is the only one for him.
    await seedQueue(s.council.id, [...crowd, { councillorId: s.bob.id, severity: 'profanity', sender: 'Nee Dle <NEEDLE@example.net>', receivedAt: at(0) }]);

    const all = (await (await api(s.officer.token, '/mail/queue?limit=500')).json()) as MailQueuePage;
    expect(all.records).toHaveLength(500);
    expect(all.total).toBe(521);
    expect(all.records.some((r) => r.councillorId === s.bob.id)).toBe(false);

    for (const query of [`councillorId=${s.bob.id}`, 'severity=profanity', 'sender=needle@']) {
      const page = (await (await api(s.officer.token, `/mail/queue?${query}`)).json()) as MailQueuePage;
      expect({ query, total: page.total, senders: page.records.map((r) => r.from) }).toEqual({ query, total: 1, senders: ['Nee Dle <NEEDLE@example.net>'] });
    }
    const none = (await (await api(s.officer.token, '/mail/queue?state=kept')).json()) as MailQueuePage;
    expect(none).toEqual({ records: [], total: 0, nextCursor: null });
  });

  it('pages through the whole queue in severity-then-age order, threats first, each message once', async () => {
    const s = await seedCouncil();
    await seedQueue(s.council.id, [
      ...Array.from({ length: 9 }, (_, i) => ({
        councillorId: s.alice.id,
        severity: (['abuse', 'profanity', 'review'] as Sev[])[i % 3]!,
        sender: `s${i}@example.net`,
        receivedAt: at(i),
      })),
      { councillorId: s.alice.id, severity: 'threat_to_life', sender: 'late@example.net', receivedAt: at(100) },
      { councillorId: s.alice.id, severity: 'threat', sender: 'later@example.net', receivedAt: at(200) },
    ]);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await api(s.officer.token, `/mail/queue?limit=4${after ? `&after=${after}` : ''}`);
      const page = (await res.json()) as MailQueuePage;
      expect(page.total).toBe(11);
      seen.push(...page.records.map((r) => `${r.severity} ${r.receivedAt}`));
      after = page.nextCursor;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    const expected = [...seen].sort((a, b) => {
      const [sa, ta] = a.split(' ') as [Sev, string];
      const [sb, tb] = b.split(' ') as [Sev, string];
      return SEVERITY_RANK[sa] - SEVERITY_RANK[sb] || ta.localeCompare(tb);
    });
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(11);
    expect(seen.slice(0, 2).map((x) => x.split(' ')[0])).toEqual(['threat_to_life', 'threat']);
  });

  it('refuses filters it does not understand instead of silently showing everything', async () => {
    const s = await seedCouncil();
    for (const bad of ['state=gone', 'severity=awful', 'limit=501', 'limit=0', 'after=not-a-cursor']) {
      const res = await api(s.officer.token, `/mail/queue?${bad}`);
      expect({ bad, status: res.status, code: await errorCode(res) }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});
