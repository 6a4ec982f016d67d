// The two kinds of evidence the demo sends, built as the extension and the mail filter build
// them: a signed web-capture bundle, and a quarantined message filed with its record. Both the
// demo council (demo.ts) and its ten weeks of history (demo-history.ts) send them through here.
import { createHash, randomUUID } from 'node:crypto';
import { classify } from '@wardguard/shared/classify/index';
import { solidPng } from '@wardguard/shared/testing/png';
import { call } from './demo-api.ts';
import { buildEml, type MailContent } from './demo-mail.ts';
import type { DeviceSigner } from './device-signer.ts';

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

export interface DemoCapture {
  title: string;
  capturedAt: string;
  /** The screenshot's one colour, so captures from different platforms look different. */
  colour: [number, number, number];
  metadata: Record<string, unknown>;
  caseId?: string;
  perpetratorId?: string;
  /** Starts the bundle's idempotency key, so a run's captures can be told apart in the database. */
  tag: string;
}

/**
 * Uploads a web capture (a 320×200 screenshot and the page's HTML) as the extension does:
 * the Worker takes a web capture only when the token's device signed its manifest.
 *
 * @example
 *   await sendDemoCapture(base, token, signer, { title, capturedAt, colour: [29, 78, 216], metadata: { url }, tag: 'demo' });
 */
export async function sendDemoCapture(base: string, token: string, signer: DeviceSigner, c: DemoCapture): Promise<void> {
  const png = solidPng(320, 200, c.colour);
  const html = Buffer.from(`<!doctype html><title>${c.title}</title><p>${c.title}</p>`);
  const manifest = {
    version: 1,
    idempotencyKey: `${c.tag}-${randomUUID()}`,
    kind: 'web_capture',
    title: c.title,
    capturedAt: c.capturedAt,
    ...(c.caseId ? { caseId: c.caseId } : {}),
    ...(c.perpetratorId ? { perpetratorId: c.perpetratorId } : {}),
    metadata: c.metadata,
    artifacts: [
      { name: 'viewport.png', mediaType: 'image/png', size: png.length, sha256: sha(png) },
      { name: 'page.html', mediaType: 'text/html', size: html.length, sha256: sha(html) },
    ],
  };
  const manifestText = JSON.stringify(manifest);
  const form = new FormData();
  form.append('manifest', manifestText);
  form.append('signature', JSON.stringify(await signer.sign(manifestText)));
  form.append('file', new File([new Uint8Array(png)], 'viewport.png'));
  form.append('file', new File([new Uint8Array(html)], 'page.html'));
  await call(base, token, '/evidence', { method: 'POST', body: form });
}

export interface DemoFiling {
  councillorId: string;
  mailbox: string;
  mail: MailContent;
  /** When it was sent and received (the same moment: the demo has no delivery delay). */
  at: Date;
  /** Starts the Message-ID's local part. */
  tag: string;
}

/**
 * Files a quarantined message as the mail filter does: the message itself and its record,
 * with the verdict of the real classifier. Returns the record's id.
 */
export async function fileDemoMail(base: string, serviceToken: string, f: DemoFiling): Promise<string> {
  const { mail, mailbox, at } = f;
  const messageId = `<${f.tag}-${randomUUID()}@example.net>`;
  const eml = Buffer.from(buildEml(mail, mailbox, at, messageId), 'utf8');
  const record = {
    councillorId: f.councillorId,
    mailbox,
    messageId,
    sourceSha256: sha(eml),
    sourceSize: eml.length,
    from: mail.from,
    to: mailbox,
    subject: mail.subject,
    sentAt: at.toISOString(),
    receivedAt: at.toISOString(),
    receivedChain: ['from mail.example.net (mail.example.net [192.0.2.10]) by mx.council.example'],
    unreadable: null,
    verdict: classify({ subject: mail.subject, body: mail.text ?? '', ...(mail.html ? { html: mail.html } : {}) }),
  };
  const form = new FormData();
  form.append('record', JSON.stringify(record));
  form.append('eml', new Blob([new Uint8Array(eml)], { type: 'message/rfc822' }), 'message.eml');
  const filed = await call<{ recordId: string }>(base, serviceToken, '/mail/service/messages', { method: 'POST', body: form });
  return filed.recordId;
}
