import { describe, expect, it } from 'vitest';
import { scanMessage } from './scan-message.ts';
import { scoreMessage, shouldQuarantine } from './classify.ts';
import * as m from '../../test/messages.ts';

const ctx = { mailbox: 'alice@council.example', councillorId: 'u1', receivedAt: new Date('2026-11-23T10:00:00Z') };
const scan = (raw: string) => scanMessage(Buffer.from(raw), ctx);

describe('scanning one message', () => {
  it('scores what the sender wrote, keeping the quoted reply and signature in the record', async () => {
    const { verdict } = await scan(m.quotedAbuseReply().raw);
    expect(verdict.severity).toBe('clean');
    expect(verdict.email?.quoted).toContain('useless');
  });

  it('reads the parsed sender, date, subject, Message-ID and Received chain for the exhibit', async () => {
    const msg = m.textMessage(m.ABUSE, { subject: 'Your vote' });
    const { record } = await scan(msg.raw);
    expect(record).toMatchObject({
      messageId: msg.messageId,
      subject: 'Your vote',
      from: expect.stringContaining('resident@sender.example'),
      sentAt: '2026-11-23T10:00:00.000Z',
    });
    expect(record.receivedChain[0]).toMatch(/^from mx\.sender\.example/);
    expect(record.verdict.severity).toBe('abuse');
  });

  it('sends unreadable mail to review, never to clean', async () => {
    expect((await scan(m.emptyMessage().raw)).record).toMatchObject({ unreadable: 'EMPTY', verdict: { severity: 'review' } });
    expect((await scan(m.imageOnly().raw)).record).toMatchObject({ unreadable: 'IMAGE_ONLY', verdict: { severity: 'review' } });
    expect((await scan(m.encryptedMessage().raw)).record).toMatchObject({ unreadable: 'ENCRYPTED', verdict: { severity: 'review' } });
    expect((await scan(m.malformedMime().raw)).record).toMatchObject({ unreadable: 'MALFORMED_MIME', verdict: { severity: 'review' } });
    expect((await scan(m.attachmentOnly().raw)).record).toMatchObject({ unreadable: 'ATTACHMENT_ONLY', verdict: { severity: 'review' } });
  });

  it('sends mail the classifier fails on to review, and review is quarantined at every level', () => {
    const input = {
      text: 'y',
      html: null,
      get subject(): string {
        throw new Error('boom');
      },
    };
    expect(scoreMessage(input)).toMatchObject({ severity: 'review', error: expect.stringMatching(/^CLASSIFIER_FAILED: boom/) });
    for (const level of ['threat_to_life', 'threat', 'abuse', 'profanity'] as const) expect(shouldQuarantine('review', level)).toBe(true);
  });

  it('reads a threat out of hostile HTML-only mail without running any of it', async () => {
    const { verdict, record } = await scan(m.hostileHtml(m.THREAT_TO_LIFE).raw);
    expect(verdict.severity).toBe('threat_to_life');
    expect(JSON.stringify(record)).not.toContain('<script>');
  });

  it('copes with 8-bit headers and an unknown charset', async () => {
    expect((await scan(m.eightBitHeaders(m.CLEAN).raw)).record.subject).toContain('Grüße');
    expect((await scan(m.unknownCharset(m.ABUSE).raw)).verdict.severity).toBe('abuse');
  });

  it('uses a stable made-up Message-ID for mail that has none, so repeats still match', async () => {
    const raw = 'From: a@x\r\nSubject: hi\r\n\r\nYou are a useless fucking idiot\r\n';
    const a = await scan(raw);
    const b = await scan(raw);
    expect(a.record.messageId).toBe(`<${a.record.sourceSha256}@wardguard.invalid>`);
    expect(b.record.messageId).toBe(a.record.messageId);
  });

  it('quarantines at the account level and above; review always', () => {
    expect(shouldQuarantine('profanity', 'profanity')).toBe(true);
    expect(shouldQuarantine('profanity', 'abuse')).toBe(false);
    expect(shouldQuarantine('threat_to_life', 'abuse')).toBe(true);
    expect(shouldQuarantine('review', 'threat_to_life')).toBe(true);
    expect(shouldQuarantine('clean', 'profanity')).toBe(false);
  });

  it('scores a message forwarded as an attachment with its covering note: the worst wins, offsets refer to its own text', async () => {
    const { verdict, record } = await scan(m.forwarded(m.textMessage(m.THREAT_TO_LIFE, { subject: 'you' })).raw);
    expect(verdict.severity).toBe('threat_to_life');
    expect(record.unreadable).toBeNull();
    const hit = verdict.evidence.find((e) => e.field === 'body')!;
    expect(verdict.bodyText!.slice(hit.start, hit.end)).toBe(hit.phrase);
    expect((await scan(m.forwarded(m.forwarded(m.textMessage(m.ABUSE))).raw)).verdict.severity).toBe('abuse');
    // Shown inline, the parser would fold it into the text under a header block the classifier sets aside as quoted.
    expect((await scan(m.forwarded(m.textMessage(m.THREAT_TO_LIFE), undefined, 'inline').raw)).verdict.severity).toBe('threat_to_life');
    expect((await scan(m.forwarded(m.textMessage(m.CLEAN)).raw)).verdict.severity).toBe('clean');
    // No covering note at all: the attached message is read, not sent to review as attachment-only.
    expect((await scan(m.forwarded(m.textMessage(m.CLEAN), '').raw)).verdict.severity).toBe('clean');
  });

  it('reads attached messages three levels down and sends anything nested deeper to review', async () => {
    let nested = m.textMessage(m.CLEAN);
    for (let i = 0; i < 3; i++) nested = m.forwarded(nested);
    expect((await scan(nested.raw)).verdict.severity).toBe('clean');
    expect((await scan(m.forwarded(nested).raw)).verdict).toMatchObject({ severity: 'review', error: 'ATTACHED_MESSAGE_NESTED_TOO_DEEP' });
  });

  it('reads plain text under a utf-16 label as the text it is, and keeps a real UTF-16 message readable', async () => {
    expect((await scan(m.mislabelledCharset(m.ABUSE).raw)).verdict.severity).toBe('abuse');
    expect((await scan(m.mislabelledCharset(m.ABUSE, '"UTF-16BE"').raw)).verdict.severity).toBe('abuse');
    expect((await scan(m.mislabelledCharset(m.CLEAN).raw)).verdict.severity).toBe('clean');
    const latin1 = Buffer.concat([
      Buffer.from(m.mislabelledCharset('').raw.replace(/\r\n\r\n\r\n$/, '\r\n\r\n')),
      Buffer.from('Grüße. You are a useless fucking idiot and everyone knows it.\r\n', 'latin1'),
    ]);
    expect((await scanMessage(latin1, ctx)).verdict.severity).toBe('abuse');
    const realUtf16 = (body: string) =>
      m
        .mislabelledCharset('', 'utf-16le')
        .raw.replace('charset=utf-16le\r\n', 'charset=utf-16le\r\nContent-Transfer-Encoding: base64\r\n')
        .replace(/\r\n\r\n\r\n$/, `\r\n\r\n${Buffer.from(body, 'utf16le').toString('base64')}\r\n`);
    expect((await scan(realUtf16(m.ABUSE))).verdict.severity).toBe('abuse');
    expect((await scan(realUtf16('请看一下磨坊巷的坑洼。谢谢。\r\n'))).verdict.severity).not.toBe('review');
  });

  it('sends text that makes sense under no charset reading to review, never to clean', async () => {
    // UTF-16 of CJK with no ASCII at all: no reading of the bytes is text a person could check.
    const { record } = await scan(
      m
        .mislabelledCharset('', 'utf-16le')
        .raw.replace('charset=utf-16le\r\n', 'charset=utf-16le\r\nContent-Transfer-Encoding: base64\r\n')
        .replace(/\r\n\r\n\r\n$/, `\r\n\r\n${Buffer.from('请看一下磨坊巷的坑洼谢谢', 'utf16le').toString('base64')}\r\n`),
    );
    expect(record).toMatchObject({ unreadable: 'UNDECODABLE_TEXT', verdict: { severity: 'review' } });
  });
});
