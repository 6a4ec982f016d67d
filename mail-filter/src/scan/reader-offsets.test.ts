import { parseEmail, readerText } from '@wardguard/shared/mime';
import { describe, expect, it } from 'vitest';
import { scanMessage } from './scan-message.ts';
import * as m from '../../test/messages.ts';

const ctx = { mailbox: 'alice@council.example', councillorId: 'u1', receivedAt: new Date('2026-11-23T10:00:00Z') };

/** The text the Worker shows an officer (message view, report): its own call, through the shared module. */
const shownByWorker = async (raw: Buffer) => readerText(await parseEmail(raw));

const qpLatin1 = (): Buffer =>
  Buffer.from(
    [
      'From: resident@sender.example',
      'To: alice@council.example',
      'Subject: Caf=E9',
      'Message-ID: <qp@sender.example>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=iso-8859-1; format=flowed',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Caf=E9 owner here, =A3500 is what you owe. Gr=FC=DFe.',
      '',
      'You are a useless fuck=',
      'ing idiot and everyone knows it. I am going to kill you, you will be dead by Friday.',
      '',
    ].join('\r\n'),
    'latin1',
  );

const MESSAGES: Array<[string, () => Buffer]> = [
  ['plain text with 8-bit characters before the phrase', () => Buffer.from(m.textMessage(`Grüße aus Köln — €100 ñandú.\r\n\r\n${m.THREAT_TO_LIFE}`).raw)],
  ['quoted-printable Latin-1 with a soft line break inside the phrase', qpLatin1],
  ['HTML only', () => Buffer.from(m.hostileHtml(`Hello. ${m.THREAT_TO_LIFE} ${m.ABUSE}`).raw)],
  [
    'plain and HTML alternatives',
    () =>
      Buffer.from(
        m.multipart(
          [
            `Content-Type: text/plain; charset=utf-8\r\n\r\nNote first.\r\n${m.ABUSE}`,
            `Content-Type: text/html; charset=utf-8\r\n\r\n<p>Note first.</p><p>${m.ABUSE}</p>`,
          ],
          { contentType: 'multipart/alternative' },
        ).raw,
      ),
  ],
];

describe('the offsets the filter files refer to the text the Worker shows', () => {
  for (const [name, build] of MESSAGES) {
    it(`highlights the same phrase on both sides: ${name}`, async () => {
      const raw = build();
      const { verdict } = await scanMessage(raw, ctx);
      const body = verdict.evidence.filter((e) => e.field === 'body');
      expect(body.length).toBeGreaterThan(0);
      const shown = await shownByWorker(raw);
      // What the classifier read is exactly what the officer reads (HTML too: the same conversion).
      if (shown.fromHtml) expect(verdict.bodyText).toBe(shown.text);
      for (const e of body) expect(shown.text.slice(e.start, e.end)).toBe(e.phrase);
    });
  }
});
