import { WardguardError, type BundleManifest, type Receipt } from '@wardguard/shared';
import type { Bindings, Principal } from '../env.ts';
import { appendCustody, readCustodyTail, type CustodyTail } from '../db/custody.ts';
import { findByIdempotencyKey, getItem, insertItemStatements, itemFromResults, readItemStatements, type NewArtifact } from '../db/evidence.ts';
import { getCase } from '../db/cases.ts';
import { getPerpetrator } from '../db/perpetrators.ts';
import { getUser } from '../db/users.ts';
import { pinCaptureKey } from '../db/tokens.ts';
import { newId, now } from '../db/ids.ts';
import { artifactKey } from '../storage/r2-keys.ts';
import type { BundleHeader } from './bundle.ts';
import type { ArtifactTarget } from './artifact-writer.ts';
import { receiveBundle, type ReceivedBundle, type ReceiveLimits } from './receive-bundle.ts';
import { receiptFor } from './receipt.ts';
import { ownerScope } from '../auth/scope.ts';

/**
 * Files an evidence bundle as it streams in (receive-bundle.ts): once its manifest is checked,
 * D1 is asked whether it repeats an earlier filing of the same idempotency key and whether the
 * signing key, councillor, case and perpetrator allow it, while the files stream into R2
 * (hashed on the way, R2 re-checking what it can; nothing is written before the repeat check),
 * and the custody chain's tail is read meanwhile. Then the item, its artifacts, the exhibit
 * number and two custody events go into D1 in one transaction that also reads the receipt back:
 * one round trip once the files are stored, and nothing acknowledged before that commits. If anything fails, every R2
 * object of the bundle is removed, so a refused or failed upload leaves nothing behind.
 */
export async function storeBundle(
  env: Bindings,
  p: Principal,
  req: Request,
  limits: ReceiveLimits,
  councillorFor: (manifest: BundleManifest) => string,
): Promise<{ receipt: Receipt; created: boolean }> {
  let filing: Filing | null = null;
  const received = await receiveBundle(req, limits, async (header) => {
    const f = planFiling(env, p, councillorFor(header.manifest), header);
    filing = f;
    // Nothing is written until D1 has said this is not a repeat (the first bytes are read
    // meanwhile): a retried bundle is checked against its manifest and keeps nothing.
    const bucket = f.duplicate.then((d) => (d ? null : env.EVIDENCE));
    return { bucket, target: (entry) => f.targets.get(entry.name)!, allowed: f.allowed };
  });
  const f = filing as Filing | null;
  if (!f) throw new WardguardError('INTERNAL', 'The bundle was read without being planned.');
  const duplicate = await f.duplicate;
  if (duplicate) return { receipt: duplicate, created: false };
  return recordFiling(env, p, received, f);
}

interface Filing {
  councillorId: string;
  itemId: string;
  artifacts: NewArtifact[];
  targets: Map<string, ArtifactTarget>;
  /** The receipt of this bundle's earlier filing, if it is a repeat. */
  duplicate: Promise<Receipt | null>;
  /** Settles once D1 has said the bundle may be filed (checkFiling); a repeat needs no more. */
  allowed: Promise<void>;
  /** The custody chain's tail, read while the files stream (appendCustody reads it again if overtaken). */
  tail: Promise<CustodyTail>;
}

/** Names the item and its objects at once; what D1 must answer is asked now and awaited later. */
function planFiling(env: Bindings, p: Principal, councillorId: string, header: BundleHeader): Filing {
  const { manifest } = header;
  const itemId = newId();
  const targets = new Map<string, ArtifactTarget>();
  const artifacts: NewArtifact[] = manifest.artifacts.map((entry) => {
    const id = newId();
    const a = { id, name: entry.name, mediaType: entry.mediaType, size: entry.size, sha256: entry.sha256, r2Key: artifactKey(p.councilId, itemId, id) };
    targets.set(entry.name, { key: a.r2Key, entry, customMetadata: { itemId, name: entry.name } });
    return a;
  });
  const duplicate = duplicateReceipt(env, councillorId, manifest.idempotencyKey, header.manifestSha256);
  const allowed = duplicate.then((d) => (d ? undefined : checkFiling(env, p, councillorId, header)));
  // Read beside checkFiling and perhaps never used (a refused bundle): a failure here is not an error yet.
  const tail = duplicate.then(() => readCustodyTail(env.DB, p.councilId));
  tail.catch(() => undefined);
  return { councillorId, itemId, artifacts, targets, duplicate, allowed, tail };
}

/**
 * Whether this principal may file this bundle where it says. Asked of D1 while the files
 * stream (their keys are ours, and a refusal discards them), so those round trips cost no
 * time; the answers are read in a fixed order so one bundle always gets the same refusal.
 */
