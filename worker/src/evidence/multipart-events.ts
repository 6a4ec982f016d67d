import * as Multipasta from 'multipasta';
import { WardguardError } from '@wardguard/shared';

/** Text parts (the manifest, the signature) are held whole; nothing legitimate comes near this. */
export const MAX_FIELD_BYTES = 1024 * 1024;

export type MultipartEvent =
  | { kind: 'field'; name: string; value: Uint8Array }
  | { kind: 'file'; name: string; filename: string }
  | { kind: 'chunk'; bytes: Uint8Array }
  | { kind: 'file-end' };

export interface MultipartLimits {
  /** The whole body's limit, counted as it arrives whatever Content-Length said. */
  maxBytes: number;
}

/**
 * Reads a multipart/form-data body as it arrives, as a flat list of events: a text part
 * whole, a file part as its start, its chunks and its end. The body is read one network
 * chunk at a time and only when the caller asks for the next event, so however large the
 * body, memory holds one chunk (plus a text part) — what the caller keeps is its business.
 * A chunk's bytes may be reused once the next event is asked for: copy what you keep.
 * Parts named "file" with a filename are files; everything else is a text part.
 *
 * @example
 *   for await (const ev of multipartEvents(req.body, req.headers.get('content-type') ?? '', { maxBytes })) { … }
 */
export async function* multipartEvents(
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
  limits: MultipartLimits,
): AsyncGenerator<MultipartEvent, void, undefined> {
  if (!/^multipart\/form-data;/i.test(contentType)) {
    throw new WardguardError('EXPECTED_MULTIPART', 'Send multipart/form-data with a "manifest" part and one "file" part per artifact.');
  }
  const queue: MultipartEvent[] = [];
  let failure: Multipasta.MultipartError | null = null;
  let done = false;
  const parser = Multipasta.make({
    headers: { 'content-type': contentType },
    isFile: (info) => info.name === 'file' && info.filename !== undefined,
    maxFieldSize: MAX_FIELD_BYTES,
    onField: (info, value) => queue.push({ kind: 'field', name: info.name, value }),
    onFile: (info) => {
      queue.push({ kind: 'file', name: info.name, filename: info.filename ?? '' });
      return (chunk) => queue.push(chunk === null ? { kind: 'file-end' } : { kind: 'chunk', bytes: chunk });
    },
    onError: (err) => {
      failure ??= err;
    },
    onDone: () => {
      done = true;
    },
  });
  const reader = body?.getReader();
  let finished = false;
  let total = 0;
  try {
    for (;;) {
      // Hand over what the last chunk produced before reading the next one: backpressure.
      while (queue.length) {
        if (failure) break;
        yield queue.shift()!;
      }
      if (failure) throw malformed(failure);
      if (done || !reader) break;
      const { done: end, value } = await reader.read().catch(() => {
        throw new WardguardError('MALFORMED_MULTIPART', 'The upload broke off before the body ended; nothing was kept.');
      });
      if (end) {
        finished = true;
        parser.end();
        if (!done && !failure) failure = { _tag: 'EndNotReached' };
        continue;
      }
      total += value.byteLength;
      if (total > limits.maxBytes) {
        throw new WardguardError('BUNDLE_TOO_LARGE', `The bundle is larger than the limit of ${limits.maxBytes} bytes.`);
      }
      parser.write(value);
    }
    if (!finished && reader) {
      // Bytes after the closing boundary are an epilogue: count them against the limit, then drop them.
      for (;;) {
        const { done: end, value } = await reader.read();
        if (end) break;
        total += value.byteLength;
        if (total > limits.maxBytes) throw new WardguardError('BUNDLE_TOO_LARGE', `The bundle is larger than the limit of ${limits.maxBytes} bytes.`);
      }
      finished = true;
    }
  } finally {
    // Refused (or the caller stopped early): stop reading instead of draining the rest.
    if (!finished) await reader?.cancel().catch(() => undefined);
  }
}

function malformed(err: Multipasta.MultipartError): WardguardError {
  if (err._tag === 'ReachedLimit') {
    return new WardguardError('MALFORMED_MULTIPART', `A text part (the manifest or the signature) is larger than ${MAX_FIELD_BYTES} bytes.`);
  }
  return new WardguardError('MALFORMED_MULTIPART', `The multipart body could not be parsed (${err._tag}).`);
}
