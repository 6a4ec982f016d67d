import { sha256Hex, type AllowedMediaType, type ArtifactEntry } from '@wardguard/shared';

/** One file of a capture with the hash computed here, at capture time, before anything leaves the browser. */
export interface SealedArtifact extends ArtifactEntry {
  // Bytes, not a Blob: Chrome loses IndexedDB-backed Blobs in service workers now and then
  // ("A requested file or directory could not be found"); plain bytes survive.
  bytes: Uint8Array;
}

/**
 * Hashes a file once and remembers the hash beside it.
 *
 * @example const shot = await sealArtifact('viewport.png', 'image/png', pngBlob);
 */
export async function sealArtifact(name: string, mediaType: AllowedMediaType, data: Blob | Uint8Array | string): Promise<SealedArtifact> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data;
  return { name, mediaType, size: bytes.byteLength, sha256: await sha256Hex(bytes), bytes };
}

/** The manifest's view of an artifact: everything but the bytes. */
export const toEntry = ({ name, mediaType, size, sha256 }: SealedArtifact): ArtifactEntry => ({ name, mediaType, size, sha256 });
