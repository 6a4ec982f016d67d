/** A fixed-size block being filled from a stream's chunks: `bytes` holds `filled` so far. */
export interface Block {
  bytes: Uint8Array;
  filled: number;
}

/**
 * Copies `chunk` into `block`, calling `onFull` each time the block is full with how many bytes
 * of `chunk` it has taken so far. `onFull` empties the block (sets `filled` to 0, and may put in
 * new `bytes` of any size) before the rest of the chunk is copied; a block it leaves full while
 * bytes remain is an error, not an endless loop. A stream cut into parts or rows fills them so.
 *
 * @example
 *   const row = { bytes: new Uint8Array(rowBytes), filled: 0 };
 *   for await (const chunk of stream) await fillBlocks(chunk, row, () => { use(row.bytes); row.filled = 0; });
 */
export async function fillBlocks(chunk: Uint8Array, block: Block, onFull: (taken: number) => void | Promise<void>): Promise<void> {
  let at = 0;
  while (at < chunk.byteLength) {
    const n = Math.min(chunk.byteLength - at, block.bytes.byteLength - block.filled);
    if (n === 0) throw new Error('fillBlocks: the block is full and was not emptied');
    block.bytes.set(chunk.subarray(at, at + n), block.filled);
    block.filled += n;
    at += n;
    if (block.filled === block.bytes.byteLength) await onFull(at);
  }
}
