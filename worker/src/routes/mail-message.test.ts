import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import type { FileMailResult } from '@wardguard/shared/api/mail';
import type { MailMessageView } from '@wardguard/shared/api/mail-message';
import { api, errorCode, seedCouncil } from '../../test/helpers.ts';
import { fileForm, filingFor, fileMessage } from '../../test/mail-helpers.ts';

const ABUSE = 'You are a useless fucking idiot';

async function custodyOf(itemId: string) {
  const { results } = await env.DB.prepare('SELECT action, details FROM custody_events WHERE item_id = ? ORDER BY seq').bind(itemId).all<{
    action: string;
    details: string;
  }>();
  return results;
}

describe('opening a filed message', () => {
  it('gives the record and the parsed original in one request, recorded as one custody event naming the file', async () => {
    const s = await seedCouncil();
    const { res, record } = await fileMessage(s.service.token, s.alice.id, { subject: 'About the bins', body: ABUSE });
    const filed = (await res.json()) as FileMailResult;

    const opened = await api(s.officer.token, `/mail/records/${filed.recordId}/message`);
    expect(opened.status).toBe(200);
    const view = (await opened.json()) as MailMessageView;
    expect(view.record).toMatchObject({ id: filed.recordId, state: 'quarantined', subject: 'About the bins' });
    expect(view.source.text).toContain(ABUSE);
    expect(view.source.sha256).toBe(record.sourceSha256);
    expect(view.source.headers.find((h) => h.key === 'subject')?.value).toBe('About the bins');

    const custody = await custodyOf(view.record.itemId);
    expect(custody.map((e) => e.action)).toEqual(['captured', 'uploaded', 'mail_quarantined', 'viewed']);
    expect(JSON.parse(custody[3]!.details)).toMatchObject({ mailRecordId: filed.recordId, sha256: record.sourceSha256 });
  });

  it('refuses to show an original whose stored bytes changed, and logs the failed check instead of a view', async () => {
    const s = await seedCouncil();
    const { res } = await fileMessage(s.service.token, s.alice.id, { subject: 'x', body: ABUSE });
    const filed = (await res.json()) as FileMailResult;
    const row = await env.DB.prepare('SELECT a.item_id, a.r2_key FROM artifacts a JOIN mail_records r ON r.item_id = a.item_id WHERE r.id = ?')
      .bind(filed.recordId)
      .first<{ item_id: string; r2_key: string }>();
    const stored = new Uint8Array(await (await env.EVIDENCE.get(row!.r2_key))!.arrayBuffer());
    stored[stored.length - 3] = 0x21;
    await env.EVIDENCE.put(row!.r2_key, stored);

    const opened = await api(s.officer.token, `/mail/records/${filed.recordId}/message`);
    expect(opened.status).toBe(503);
    expect(await errorCode(opened)).toBe('STORAGE_FAILED');
    expect((await custodyOf(row!.item_id)).map((e) => e.action)).toEqual(['captured', 'uploaded', 'mail_quarantined', 'integrity_failed']);
  });

  it('opens a message the parser refuses (nested past its limit) with its headers and no text, still as one view', async () => {
    const s = await seedCouncil();
    const messageId = `<${crypto.randomUUID()}@example.net>`;
    let part = ['Content-Type: text/plain; charset=utf-8', '', ABUSE].join('\r\n');
    for (let i = 60; i > 0; i--) part = [`Content-Type: multipart/mixed; boundary="n${i}"`, '', `--n${i}`, part, `--n${i}--`].join('\r\n');
    const eml = new TextEncoder().encode(
      ['From: angry@example.net', 'Subject: layers', `Message-ID: ${messageId}`, 'MIME-Version: 1.0', part, ''].join('\r\n'),
    );
    const filing = { ...(await filingFor(s.alice.id, eml, { messageId, subject: 'layers', body: '' })), unreadable: 'PARSE_FAILED: too deep' };
    const res = await api(s.service.token, '/mail/service/messages', { method: 'POST', body: fileForm(filing, eml) });
    expect(res.status).toBe(201);
    const { recordId } = (await res.json()) as FileMailResult;

    const opened = await api(s.officer.token, `/mail/records/${recordId}/message`);
    expect(opened.status).toBe(200);
    const view = (await opened.json()) as MailMessageView;
    expect(view.source).toMatchObject({ text: '', html: null, attachments: [] });
    expect(view.source.headers.find((h) => h.key === 'subject')?.value).toBe('layers');
    expect((await custodyOf(view.record.itemId)).filter((e) => e.action === 'viewed')).toHaveLength(1);
  });

  it('is for officers only: a councillor, the mail filter and another council get nothing', async () => {
    const s = await seedCouncil();
    const { res } = await fileMessage(s.service.token, s.alice.id, { subject: 'x', body: ABUSE });
    const filed = (await res.json()) as FileMailResult;
    expect((await api(s.alice.token, `/mail/records/${filed.recordId}/message`)).status).toBe(403);
    expect((await api(s.service.token, `/mail/records/${filed.recordId}/message`)).status).toBe(403);
    expect((await api(s.otherOfficer.token, `/mail/records/${filed.recordId}/message`)).status).toBe(404);
  });
});
