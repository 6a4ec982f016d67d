import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEmail } from '@wardguard/shared/mime';
import { WardguardError } from '@wardguard/shared';
import type { FileMail, FileMailResult } from '@wardguard/shared/api/mail';
import { silentLogger } from '../log.ts';
import type { WorkerClient } from '../worker/client.ts';
import { reduceMessage } from './reduce.ts';
import { fileMessage } from './file-message.ts';
import { fileMailRecord } from '../../test/records.ts';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const crlf = (lines: string[]) => lines.join('\r\n');
const b64 = (b: Buffer) => b.toString('base64').replace(/.{76}/g, '$&\r\n');
const blob = (n: number, fill = 0x42) => Buffer.alloc(n, fill);

function message(parts: string[]): Buffer {
  return Buffer.from(
    crlf([
      'From: Jörg <resident@sender.example>',
      'Subject: big',
      'Message-ID: <big@sender.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      'preamble',
      ...parts.flatMap((p) => ['--outer', p]),
      '--outer--',
      'epilogue',
      '',
    ]),
    'latin1',
  );
}
const attachment = (name: string, data: Buffer, type = 'application/pdf') =>
  crlf([
    `Content-Type: ${type}; name="${name}"`,
    `Content-Disposition: attachment;\r\n filename*=utf-8''${encodeURIComponent(name)}`,
    'Content-Transfer-Encoding: base64',
    '',
    b64(data),
  ]);
const text = (body: string, type = 'text/plain') => crlf([`Content-Type: ${type}; charset=utf-8`, '', body]);
const original = (b: Buffer) => ({ sha256: sha(b), size: b.byteLength });

describe('a reduced copy of a large message', () => {
  it('replaces each oversized attachment by a note naming it, its type, decoded size and SHA-256, and keeps every other byte', async () => {
    const big = blob(300_000);
    const small = blob(100, 0x43);
    const source = message([text('I am going to kill you.'), attachment('Schöne Grüße.pdf', big), attachment('small.txt', small, 'text/plain')]);
    const r = reduceMessage(source, 'attachments', original(source))!;
    expect(r.parts).toEqual([{ name: 'Schöne Grüße.pdf', mediaType: 'application/pdf', size: big.byteLength, sha256: sha(big) }]);
    expect(r.eml.byteLength).toBeLessThan(4000);
    const parsed = await parseEmail(r.eml);
    expect(parsed.text).toContain('I am going to kill you.');
    expect(parsed.headers.find((h) => h.key === 'x-wardguard-reduced')?.value).toContain(`original-sha256=${sha(source)}`);
    expect(parsed.subject).toBe('big');
    // The small attachment is untouched, the big one is now the note.
    expect(Buffer.from(parsed.attachments.find((a) => a.filename === 'small.txt')!.content as ArrayBuffer).equals(small)).toBe(true);
    const note = r.eml.toString('utf8');
    expect(note).toContain('File name: Schöne Grüße.pdf');
    expect(note).toContain(`Size: ${big.byteLength} bytes`);
    expect(note).toContain(`SHA-256: ${sha(big)}`);
    expect(note).toMatch(/^preamble\r\n--outer\r\n/m);
    expect(note).toMatch(/--outer--\r\nepilogue\r\n$/);
  });

  it('keeps a long text body at the first cut and replaces it only at the second; nothing to replace is null', () => {
    const long = 'You will regret this. '.repeat(5000);
    const source = message([text(long), text(`<p>${long}</p>`, 'text/html')]);
    expect(reduceMessage(source, 'attachments', original(source))).toBeNull();
    const all = reduceMessage(source, 'all', original(source))!;
    expect(all.parts.map((p) => p.mediaType)).toEqual(['text/plain', 'text/html']);
    expect(reduceMessage(Buffer.from('Subject: hi\r\n\r\nshort\r\n'), 'all', { sha256: 'a'.repeat(64), size: 20 })).toBeNull();
  });

  it('keeps the headers of a single-part message whose whole body is too large, and keeps the text of a forwarded message', async () => {
    const pdf = blob(200_000);
    const single = Buffer.from(
      crlf(['From: a@x.example', 'Subject: only a pdf', 'Content-Type: application/pdf', 'Content-Transfer-Encoding: base64', '', b64(pdf)]),
    );
    const r = reduceMessage(single, 'attachments', original(single))!;
    const parsed = await parseEmail(r.eml);
    expect(parsed.subject).toBe('only a pdf');
    expect(r.parts).toEqual([{ name: null, mediaType: 'application/pdf', size: pdf.byteLength, sha256: sha(pdf) }]);

    const inner = crlf([
      'Subject: inner',
      'Content-Type: multipart/mixed; boundary="in"',
      '',
      '--in',
      text('I will burn your house down.'),
      '--in',
      attachment('video.mp4', blob(150_000), 'video/mp4'),
      '--in--',
      '',
    ]);
    const fwd = message([text('see below'), crlf(['Content-Type: message/rfc822', '', inner])]);
    const f = reduceMessage(fwd, 'attachments', original(fwd))!;
    expect(f.parts.map((p) => p.name)).toEqual(['video.mp4']);
    expect(f.eml.toString('utf8')).toContain('I will burn your house down.');
  });

  it('never lets a file name break the note headers', () => {
    const source = message([crlf(['Content-Type: application/octet-stream; name="a\\"b.bin"', 'Content-Transfer-Encoding: base64', '', b64(blob(100_000))])]);
    const r = reduceMessage(source, 'attachments', original(source))!;
    expect(r.parts[0]!.name).toBe('a"b.bin');
  });
});

