import { assertSafeArtifactName, WardguardError, type ArtifactEntry } from '@wardguard/shared';
import { readBundleHeader, type BundleHeader } from './bundle.ts';
import { createArtifactWriter, type ArtifactTarget, type ArtifactWriter } from './artifact-writer.ts';
import { multipartEvents } from './multipart-events.ts';

export interface ReceiveLimits {
  maxBundleBytes: number;
  maxArtifactBytes: number;
}

/** Where a bundle's files go, decided once its header is checked (before any file is read). */
export interface FilePlan {
  /** Where to write, once known; null: check the files but keep none (the bundle was filed before). */
  bucket: Promise<R2Bucket | null>;
  target(entry: ArtifactEntry): ArtifactTarget;
  /**
   * Settles when the bundle may be kept; files stream meanwhile. A refusal stops the reading
   * at the next chunk and discards what was written.
   */
  allowed: Promise<void>;
}

export interface ReceivedBundle {
  header: BundleHeader;
  /** Removes every object this bundle wrote: for when recording it fails afterwards. */
  discard(): Promise<void>;
}

const decoder = new TextDecoder();

/**
 * Reads an evidence bundle as it arrives: the `manifest` part (and the `signature` part, if
 * any) first, checked and handed to `plan` before the first file is read; then each `file`
 * part streamed into R2 through its own writer, checked against the manifest as it goes.
 * Parts in another order are refused rather than held: holding files until a late manifest
 * arrives is the memory this avoids, and every client (the extension, the scripts) sends the
 * manifest first. What needs D1 (may this principal file here?) is asked while the files
 * stream, through `plan`'s `allowed`. Any refusal — a bad part, a client that breaks off, a file that does not
 * match — removes every object already written for the bundle before it is thrown.
 */
export async function receiveBundle(req: Request, limits: ReceiveLimits, plan: (header: BundleHeader) => Promise<FilePlan>): Promise<ReceivedBundle> {
  const declaredLength = req.headers.get('content-length');
  if (declaredLength !== null && Number(declaredLength) > limits.maxBundleBytes) {
    throw new WardguardError('BUNDLE_TOO_LARGE', `The bundle is ${declaredLength} bytes; the limit is ${limits.maxBundleBytes}.`);
  }
  let manifestText: string | null = null;
  let signatureText: string | null = null;
  let opened: { header: BundleHeader; files: FilePlan } | null = null;
  let refused: unknown = null;
  const open = async () => {
    const header = await readBundleHeader(manifestText, signatureText, limits);
    const files = await plan(header);
    for (const answer of [files.allowed, files.bucket]) {
      answer.catch((err: unknown) => {
        refused ??= err;
      });
    }
    return { header, files };
  };
  const writers: ArtifactWriter[] = [];
  const received = new Set<string>();
  let current: ArtifactWriter | null = null;
  try {
    for await (const ev of multipartEvents(req.body, req.headers.get('content-type') ?? '', { maxBytes: limits.maxBundleBytes })) {
      if (refused) throw refused;
      if (ev.kind === 'chunk') {
        await current!.write(ev.bytes);
      } else if (ev.kind === 'file-end') {
        await current!.finish();
        current = null;
      } else if (ev.kind === 'field') {
        if (ev.name !== 'manifest' && ev.name !== 'signature') throw new WardguardError('UNEXPECTED_FIELD', `Unexpected form field "${ev.name.slice(0, 60)}".`);
        if (opened) {
          throw new WardguardError(
            ev.name === 'manifest' ? 'INVALID_MANIFEST' : 'INVALID_SIGNATURE',
            `The "${ev.name}" part came after the files; send it before them.`,
          );
        }
        if ((ev.name === 'manifest' ? manifestText : signatureText) !== null) {
          throw new WardguardError('UNEXPECTED_FIELD', `The "${ev.name}" part was sent twice.`);
        }
        if (ev.name === 'manifest') manifestText = decoder.decode(ev.value);
        else signatureText = decoder.decode(ev.value);
      } else {
        if (manifestText === null) {
          throw new WardguardError('INVALID_MANIFEST', 'The bundle has no "manifest" part before its files: send the manifest (and its signature) first.');
        }
        opened ??= await open();
        assertSafeArtifactName(ev.filename);
        const entry = opened.header.declared.get(ev.filename);
        if (!entry) throw new WardguardError('UNEXPECTED_FILE', `"${ev.filename}" is not listed in the manifest.`);
        if (received.has(ev.filename)) throw new WardguardError('DUPLICATE_ARTIFACT_NAME', `"${ev.filename}" was sent twice.`);
        received.add(ev.filename);
        current = createArtifactWriter(opened.files.bucket, opened.files.target(entry));
        writers.push(current);
      }
    }
    opened ??= await open();
    for (const entry of opened.header.manifest.artifacts) {
      if (!received.has(entry.name)) throw new WardguardError('MISSING_FILE', `"${entry.name}" is listed in the manifest but was not sent.`);
    }
    await opened.files.allowed;
  } catch (err) {
    await discardAll(writers);
    throw err;
  }
  return { header: opened.header, discard: () => discardAll(writers) };
}

async function discardAll(writers: ArtifactWriter[]): Promise<void> {
  // One at a time: a bundle has a handful of files, and R2 deletes are quick.
  for (const w of writers) await w.discard();
}
