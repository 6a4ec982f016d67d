import type { ByteSource } from './zip-source.ts';

/**
 * The part of Node's `fs.promises` FileHandle the CLI uses. Typed structurally so this file
 * compiles with the rest of `shared` (no Node types); only the CLI's bin hands in a real one.
 */
export interface FileHandleLike {
  stat(): Promise<{ size: number }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
}

/**
 * A pack on disk, read by position: positional reads need no shared file offset, so the
 * concurrent reads zip.js makes cannot interleave.
 */
export async function fileHandleSource(handle: FileHandleLike): Promise<ByteSource> {
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const want = Math.max(0, Math.min(length, size - offset));
      const buffer = new Uint8Array(want);
      let filled = 0;
      while (filled < want) {
        const { bytesRead } = await handle.read(buffer, filled, want - filled, offset + filled);
        if (bytesRead === 0) break; // the file shrank under us; zip.js reports the short read
        filled += bytesRead;
      }
      return filled === want ? buffer : buffer.subarray(0, filled);
    },
  };
}