describe('filing a message too large for the Worker', () => {
  const record = (eml: Buffer): FileMail =>
    fileMailRecord({
      messageId: '<big@sender.example>',
      sourceSha256: sha(eml),
      sourceSize: eml.byteLength,
      verdict: { severity: 'threat_to_life' } as FileMail['verdict'],
    });
  const ok: FileMailResult = { recordId: 'r', exhibitRef: 'AB/1', state: 'quarantined', created: true, alertId: 'a' };
  /** The Worker's one call, refusing anything over `limit` bytes as it does (413). */
  function worker(limit: number, calls: Array<{ record: FileMail; eml: Buffer }>) {
    return {
      async fileMail(r: FileMail, eml: Buffer) {
        calls.push({ record: r, eml });
        if (eml.byteLength > limit) throw new WardguardError('ARTIFACT_TOO_LARGE', 'too large');
        return ok;
      },
    } as unknown as WorkerClient;
  }

  it('tries the whole message, then on "too large" the reduced copy, describing it in the record', async () => {
    const source = message([text('I am going to kill you.'), attachment('big.bin', blob(400_000))]);
    const calls: Array<{ record: FileMail; eml: Buffer }> = [];
    expect(await fileMessage(worker(100_000, calls), record(source), source, { maxMessageBytes: 50 * 1024 * 1024, log: silentLogger })).toEqual(ok);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.eml).toBe(source);
    const sent = calls[1]!;
    expect(sent.record.sourceSha256).toBe(sha(source));
    expect(sent.record.reduced).toEqual({
      emlSha256: sha(sent.eml),
      emlSize: sent.eml.byteLength,
      parts: [expect.objectContaining({ name: 'big.bin', size: 400_000 })],
    });
  });

  it('does not send a message over maxMessageBytes whole, and passes other refusals and outages on unchanged', async () => {
    const source = message([text('hi'), attachment('big.bin', blob(1_200_000))]);
    const calls: Array<{ record: FileMail; eml: Buffer }> = [];
    await fileMessage(worker(10 * 1024 * 1024, calls), record(source), source, { maxMessageBytes: 1024 * 1024, log: silentLogger });
    expect(calls.map((c) => Boolean(c.record.reduced))).toEqual([true]);

    const refusing = {
      fileMail: async () => {
        throw new WardguardError('NOT_FOUND', 'no such councillor');
      },
    } as unknown as WorkerClient;
    await expect(fileMessage(refusing, record(source), source, { maxMessageBytes: 50 * 1024 * 1024, log: silentLogger })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const tooSmall = worker(10, []);
    await expect(fileMessage(tooSmall, record(source), source, { maxMessageBytes: 50 * 1024 * 1024, log: silentLogger })).rejects.toMatchObject({
      code: 'ARTIFACT_TOO_LARGE',
    });
  });
});
