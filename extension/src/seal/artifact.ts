import { sha256Hex, type AllowedMediaType, type ArtifactEntry } from '@wardguard/shared';

/** One file of a capture with the hash computed here, at capture time, before anything leaves the browser. */
export interface SealedArtifact extends ArtifactEntry {
  blob: Blob;
}

/**
 * Hashes a file once and remembers the hash beside it.
 *
 * @example const shot = await sealArtifact('viewport.png', 'image/png', pngBlob);
 */
export async function sealArtifact(name: string, mediaType: AllowedMediaType, data: Blob | Uint8Array | string): Promise<SealedArtifact> {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type: mediaType });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return { name, mediaType, size: bytes.byteLength, sha256: await sha256Hex(bytes), blob };
}

/** The manifest's view of an artifact: everything but the bytes. */
export const toEntry = ({ name, mediaType, size, sha256 }: SealedArtifact): ArtifactEntry => ({ name, mediaType, size, sha256 });
