import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { sha256Hex } from '@wardguard/shared';
import type { FileMail, FileMailResult, MailRecordView } from '@wardguard/shared/api/mail';
import { ORIGINAL_PART_MIN_BYTES, type UploadedPart } from '@wardguard/shared/api/mail-original';
import { actor, api, errorCode, seedCouncil } from '../../test/helpers.ts';
import { ABANDONED_AFTER_MS, abortAbandonedOriginals } from '../mail/abandoned-originals.ts';
import { fileForm, filingFor, rawEmail } from '../../test/mail-helpers.ts';

const THREAT_TO_LIFE = 'I am going to kill you, you will be dead by Friday';
// miniflare's R2, like R2, refuses parts under 5 MiB (but the last), so the original is just over one part.
const PART = ORIGINAL_PART_MIN_BYTES;

/** A message one byte-pattern attachment too large to file, filed as its reduced copy. */
async function fileReduced(serviceToken: string, councillorId: string, opts: { originalBytes?: number; declaredSize?: number } = {}) {
  const messageId = `<${crypto.randomUUID()}@example.net>`;
  const head = rawEmail({ messageId, subject: 'You', body: THREAT_TO_LIFE });
  const original = new Uint8Array(opts.originalBytes ?? PART + 100_000);
  original.set(head);
  for (let i = head.byteLength; i < original.byteLength; i++) original[i] = 65 + (i % 26);
  const copy = rawEmail({ messageId, subject: 'You', body: `${THREAT_TO_LIFE}\r\n[Wardguard] replaced: big.bin` });
  const record: FileMail = {
    ...(await filingFor(councillorId, original, { messageId, subject: 'You', body: THREAT_TO_LIFE })),
    reduced: {
      emlSha256: await sha256Hex(copy),
      emlSize: copy.byteLength,
      parts: [{ name: 'big.bin', mediaType: 'application/octet-stream', size: 1, sha256: 'a'.repeat(64) }],
    },
  };
  if (opts.declaredSize !== undefined) record.sourceSize = opts.declaredSize;
  const res = await api(serviceToken, '/mail/service/messages', { method: 'POST', body: fileForm(record, copy) });
  expect(res.status).toBe(201);
  return { record, original, result: (await res.json()) as FileMailResult };
}

interface Started {
  uploadId: string;
  partBytes: number;
  partCount: number;
}

const start = (token: string, recordId: string, partBytes = PART) =>
  api(token, `/mail/service/records/${recordId}/original`, { method: 'POST', json: { partBytes } });
const putPart = (token: string, recordId: string, uploadId: string, n: number, bytes: Uint8Array) =>
  api(token, `/mail/service/records/${recordId}/original/parts/${n}?upload=${uploadId}`, { method: 'PUT', body: bytes });
const complete = (token: string, recordId: string, uploadId: string, parts: UploadedPart[]) =>
  api(token, `/mail/service/records/${recordId}/original/complete?upload=${uploadId}`, { method: 'POST', json: { parts } });

/** Sends `bytes` as the parts the start asked for; returns what complete answered. */
async function upload(token: string, recordId: string, bytes: Uint8Array): Promise<Response> {
  const started = (await (await start(token, recordId)).json()) as Started;
  const parts: UploadedPart[] = [];
  for (let n = 1; n <= started.partCount; n++) {
    const res = await putPart(token, recordId, started.uploadId, n, bytes.subarray((n - 1) * started.partBytes, n * started.partBytes));
    expect(res.status).toBe(200);
    parts.push((await res.json()) as UploadedPart);
  }
  return complete(token, recordId, started.uploadId, parts);
}

const originals = () => env.EVIDENCE.list({ prefix: 'originals/' }).then((l) => l.objects.map((o) => o.key));

