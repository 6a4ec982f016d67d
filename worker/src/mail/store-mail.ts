import { WardguardError } from '@wardguard/shared';
import type { FileMailResult } from '@wardguard/shared/api/mail';
import type { Bindings, Principal } from '../env.ts';
import { appendCustody } from '../db/custody.ts';
import { insertItemStatements } from '../db/evidence.ts';
import { findRecord, insertRecordStatement } from '../db/mail-records.ts';
import { alertForRecord, getAlert, insertAlertStatement } from '../db/mail-alerts.ts';
import { getUser } from '../db/users.ts';
import { newId, now } from '../db/ids.ts';
import { artifactKey } from '../storage/r2-keys.ts';
import type { VerifiedFiling } from './parse-filing.ts';
import { pushAlertWebhook } from './alert-repeat.ts';
import { mailBodyText } from '../search/mail-text.ts';
import { mailTextStatements } from '../db/search-index.ts';

const EML_NAME = 'message.eml';

/**
 * Files a quarantined message: the .eml into R2 (R2 re-checks the SHA-256), then in one
 * D1 transaction the evidence item (exhibit number), its artifact, the review record, the
 * alert for a threat to life and their custody events. The same message filed again
 * returns the first record; a failure leaves nothing behind. A reduced filing (a message too
 * large to file whole) stores the reduced copy under its own hash, and says so in the item's
 * metadata and in the `uploaded` and `mail_quarantined` custody events.
 */
export async function storeMail(
  env: Bindings,
  p: Principal,
  filing: VerifiedFiling,
  /** The Worker's address as the filer reached it: alert links fall back to it when PUBLIC_URL is unset. */
  origin?: string,
): Promise<{ result: FileMailResult; created: boolean }> {
  const { mail, eml } = filing;
  const existing = await existingResult(env, p.councilId, mail.mailbox, mail.messageId, mail.sourceSha256);
  if (existing) return { result: existing, created: false };

  const councillor = await getUser(env.DB, p.councilId, mail.councillorId);
  if (!councillor || councillor.role !== 'councillor') throw new WardguardError('NOT_FOUND', 'No such councillor in this council.');

  const itemId = newId();
  const recordId = newId();
  const artifactId = newId();
  const at = now();
  const r2Key = artifactKey(p.councilId, itemId, artifactId);
  const isThreatToLife = mail.verdict.severity === 'threat_to_life';
  const alertId = isThreatToLife ? newId() : null;
  // What R2 holds: the message itself, or for one too large to file its reduced copy.
  const emlSha256 = mail.reduced?.emlSha256 ?? mail.sourceSha256;
  // Hashes and sizes only: file names are sender-chosen text, and custody is readable by the councillor.
  const reduced = mail.reduced
    ? {
        originalSha256: mail.sourceSha256,
        originalSize: mail.sourceSize,
        parts: mail.reduced.parts.map((x) => ({ mediaType: x.mediaType, size: x.size, sha256: x.sha256 })),
      }
    : null;

  // For search: the body text goes into the index in the same batch as the record.
  const bodyText = await mailBodyText(eml);

  await env.EVIDENCE.put(r2Key, eml, {
    sha256: emlSha256,
    httpMetadata: { contentType: 'message/rfc822' },
    customMetadata: { itemId, name: EML_NAME },
  });
  try {
    const statements = [
      // The item's title and metadata carry no message text: councillors can list their items.
      ...insertItemStatements(
        env.DB,
        {
          id: itemId,
          councilId: p.councilId,
          councillorId: mail.councillorId,
          caseId: null,
          perpetratorId: null,
          kind: 'email',
          title: `Quarantined email (${mail.verdict.severity})`,
          metadata: {
            mailRecordId: recordId,
            mailbox: mail.mailbox,
            messageId: mail.messageId,
            severity: mail.verdict.severity,
            ...(reduced
              ? { reduced: { originalSha256: reduced.originalSha256, originalSize: reduced.originalSize, replacedParts: reduced.parts.length } }
              : {}),
          },
          capturedAt: mail.receivedAt,
          capturedBy: p.userId,
          receivedAt: at,
          idempotencyKey: `mail:${recordId}`,
          manifestSha256: mail.sourceSha256,
        },
        [{ id: artifactId, name: EML_NAME, mediaType: 'message/rfc822', size: eml.byteLength, sha256: emlSha256, r2Key }],
      ),
      insertRecordStatement(env.DB, { id: recordId, councilId: p.councilId, itemId, createdAt: at, mail }),
      ...mailTextStatements(env.DB, recordId, bodyText),
      ...(alertId ? [insertAlertStatement(env.DB, { id: alertId, councilId: p.councilId, recordId, createdAt: at })] : []),
    ];
    const base = { councilId: p.councilId, actorId: p.userId, itemId };
    await appendCustody(
      env.DB,
      [
        { ...base, action: 'captured', at: mail.receivedAt, details: { kind: 'email', mailbox: mail.mailbox, messageId: mail.messageId } },
        {
          ...base,
          action: 'uploaded',
          at,
          details: { artifacts: [{ name: EML_NAME, sha256: emlSha256, size: eml.byteLength, ...(reduced ? { reduced: true } : {}) }] },
        },
        {
          ...base,
          action: 'mail_quarantined',
          at,
          details: {
            recordId,
            severity: mail.verdict.severity,
            classifier: mail.verdict.version,
            unreadable: mail.unreadable,
            ...(reduced ? { reduced } : {}),
          },
        },
        ...(alertId ? [{ ...base, action: 'alert_raised' as const, at, details: { alertId, recordId } }] : []),
      ],
      statements,
    );
  } catch (err) {
    await env.EVIDENCE.delete(r2Key);
    // The same message filed concurrently won the race: answer as a repeat.
    const raced = await existingResult(env, p.councilId, mail.mailbox, mail.messageId, mail.sourceSha256);
    if (raced) return { result: raced, created: false };
    if (err instanceof WardguardError) throw err;
    console.error('storeMail failed', String(err));
    throw new WardguardError('STORAGE_FAILED', 'The message could not be stored; nothing was kept. Retry later.');
  }

  if (alertId) {
    const alert = await getAlert(env.DB, p.councilId, alertId);
    // The first push now; the Worker's cron repeats it (and retries a failed one) until acknowledged.
    if (alert) await pushAlertWebhook(env, alert, { councilId: p.councilId, itemId, ...(origin ? { origin } : {}) }, { at: null, count: 0 }, Date.now());
  }
  const result = await existingResult(env, p.councilId, mail.mailbox, mail.messageId, mail.sourceSha256);
  if (!result) throw new WardguardError('INTERNAL', 'The stored record could not be read back.');
  return { result: { ...result, created: true }, created: true };
}

async function existingResult(env: Bindings, councilId: string, mailbox: string, messageId: string, sha256: string): Promise<FileMailResult | null> {
  const r = await findRecord(env.DB, councilId, mailbox, messageId, sha256);
  if (!r) return null;
  return { recordId: r.id, exhibitRef: r.exhibitRef, state: r.state, created: false, alertId: await alertForRecord(env.DB, r.id) };
}
