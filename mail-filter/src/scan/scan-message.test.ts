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
    expect(record).toMatchObject({ messageId: msg.messageId, subject: 'Your vote', from: expect.stringContaining('resident@sender.example'), sentAt: '2026-11-23T10:00:00.000Z' });
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
    const input = { text: 'y', html: null, get subject(): string { throw new Error('boom'); } };
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
});
