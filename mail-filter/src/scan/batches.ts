/** How much of the inbox one FETCH brings into memory. */
export interface FetchLimits {
  /** Message bytes (RFC822.SIZE) held at once; a single larger message is fetched alone. */
  maxBytes: number;
  /** Messages per FETCH, however small. */
  maxMessages: number;
}

/**
 * Splits pending messages (UID order) into fetch batches bounded by bytes and by count, so
 * a run of large messages is never in memory together. Every batch holds at least one
 * message: one over `maxBytes` is fetched on its own (it has to be read whole to be scanned).
 */
export function planBatches(messages: ReadonlyArray<{ uid: number; size: number }>, limits: FetchLimits): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const { uid, size } of messages) {
    if (current.length > 0 && (bytes + size > limits.maxBytes || current.length >= limits.maxMessages)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(uid);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
