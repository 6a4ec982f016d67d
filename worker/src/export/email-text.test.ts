import { describe, expect, it } from 'vitest';
import { emailBodyText } from './email-text.ts';

const eml = (headers: string[], body: string) => new TextEncoder().encode([...headers, '', body, ''].join('\r\n'));
const HEAD = ['From: Angry <angry@example.net>', 'To: cllr@council.example', 'Subject: You', 'Date: Mon, 23 Nov 2026 10:00:00 +0000', 'MIME-Version: 1.0'];

describe('the text of an email for the report', () => {
  it('prints the plain text part when there is one', async () => {
    const alt = eml(
      [...HEAD, 'Content-Type: multipart/alternative; boundary="b"'],
      [
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Plain: I know where you live',
        '--b',
        'Content-Type: text/html',
        '',
        '<p>HTML: <b>ignored</b></p>',
        '--b--',
      ].join('\r\n'),
    );
    expect(await emailBodyText(alt)).toEqual({ text: expect.stringContaining('Plain: I know where you live'), fromHtml: false });
  });

  it('converts an HTML-only message to text, without its scripts, styles or link targets', async () => {
    const html = eml(
      [...HEAD, 'Content-Type: text/html; charset=utf-8'],
      '<html><style>p{}</style><script>alert(1)</script><p>You will <b>regret</b> this</p><p><a href="https://evil.example">click</a></p></html>',
    );
    const out = await emailBodyText(html);
    expect(out.fromHtml).toBe(true);
    expect(out.text).toContain('You will regret this');
    expect(out.text).toContain('click');
    for (const absent of ['alert(1)', 'evil.example', 'p{}', '<b>']) expect(out.text).not.toContain(absent);
  });

  it('decodes quoted-printable and base64 bodies in their charset', async () => {
    const qp = eml([...HEAD, 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: quoted-printable'], 'Caf=E9 =A3500 or else');
    expect((await emailBodyText(qp)).text).toContain('Café £500 or else');
    const b64 = eml([...HEAD, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'], btoa('Watch your back'));
    expect((await emailBodyText(b64)).text).toContain('Watch your back');
  });

  it('returns empty text for a message with no body, and survives bytes that are not an email at all', async () => {
    expect(await emailBodyText(eml(HEAD, ''))).toEqual({ text: '', fromHtml: false });
    const junk = new Uint8Array(4096).map((_, i) => (i * 73) & 0xff);
    await expect(emailBodyText(junk)).resolves.toMatchObject({ fromHtml: expect.any(Boolean) });
  });

  it('reads only the start of a huge HTML body rather than converting all of it', async () => {
    const deep = eml([...HEAD, 'Content-Type: text/html'], '<div>'.repeat(200_000) + 'deep' + '</div>'.repeat(200_000));
    const started = Date.now();
    const out = await emailBodyText(deep);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(typeof out.text).toBe('string');
  });
});
