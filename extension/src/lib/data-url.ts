import { base64ToBytes } from '@wardguard/shared/encoding';

/** Bytes of a `data:` URL as returned by captureVisibleTab. */
export function dataUrlToBytes(dataUrl: string): Uint8Array {
  const comma = dataUrl.indexOf(',');
  const bytes = comma < 0 || !dataUrl.slice(0, comma).endsWith(';base64') ? null : base64ToBytes(dataUrl.slice(comma + 1));
  if (!bytes) throw new Error('Expected a base64 data: URL');
  return bytes;
}
