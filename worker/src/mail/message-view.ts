import { sha256Hex, WardguardError } from '@wardguard/shared';
import type { MailMessageView } from '@wardguard/shared/api/mail-message';
import type { Bindings, Principal } from '../env.ts';
import { getRecord } from '../db/mail-records.ts';
import { getArtifact, getItem } from '../db/evidence.ts';
import { appendCustody } from '../db/custody.ts';
import { rawHeaders } from '@wardguard/shared/mime';
import { parseEmail, readerText } from '../export/email-text.ts';

/**
 * An officer opens a filed message: the review record and its original .eml, read from R2,
 * hashed against the SHA-256 recorded at filing and parsed here (the Worker's one MIME parser),
 * recorded as one `viewed` custody event naming the file. A file that no longer matches is
 * logged as `integrity_failed` and not shown.
 */
export async function viewMessage(env: Bindings, p: Principal, recordId: string): Promise<MailMessageView> {
  const record = await getRecord(env.DB, p.councilId, recordId);
  if (!record) throw new WardguardError('NOT_FOUND', 'No such mail record.');
  const item = await getItem(env.DB, p.councilId, record.itemId);
  const listed = item?.artifacts.find((a) => a.mediaType === 'message/rfc822');
  const artifact = item && listed ? await getArtifact(env.DB, item.id, listed.id) : null;
  const object = artifact ? await env.EVIDENCE.get(artifact.r2Key) : null;
  if (!item || !artifact || !object) throw new WardguardError('STORAGE_FAILED', 'The original message is missing from the evidence store.');
  const custody = { councilId: p.councilId, actorId: p.userId, itemId: item.id, caseId: item.caseId };
  const eml = new Uint8Array(await object.arrayBuffer());
  const sha256 = await sha256Hex(eml);
  if (sha256 !== artifact.sha256 || eml.byteLength !== artifact.size) {
    await appendCustody(env.DB, [
      {
        ...custody,
        action: 'integrity_failed',
        details: { artifactId: artifact.id, name: artifact.name, sha256: artifact.sha256, size: artifact.size, read: { sha256, size: eml.byteLength } },
      },
    ]);
    throw new WardguardError(
      'STORAGE_FAILED',
      'The stored message no longer matches its recorded SHA-256 and size; it was not shown. Report this to your administrator.',
    );
  }
  // A message the parser refuses (nested or headed past its limits; the filter files it for
  // review as PARSE_FAILED) is still shown: its top headers, no text, and the file to download.
  const parsed = await parseEmail(eml).catch(() => ({ headers: rawHeaders(eml), text: undefined, html: undefined, attachments: [] }));
  const { text, fromHtml } = readerText(parsed);
  await appendCustody(env.DB, [
    { ...custody, action: 'viewed', details: { mailRecordId: record.id, artifactId: artifact.id, name: artifact.name, sha256: artifact.sha256 } },
  ]);
  return {
    record,
    source: {
      sha256,
      text,
      textFromHtml: fromHtml,
      html: parsed.html ?? null,
      headers: parsed.headers.map((h) => ({ key: h.key, value: h.value })),
      attachments: parsed.attachments.map((a) => ({
        filename: a.filename ?? '(no name)',
        mimeType: a.mimeType,
        size: typeof a.content === 'string' ? a.content.length : a.content.byteLength,
      })),
    },
  };
}
