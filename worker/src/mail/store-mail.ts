import { WardguardError } from '@wardguard/shared';
import type { FileMailResult } from '@wardguard/shared/api/mail';
import type { Bindings, Principal } from '../env.ts';
import { appendCustody, custodyTailFromResult, custodyTailStatement } from '../db/custody.ts';
import { insertItemStatements } from '../db/evidence.ts';
import { findRecordStatement, insertRecordStatement, recordFromResult } from '../db/mail-records.ts';
import { alertForFilingStatement, alertFromResult, getAlertStatement, insertAlertStatement } from '../db/mail-alerts.ts';
import { getUserStatement, userFromResult } from '../db/users.ts';
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
  // Every read the filing needs before it writes, in one round trip: the Worker's cost per
  // filing is mostly D1 round trips, and the filter waits for each filing before its MOVE.
  const [recordRes, alertRes, userRes, tailRes] = await env.DB.batch([
    ...existingStatements(env.DB, p.councilId, mail),
    getUserStatement(env.DB, p.councilId, mail.councillorId),
    custodyTailStatement(env.DB, p.councilId),
  ]);
  const existing = existingFromResults(recordRes, alertRes);
  if (existing) return { result: existing, created: false };

  const councillor = userFromResult(userRes);
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

  // For search: the body text goes into the index in the same batch as the record; it is read while R2 stores the message.
  const [bodyText] = await Promise.all([
    mailBodyText(eml),
    env.EVIDENCE.put(r2Key, eml, {
      sha256: emlSha256,
      httpMetadata: { contentType: 'message/rfc822' },
      customMetadata: { itemId, name: EML_NAME },
    }),
  ]);
  let readBack: D1Result[];
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
    // Read back in the same transaction, so nothing is answered before the batch has committed.
    const reads = [...existingStatements(env.DB, p.councilId, mail), ...(alertId ? [getAlertStatement(env.DB, p.councilId, alertId)] : [])];
    const base = { councilId: p.councilId, actorId: p.userId, itemId };
    const written = await appendCustody(
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
      [...statements, ...reads],
      { tail: Promise.resolve(custodyTailFromResult(tailRes)) },
    );
    readBack = written.slice(statements.length);
  } catch (err) {
    await env.EVIDENCE.delete(r2Key);
    // The same message filed concurrently won the race: answer as a repeat.
    const raced = await existingResult(env, p.councilId, mail);
    if (raced) return { result: raced, created: false };
    if (err instanceof WardguardError) throw err;
    console.error('storeMail failed', String(err));
    throw new WardguardError('STORAGE_FAILED', 'The message could not be stored; nothing was kept. Retry later.');
  }

  const [stored, storedAlert, alertRow] = readBack;
  const result = existingFromResults(stored, storedAlert);
  if (!result) throw new WardguardError('INTERNAL', 'The stored record could not be read back.');
  const alert = alertFromResult(alertRow);
  // The first push now; the Worker's cron repeats it (and retries a failed one) until acknowledged.
  if (alert) await pushAlertWebhook(env, alert, { councilId: p.councilId, itemId, ...(origin ? { origin } : {}) }, { at: null, count: 0 }, Date.now());
  return { result: { ...result, created: true }, created: true };
}

/** The reads that find an earlier filing of the same message and its alert (existingFromResults reads their results). */
const existingStatements = (db: D1Database, councilId: string, mail: VerifiedFiling['mail']): D1PreparedStatement[] => [
  findRecordStatement(db, councilId, mail.mailbox, mail.messageId, mail.sourceSha256),
  alertForFilingStatement(db, councilId, mail.mailbox, mail.messageId, mail.sourceSha256),
];

function existingFromResults(record: D1Result | undefined, alert: D1Result | undefined): FileMailResult | null {
  const r = recordFromResult(record);
  if (!r) return null;
  const alertId = (alert?.results as { id: string }[] | undefined)?.[0]?.id ?? null;
  return { recordId: r.id, exhibitRef: r.exhibitRef, state: r.state, created: false, alertId };
}

async function existingResult(env: Bindings, councilId: string, mail: VerifiedFiling['mail']): Promise<FileMailResult | null> {
  const [record, alert] = await env.DB.batch(existingStatements(env.DB, councilId, mail));
  return existingFromResults(record, alert);
}
