import type { Severity } from '@wardguard/shared/classify/index';
import { api, type seedCouncil } from './helpers.ts';
import { fileForm, filingFor, rawEmail } from './mail-helpers.ts';

/** Files a message from `from` with a verdict of the given severity; returns its record id. */
export async function fileFrom(
  s: Awaited<ReturnType<typeof seedCouncil>>,
  severity: Severity,
  body: string,
  from = 'Gary Troll <gary.troll@example.net>',
): Promise<string> {
  const messageId = `<${crypto.randomUUID()}@example.net>`;
  const opts = { messageId, subject: 'About the bins', body, from };
  const eml = rawEmail(opts);
  const record = await filingFor(s.alice.id, eml, opts);
  record.from = from;
  record.verdict = { ...record.verdict, severity };
  const res = await api(s.service.token, '/mail/service/messages', { method: 'POST', body: fileForm(record, eml) });
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { recordId: string }).recordId;
}
