import {
  assertSafeArtifactName,
  bundleManifestSchema,
  canonicalJson,
  keyFingerprint,
  manifestSignatureSchema,
  sha256Hex,
  verifyManifestSignature,
  WardguardError,
  type ArtifactEntry,
  type BundleManifest,
} from '@wardguard/shared';
import { describeIssues } from '../http/read-json.ts';

export interface VerifiedSignature {
  keySha256: string;
  json: string;
}
/** What a bundle claims, checked before any of its files is read. */
export interface BundleHeader {
  manifest: BundleManifest;
  manifestSha256: string;
  signature: VerifiedSignature | null;
  /** The manifest's artifacts by name. */
  declared: ReadonlyMap<string, ArtifactEntry>;
}
export interface BundleLimits {
  maxArtifactBytes: number;
}

/**
 * Checks the `manifest` part and the optional `signature` part of a bundle: the manifest's
 * schema, the device signature over its exact bytes (required for web captures), and each
 * declared artifact's name and size. The files themselves are checked as they stream
 * (artifact-writer.ts) against what this returns.
 */
export async function readBundleHeader(manifestText: string | null, signatureText: string | null, limits: BundleLimits): Promise<BundleHeader> {
  const manifest = readManifest(manifestText);
  const signature = signatureText === null ? null : await checkSignature(signatureText, manifestText!);
  // A web capture is only evidence if the device that saw the page vouches for it.
  if (manifest.kind === 'web_capture' && !signature) {
    throw new WardguardError(
      'SIGNATURE_REQUIRED',
      'A web capture must be signed by the extension that captured it, its "signature" part sent before the files; unsigned captures are not accepted.',
    );
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
  return { manifest, manifestSha256: await sha256Hex(canonicalJson(manifest)), signature, declared };
}

/** A device signature (required for web captures) must verify over the manifest part's exact bytes. */
async function checkSignature(text: string, manifestText: string): Promise<VerifiedSignature> {
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