async function checkFiling(env: Bindings, p: Principal, councillorId: string, header: BundleHeader): Promise<void> {
  const { manifest, signature } = header;
  const [pinned, councillor, kase, perpetrator] = await Promise.allSettled([
    signature ? requirePinnedKey(env.DB, p, signature.keySha256) : Promise.resolve(),
    getUser(env.DB, p.councilId, councillorId),
    manifest.caseId ? getCase(env.DB, p.councilId, manifest.caseId, councillorId) : Promise.resolve(true),
    // As for linking (PATCH /evidence/:id): a councillor may name only a perpetrator they can see.
    manifest.perpetratorId ? getPerpetrator(env.DB, p.councilId, manifest.perpetratorId, ownerScope(p)) : Promise.resolve(true),
  ]);
  const value = <T>(r: PromiseSettledResult<T>): T => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  };
  value(pinned);
  const c = value(councillor);
  if (!c || c.role !== 'councillor') throw new WardguardError('NOT_FOUND', 'No such councillor in this council.');
  if (!value(kase)) throw new WardguardError('NOT_FOUND', "No such case among this councillor's cases.");
  if (!value(perpetrator)) throw new WardguardError('NOT_FOUND', 'No such perpetrator.');
}

async function recordFiling(env: Bindings, p: Principal, received: ReceivedBundle, filing: Filing): Promise<{ receipt: Receipt; created: boolean }> {
  const { manifest } = received.header;
  const bundle = received.header;
  const { councillorId, itemId, artifacts } = filing;
  const receivedAt = now();
  let written: D1Result[];
  try {
    const hashes = artifacts.map((a) => ({ name: a.name, sha256: a.sha256, size: a.size }));
    const insert = insertItemStatements(
      env.DB,
      {
        id: itemId,
        councilId: p.councilId,
        councillorId,
        caseId: manifest.caseId ?? null,
        perpetratorId: manifest.perpetratorId ?? null,
        kind: manifest.kind,
        title: manifest.title,
        metadata: manifest.metadata,
        capturedAt: manifest.capturedAt,
        capturedBy: p.userId,
        receivedAt,
        idempotencyKey: manifest.idempotencyKey,
        manifestSha256: bundle.manifestSha256,
        signatureKeySha256: bundle.signature?.keySha256 ?? null,
        signature: bundle.signature?.json ?? null,
      },
      artifacts,
    );
    // The receipt is read back in the same transaction: one round trip once the files are stored.
    written = await appendCustody(
      env.DB,
      [
        {
          councilId: p.councilId,
          actorId: p.userId,
          action: 'captured',
          itemId,
          caseId: manifest.caseId ?? null,
          at: manifest.capturedAt,
          details: { kind: manifest.kind, manifestSha256: bundle.manifestSha256, signatureKeySha256: bundle.signature?.keySha256 ?? null },
        },
        {
          councilId: p.councilId,
          actorId: p.userId,
          action: 'uploaded',
          itemId,
          caseId: manifest.caseId ?? null,
          at: receivedAt,
          details: { artifacts: hashes },
        },
      ],
      [...insert, ...readItemStatements(env.DB, p.councilId, itemId)],
      { tail: filing.tail },
    );
    written = written.slice(insert.length);
  } catch (err) {
    await received.discard();
    // A concurrent upload of the same bundle won the race: answer as a duplicate.
    const raced = await duplicateReceipt(env, councillorId, manifest.idempotencyKey, bundle.manifestSha256);
    if (raced) return { receipt: raced, created: false };
    if (err instanceof WardguardError) throw err;
    throw new WardguardError('STORAGE_FAILED', 'The bundle could not be stored; nothing was kept. Retry later.');
  }

  // Outside the try: once the batch has committed, nothing may discard the files it names.
  const item = itemFromResults(written);
  if (!item) throw new WardguardError('INTERNAL', 'The stored item could not be read back.');
  return { receipt: receiptFor(item, false), created: true };
}

/**
 * The first signed bundle on a token pins its device key; a later bundle signed by another
 * key on the same token is refused, so whoever holds the token cannot strip a capture's
 * signature and sign it again with a key of their own.
 */
async function requirePinnedKey(db: D1Database, p: Principal, keySha256: string): Promise<void> {
  const pinned = await pinCaptureKey(db, p.tokenId, keySha256);
  if (pinned !== keySha256) {
    throw new WardguardError(
      'SIGNATURE_KEY_CHANGED',
      'This bundle is signed by a different device key from the one this token was first used with. If you reinstalled the extension or changed browser, ask your administrator for a new token and pair the extension again.',
      { pinnedKeySha256: pinned, keySha256 },
    );
  }
}

async function duplicateReceipt(env: Bindings, councillorId: string, key: string, manifestSha256: string): Promise<Receipt | null> {
  const found = await findByIdempotencyKey(env.DB, councillorId, key);
  if (!found) return null;
  if (found.manifestSha256 !== manifestSha256) {
    throw new WardguardError('IDEMPOTENCY_CONFLICT', 'This idempotency key was already used for a different bundle.');
  }
  const item = await getItem(env.DB, found.councilId, found.id);
  return item ? receiptFor(item, true) : null;
}
