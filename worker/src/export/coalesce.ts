/**
 * Reads from `reader` until at least `minBytes` are gathered (or the stream ends) and
 * returns them as one chunk. R2 and the ZIP writer hand out many small chunks; sending each
 * as its own write costs a network round of latency apiece, which dominated export time.
 */
export async function readAtLeast(reader: ReadableStreamDefaultReader<Uint8Array>, minBytes: number): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  let size = 0;
  while (size < minBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    size += value.byteLength;
  }
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export const SEND_CHUNK_BYTES = 256 * 1024;
