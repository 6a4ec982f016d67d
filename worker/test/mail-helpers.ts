import { sha256Hex } from '@wardguard/shared';
import { classify } from '@wardguard/shared/classify/index';
import type { FileMail } from '@wardguard/shared/api/mail';
import { api } from './helpers.ts';

/** A raw message as the mail filter would fetch it from IMAP. */
export function rawEmail(opts: { messageId: string; subject: string; body: string; from?: string }): Uint8Array {
  const text = [
    'Received: from mx.example.net by mail.council.gov.uk; Mon, 23 Nov 2026 10:00:00 +0000',
    `From: ${opts.from ?? 'Angry Person <angry@example.net>'}`,
    'To: Alice Brown <alice@council.gov.uk>',
    `Subject: ${opts.subject}`,
    'Date: Mon, 23 Nov 2026 10:00:00 +0000',
    `Message-ID: ${opts.messageId}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    opts.body,
    '',
  ].join('\r\n');
  return new TextEncoder().encode(text);
}

/** The record the filter sends with a message, classified by the real classifier. */
export async function filingFor(
  councillorId: string,
  eml: Uint8Array,
  opts: { messageId: string; subject: string; body: string; mailbox?: string; receivedAt?: string },
): Promise<FileMail> {
  return {
    councillorId,
    mailbox: opts.mailbox ?? 'alice@council.gov.uk',
    messageId: opts.messageId,
    sourceSha256: await sha256Hex(eml),
    sourceSize: eml.byteLength,
    from: 'Angry Person <angry@example.net>',
    to: 'Alice Brown <alice@council.gov.uk>',
    subject: opts.subject,
    sentAt: '2026-11-23T10:00:00.000Z',
    receivedAt: opts.receivedAt ?? '2026-11-23T10:00:01.000Z',
    receivedChain: ['from mx.example.net by mail.council.gov.uk; Mon, 23 Nov 2026 10:00:00 +0000'],
    unreadable: null,
    verdict: classify({ subject: opts.subject, body: opts.body }),
  };
}

export function fileForm(record: unknown, eml: Uint8Array): FormData {
  const form = new FormData();
  form.append('record', JSON.stringify(record));
  form.append('eml', new File([eml], 'message.eml', { type: 'message/rfc822' }));
  return form;
}

/** Files one message as the service principal; returns the response and what was sent. */
export async function fileMessage(
  serviceToken: string,
  councillorId: string,
  opts: { subject: string; body: string; messageId?: string; receivedAt?: string },
) {
  const messageId = opts.messageId ?? `<${crypto.randomUUID()}@example.net>`;
  const eml = rawEmail({ messageId, subject: opts.subject, body: opts.body });
  const record = await filingFor(councillorId, eml, { ...opts, messageId });
  const res = await api(serviceToken, '/mail/service/messages', { method: 'POST', body: fileForm(record, eml) });
  return { res, record, eml };
}

/**
 * Files an abusive message from `from` to the councillor, received at `receivedAt`, as the
 * mail filter would; returns the record and its evidence item (read back as an officer).
 */
export async function fileAbuseFrom(
  tokens: { serviceToken: string; officerToken: string },
  councillorId: string,
  from: string,
  receivedAt: string,
): Promise<{ recordId: string; itemId: string }> {
  const opts = { messageId: `<${crypto.randomUUID()}@example.net>`, subject: 'About the bins', body: 'You useless idiot', from, receivedAt };
  const eml = rawEmail(opts);
  const filing = await filingFor(councillorId, eml, opts);
  filing.from = from;
  filing.verdict = { ...filing.verdict, severity: 'abuse' };
  const res = await api(tokens.serviceToken, '/mail/service/messages', { method: 'POST', body: fileForm(filing, eml) });
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
  const { recordId } = (await res.json()) as { recordId: string };
  const { itemId } = (await (await api(tokens.officerToken, `/mail/records/${recordId}`)).json()) as { itemId: string };
  return { recordId, itemId };
}
