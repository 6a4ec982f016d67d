/**
 * Random access to a pack's bytes. A pack can run to gigabytes, so the verifier never asks
 * for all of it at once: zip.js reads the central directory from the end, then each entry
 * a chunk at a time.
 */
export interface ByteSource {
  /** Total size in bytes. */
  readonly size: number;
  /** Up to `length` bytes from `offset`; fewer only where the source ends. May be called concurrently. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

const clampEnd = (size: number, offset: number, length: number) => Math.min(size, offset + Math.max(0, length));

/** Bytes already in memory (tests, small packs). */
export const bytesSource = (bytes: Uint8Array): ByteSource => ({
  size: bytes.byteLength,
  read: async (offset, length) => bytes.slice(offset, clampEnd(bytes.byteLength, offset, length)),
});

/** The part of a browser `Blob`/`File` used here, typed structurally because `shared` compiles without the DOM library. */
export interface BlobLike {
  readonly size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/**
 * A dropped or chosen file: slicing a Blob reads only that range from disk, so a
 * multi-gigabyte pack is checked without being loaded into the tab's memory.
 *
 * @example verifyPack(blobSource(input.files[0]), { key })
 */
export const blobSource = (blob: BlobLike): ByteSource => ({
  size: blob.size,
  read: async (offset, length) => new Uint8Array(await blob.slice(offset, clampEnd(blob.size, offset, length)).arrayBuffer()),
});