describe('keeping the whole original of a reduced message in R2', () => {
  it('takes the original in parts, checks its SHA-256 against the record, logs custody, and lets an officer download it', async () => {
    const s = await seedCouncil();
    const { record, original, result } = await fileReduced(s.service.token, s.alice.id);

    const res = await start(s.service.token, result.recordId);
    expect(res.status).toBe(201);
    const started = (await res.json()) as Started & { size: number; sha256: string };
    expect(started).toMatchObject({ partBytes: PART, partCount: 2, size: original.byteLength, sha256: record.sourceSha256 });
    // Part numbers outside 1..partCount, and parts of the wrong length, are refused.
    expect(await errorCode(await putPart(s.service.token, result.recordId, started.uploadId, 3, new Uint8Array(10)))).toBe('INVALID_PART_NUMBER');
    const short = await putPart(s.service.token, result.recordId, started.uploadId, 1, original.subarray(0, 1000));
    expect([short.status, await errorCode(short)]).toEqual([422, 'SIZE_MISMATCH']);

    const parts: UploadedPart[] = [];
    for (const n of [2, 1]) {
      const part = await putPart(s.service.token, result.recordId, started.uploadId, n, original.subarray((n - 1) * PART, n * PART));
      expect(part.status).toBe(200);
      parts.push((await part.json()) as UploadedPart);
    }
    const done = await complete(s.service.token, result.recordId, started.uploadId, parts);
    expect(done.status).toBe(200);
    const stored = ((await done.json()) as { stored: { size: number; sha256: string } }).stored;
    expect(stored).toMatchObject({ size: original.byteLength, sha256: record.sourceSha256 });

    // Asked again (a filter that lost the answer): already stored, nothing to send.
    const again = await start(s.service.token, result.recordId);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ stored: { sha256: record.sourceSha256 } });

    const view = (await (await api(s.officer.token, `/mail/records/${result.recordId}`)).json()) as MailRecordView;
    expect(view.original).toMatchObject({ size: original.byteLength, sha256: record.sourceSha256 });
    const download = await api(s.officer.token, `/mail/records/${result.recordId}/original`);
    expect(download.status).toBe(200);
    expect(await sha256Hex(new Uint8Array(await download.arrayBuffer()))).toBe(record.sourceSha256);

    const events = await env.DB.prepare('SELECT action, details FROM custody_events WHERE item_id = ? ORDER BY seq')
      .bind(view.itemId)
      .all<{ action: string; details: string }>();
    const storedEvent = events.results.find((e) => e.action === 'mail_original_stored');
    expect(JSON.parse(storedEvent!.details)).toEqual({ recordId: result.recordId, size: original.byteLength, sha256: record.sourceSha256 });
    expect(events.results.filter((e) => e.action === 'mail_original_stored')).toHaveLength(1);
    expect(events.results.some((e) => e.action === 'downloaded' && JSON.parse(e.details).original === true)).toBe(true);
  });

  it('keeps nothing when the joined bytes are not the original the record declares (422 HASH_MISMATCH), and a retry starts afresh', async () => {
    const s = await seedCouncil();
    const { original, result } = await fileReduced(s.service.token, s.alice.id);
    const tampered = original.slice();
    const last = tampered.byteLength - 1;
    tampered[last] = tampered[last]! ^ 1;
    const res = await upload(s.service.token, result.recordId, tampered);
    expect([res.status, await errorCode(res)]).toEqual([422, 'HASH_MISMATCH']);
    expect((await originals()).filter((k) => k.endsWith(result.recordId))).toEqual([]);
    const view = (await (await api(s.officer.token, `/mail/records/${result.recordId}`)).json()) as MailRecordView;
    expect(view.original).toBeNull();
    expect((await api(s.officer.token, `/mail/records/${result.recordId}/original`)).status).toBe(404);

    // The filter retries with the right bytes: a new upload, kept.
    expect((await upload(s.service.token, result.recordId, original)).status).toBe(200);
  });

  it('aborts an abandoned upload when the filter starts again, and refuses parts for it', async () => {
    const s = await seedCouncil();
    const { original, result } = await fileReduced(s.service.token, s.alice.id);
    const first = (await (await start(s.service.token, result.recordId)).json()) as Started;
    expect((await putPart(s.service.token, result.recordId, first.uploadId, 1, original.subarray(0, PART))).status).toBe(200);
    // The filter crashed and restarts.
    const second = (await (await start(s.service.token, result.recordId)).json()) as Started;
    expect(second.uploadId).not.toBe(first.uploadId);
    // The first upload is aborted in R2, not left open.
    const key = (await env.DB.prepare('SELECT r2_key FROM mail_originals WHERE record_id = ?').bind(result.recordId).first<{ r2_key: string }>())!.r2_key;
    await expect(env.EVIDENCE.resumeMultipartUpload(key, first.uploadId).uploadPart(2, new Uint8Array(10))).rejects.toThrow();
    const stale = await putPart(s.service.token, result.recordId, first.uploadId, 2, original.subarray(PART));
    expect([stale.status, await errorCode(stale)]).toEqual([409, 'UPLOAD_SUPERSEDED']);
    expect((await upload(s.service.token, result.recordId, original)).status).toBe(200);
  });

  it('gives up an upload nobody completed within a day: aborted in R2, and the filter starts afresh when it comes back', async () => {
    const s = await seedCouncil();
    const { original, result } = await fileReduced(s.service.token, s.alice.id);
    const first = (await (await start(s.service.token, result.recordId)).json()) as Started;
    expect((await putPart(s.service.token, result.recordId, first.uploadId, 1, original.subarray(0, PART))).status).toBe(200);
    // Not yet a day old: left alone.
    expect(await abortAbandonedOriginals(env, Date.now())).toBe(0);
    expect(await abortAbandonedOriginals(env, Date.now() + ABANDONED_AFTER_MS + 60_000)).toBeGreaterThanOrEqual(1);
    const key = (await env.DB.prepare('SELECT r2_key FROM mail_originals WHERE record_id = ?').bind(result.recordId).first<{ r2_key: string }>())!.r2_key;
    await expect(env.EVIDENCE.resumeMultipartUpload(key, first.uploadId).uploadPart(2, new Uint8Array(10))).rejects.toThrow();
    const stale = await putPart(s.service.token, result.recordId, first.uploadId, 2, original.subarray(PART));
    expect([stale.status, await errorCode(stale)]).toEqual([409, 'UPLOAD_SUPERSEDED']);
    expect((await upload(s.service.token, result.recordId, original)).status).toBe(200);
  });

  it("answers 404 for another council's record, 409 for a message filed whole, and 413 for an original over MAX_ORIGINAL_BYTES", async () => {
    const s = await seedCouncil();
    const { result } = await fileReduced(s.service.token, s.alice.id);
    const elsewhere = await actor(s.otherCouncillor.councilId, 'Other Filter', 'service');
    expect((await start(elsewhere.token, result.recordId)).status).toBe(404);
    expect((await api(s.otherOfficer.token, `/mail/records/${result.recordId}/original`)).status).toBe(404);
    // An officer cannot upload, and the filter cannot download.
    expect((await start(s.officer.token, result.recordId)).status).toBe(403);
    expect((await api(s.service.token, `/mail/records/${result.recordId}/original`)).status).toBe(403);

    const whole = rawEmail({ messageId: '<whole@example.net>', subject: 'You', body: THREAT_TO_LIFE });
    const filed = await api(s.service.token, '/mail/service/messages', {
      method: 'POST',
      body: fileForm(await filingFor(s.alice.id, whole, { messageId: '<whole@example.net>', subject: 'You', body: THREAT_TO_LIFE }), whole),
    });
    const wholeId = ((await filed.json()) as FileMailResult).recordId;
    const notReduced = await start(s.service.token, wholeId);
    expect([notReduced.status, await errorCode(notReduced)]).toEqual([409, 'NOT_REDUCED']);

    // The record declares an original of 1 GiB + 1 byte: over the default limit, refused before any upload.
    const huge = await fileReduced(s.service.token, s.alice.id, { declaredSize: 1024 * 1024 * 1024 + 1 });
    const tooLarge = await start(s.service.token, huge.result.recordId);
    expect([tooLarge.status, await errorCode(tooLarge)]).toEqual([413, 'ORIGINAL_TOO_LARGE']);
  });
});
