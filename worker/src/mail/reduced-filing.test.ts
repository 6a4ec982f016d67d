import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { sha256Hex } from '@wardguard/shared';
import type { FileMail, FileMailResult, MailRecordView } from '@wardguard/shared/api/mail';
import { api, errorCode, seedCouncil } from '../../test/helpers.ts';
import { fileForm, filingFor, rawEmail } from '../../test/mail-helpers.ts';

const THREAT_TO_LIFE = 'I am going to kill you, you will be dead by Friday';

/** A message too large to file, and the reduced copy the filter sends in its place. */
async function reducedFiling(councillorId: string) {
  const messageId = `<${crypto.randomUUID()}@example.net>`;
  const original = rawEmail({ messageId, subject: 'You', body: `${THREAT_TO_LIFE}\r\n${'x'.repeat(4096)}` });
  const copy = rawEmail({ messageId, subject: 'You', body: `${THREAT_TO_LIFE}\r\n[Wardguard] This part of the message was too large… big.bin` });
  const part = { name: 'big.bin', mediaType: 'application/octet-stream', size: 4096, sha256: 'a'.repeat(64) };
  const record: FileMail = {
    ...(await filingFor(councillorId, original, { messageId, subject: 'You', body: THREAT_TO_LIFE })),
    reduced: { emlSha256: await sha256Hex(copy), emlSize: copy.byteLength, parts: [part] },
  };
  return { record, original, copy, part };
}

describe('filing a reduced copy of a message too large to file whole', () => {
  it('stores the copy under its own hash, keeps the original hash on the record, says so in custody, and alerts a threat to life', async () => {
    const s = await seedCouncil();
    const { record, original, copy, part } = await reducedFiling(s.alice.id);
    const res = await api(s.service.token, '/mail/service/messages', { method: 'POST', body: fileForm(record, copy) });
    expect(res.status).toBe(201);
    const result = (await res.json()) as FileMailResult;
    expect(result.alertId).not.toBeNull();

    const view = (await (await api(s.officer.token, `/mail/records/${result.recordId}`)).json()) as MailRecordView;
    expect(view).toMatchObject({ sourceSha256: await sha256Hex(original), sourceSize: original.byteLength, severity: 'threat_to_life' });
    const item = (await (await api(s.officer.token, `/evidence/${view.itemId}`)).json()) as {
      artifacts: Array<{ id: string; sha256: string; size: number }>;
      metadata: Record<string, unknown>;
    };
    expect(item.artifacts).toEqual([expect.objectContaining({ sha256: record.reduced!.emlSha256, size: copy.byteLength })]);
    expect(item.metadata.reduced).toEqual({ originalSha256: record.sourceSha256, originalSize: record.sourceSize, replacedParts: 1 });
    // The stored copy downloads, its integrity checked against the copy's own hash.
    const download = await api(s.officer.token, `/evidence/${view.itemId}/artifacts/${item.artifacts[0]!.id}`);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(copy);

    const events = await env.DB.prepare('SELECT action, details FROM custody_events WHERE item_id = ? ORDER BY seq')
      .bind(view.itemId)
      .all<{ action: string; details: string }>();
    const details = (action: string) => JSON.parse(events.results.find((e) => e.action === action)!.details) as Record<string, unknown>;
    expect(details('mail_quarantined').reduced).toEqual({
      originalSha256: record.sourceSha256,
      originalSize: record.sourceSize,
      // No file names in custody: they are the sender's words, and the councillor can read custody.
      parts: [{ mediaType: part.mediaType, size: part.size, sha256: part.sha256 }],
    });
    expect(details('uploaded').artifacts).toEqual([{ name: 'message.eml', sha256: record.reduced!.emlSha256, size: copy.byteLength, reduced: true }]);

    // Filed again (a restart, the spool): the same record.
    const again = await api(s.service.token, '/mail/service/messages', { method: 'POST', body: fileForm(record, copy) });
    expect(await again.json()).toMatchObject({ recordId: result.recordId, created: false });
  });

  it('refuses a copy that does not match the hash it declares, or a reduced note that lists nothing or too much', async () => {
    const s = await seedCouncil();
    const { record, copy, original } = await reducedFiling(s.alice.id);
    const post = (r: unknown, eml: Uint8Array) => api(s.service.token, '/mail/service/messages', { method: 'POST', body: fileForm(r, eml) });
    // The original's bytes under a reduced record: not the copy it declared.
    const wrong = await post(record, original);
    expect(wrong.status).toBe(422);
    expect(await errorCode(wrong)).toMatch(/SIZE_MISMATCH|HASH_MISMATCH/);
    for (const reduced of [
      { ...record.reduced!, parts: [] },
      { ...record.reduced!, emlSha256: 'not-a-hash' },
      { ...record.reduced!, parts: Array.from({ length: 1001 }, () => record.reduced!.parts[0]) },
      { ...record.reduced!, parts: [{ ...record.reduced!.parts[0], mediaType: 'x'.repeat(256) }] },
    ]) {
      const res = await post({ ...record, reduced }, copy);
      expect(res.status).toBe(400);
      expect(await errorCode(res)).toBe('VALIDATION_FAILED');
    }
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM mail_records WHERE message_id = ?').bind(record.messageId).first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });
});
