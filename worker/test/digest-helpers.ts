import type { Severity } from '@wardguard/shared/classify/index';
import { api } from './helpers.ts';
import type { seedCouncil } from './helpers.ts';
import { fileForm, filingFor, rawEmail } from './mail-helpers.ts';

/** Files one message with a verdict of exactly the given severity (the digest counts, not the classifier, is under test). */
export async function fileTestMail(s: Awaited<ReturnType<typeof seedCouncil>>, severity: Severity) {
  const messageId = `<${crypto.randomUUID()}@example.net>`;
  const opts = { messageId, subject: 'Digest test', body: 'Digest test body' };
  const eml = rawEmail(opts);
  const record = await filingFor(s.alice.id, eml, opts);
  record.verdict = { ...record.verdict, severity };
  const res = await api(s.service.token, '/mail/service/messages', { method: 'POST', body: fileForm(record, eml) });
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
}
