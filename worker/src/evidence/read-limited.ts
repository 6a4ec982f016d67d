import { WardguardError } from '@wardguard/shared';

/**
 * Reads a request body into memory, refusing it as soon as it passes `maxBytes`
 * (whether or not Content-Length was honest or present), so an oversized upload
 * costs at most the limit.
 */
export async function readLimited(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    throw new WardguardError('BUNDLE_TOO_LARGE', `The bundle is ${declared} bytes; the limit is ${maxBytes}.`);
  }
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new WardguardError('BUNDLE_TOO_LARGE', `The bundle is larger than the limit of ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
