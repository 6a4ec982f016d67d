import {
  assertSafeArtifactName,
  bundleManifestSchema,
  canonicalJson,
  contentMatchesMediaType,
  keyFingerprint,
  manifestSignatureSchema,
  sha256Hex,
  verifyManifestSignature,
  WardguardError,
  type ArtifactEntry,
  type BundleManifest,
} from '@wardguard/shared';
import { describeIssues } from '../http/read-json.ts';
import { readMultipart } from '../http/read-multipart.ts';

export interface VerifiedFile {
  entry: ArtifactEntry;
  bytes: Uint8Array;
}
export interface VerifiedSignature {
  keySha256: string;
  json: string;
}
export interface VerifiedBundle {
  manifest: BundleManifest;
  manifestSha256: string;
  files: VerifiedFile[];
  signature: VerifiedSignature | null;
}
export interface BundleLimits {
  maxArtifactBytes: number;
}

/**
 * Parses a multipart bundle (`manifest` JSON part + one `file` part per artifact,
 * named by the part's filename) and checks every claim the manifest makes. Any
 * difference refuses the whole bundle: nothing is stored from a bundle that fails.
 */
export async function parseBundle(body: Uint8Array, contentType: string, limits: BundleLimits): Promise<VerifiedBundle> {
  const entries = await readMultipart(body, contentType, 'a "manifest" part and one "file" part per artifact');
  const manifestPart = entries.find(([k]) => k === 'manifest')?.[1] ?? null;
  const manifestText = manifestPart === null ? null : typeof manifestPart === 'string' ? manifestPart : await manifestPart.text();
  const manifest = readManifest(manifestText);
  const signaturePart = entries.find(([k]) => k === 'signature')?.[1] ?? null;
  const signature = signaturePart === null ? null : await checkSignature(signaturePart, manifestText!);
  // A web capture is only evidence if the device that saw the page vouches for it.
  if (manifest.kind === 'web_capture' && !signature) {
    throw new WardguardError('SIGNATURE_REQUIRED', 'A web capture must be signed by the extension that captured it; unsigned captures are not accepted.');
  }
  const declared = new Map<string, ArtifactEntry>();
  for (const entry of manifest.artifacts) {
    assertSafeArtifactName(entry.name);
    if (declared.has(entry.name)) throw new WardguardError('DUPLICATE_ARTIFACT_NAME', `The manifest lists "${entry.name}" twice.`);
    if (entry.size > limits.maxArtifactBytes) {
      throw new WardguardError('ARTIFACT_TOO_LARGE', `"${entry.name}" is ${entry.size} bytes; the limit per file is ${limits.maxArtifactBytes}.`);
    }
    declared.set(entry.name, entry);
  }

  const received = new Map<string, Uint8Array>();
  for (const [field, value] of entries) {
    if (field === 'manifest' || field === 'signature') continue;
    if (field !== 'file' || typeof value === 'string') throw new WardguardError('UNEXPECTED_FIELD', `Unexpected form field "${field.slice(0, 60)}".`);
    const name = value.name;
    assertSafeArtifactName(name);
    if (!declared.has(name)) throw new WardguardError('UNEXPECTED_FILE', `"${name}" is not listed in the manifest.`);
    if (received.has(name)) throw new WardguardError('DUPLICATE_ARTIFACT_NAME', `"${name}" was sent twice.`);
    received.set(name, new Uint8Array(await value.arrayBuffer()));
  }

  const files: VerifiedFile[] = [];
  for (const entry of manifest.artifacts) {
    const bytes = received.get(entry.name);
    if (!bytes) throw new WardguardError('MISSING_FILE', `"${entry.name}" is listed in the manifest but was not sent.`);
    if (bytes.byteLength !== entry.size) {
      throw new WardguardError('SIZE_MISMATCH', `"${entry.name}" is ${bytes.byteLength} bytes; the manifest says ${entry.size}.`);
    }
    const actual = await sha256Hex(bytes);
    if (actual !== entry.sha256) {
      throw new WardguardError('HASH_MISMATCH', `"${entry.name}" has SHA-256 ${actual}; the manifest says ${entry.sha256}.`, {
        name: entry.name,
        expected: entry.sha256,
        actual,
      });
    }
    if (!contentMatchesMediaType(entry.mediaType, bytes.subarray(0, 16))) {
      throw new WardguardError('MEDIA_TYPE_MISMATCH', `"${entry.name}" is declared ${entry.mediaType} but its content is not.`);
    }
    files.push({ entry, bytes });
  }
  return { manifest, manifestSha256: await sha256Hex(canonicalJson(manifest)), files, signature };
}

/** A device signature (required for web captures) must verify over the manifest part's exact bytes. */
async function checkSignature(part: File | string, manifestText: string): Promise<VerifiedSignature> {
  const text = typeof part === 'string' ? part : await part.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new WardguardError('INVALID_SIGNATURE', 'The signature part is not valid JSON.');
  }
  const parsed = manifestSignatureSchema.safeParse(raw);
  if (!parsed.success) throw new WardguardError('INVALID_SIGNATURE', describeIssues(parsed.error.issues));
  if (!(await verifyManifestSignature(parsed.data, new TextEncoder().encode(manifestText)))) {
    throw new WardguardError('SIGNATURE_MISMATCH', 'The manifest signature does not verify: the manifest was changed after it was signed.');
  }
  return { keySha256: await keyFingerprint(parsed.data.publicKeyJwk), json: JSON.stringify(parsed.data) };
}

function readManifest(text: string | null): BundleManifest {
  if (text === null) throw new WardguardError('INVALID_MANIFEST', 'The bundle has no "manifest" part.');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new WardguardError('INVALID_MANIFEST', 'The manifest is not valid JSON.');
  }
  const mediaTypeIssue = findUnsupportedMediaType(raw);
  if (mediaTypeIssue) throw new WardguardError('UNSUPPORTED_MEDIA_TYPE', mediaTypeIssue);
  const parsed = bundleManifestSchema.safeParse(raw);
  if (!parsed.success) throw new WardguardError('INVALID_MANIFEST', describeIssues(parsed.error.issues), parsed.error.issues);
  return parsed.data;
}

// A disallowed type deserves its own 415 rather than a generic schema error.
function findUnsupportedMediaType(raw: unknown): string | null {
  const artifacts = (raw as { artifacts?: unknown })?.artifacts;
  if (!Array.isArray(artifacts)) return null;
  for (const a of artifacts) {
    const t = (a as { mediaType?: unknown })?.mediaType;
    if (typeof t === 'string' && !bundleManifestSchema.shape.artifacts.element.shape.mediaType.safeParse(t).success) {
      return `Media type "${t.slice(0, 80)}" is not accepted as evidence.`;
    }
  }
  return null;
}
