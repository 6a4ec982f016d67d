import { describe, expect, it } from 'vitest';
import { multipartEvents, type MultipartEvent } from './multipart-events.ts';
import { pngBytes } from '../../test/helpers.ts';

async function encoded(form: FormData) {
  const res = new Response(form);
  return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type')! };
}

/** A body handed over `size` bytes per pull, counting the pulls: what a slow network does. */
function trickle(bytes: Uint8Array, size: number) {
  const stats = { pulls: 0, cancelled: false };
  let at = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        stats.pulls++;
        if (at >= bytes.byteLength) return controller.close();
        controller.enqueue(bytes.slice(at, at + size));
        at += size;
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, stats };
}

function sampleForm(file: Uint8Array) {
  const form = new FormData();
  form.append('manifest', '{"version":1}');
  form.append('signature', 'sig');
  form.append('file', new File([file], 'a.png'));
  return form;
}

describe('reading a multipart body as it arrives', () => {
  it('gives text parts whole and file parts as chunks, in the order sent', async () => {
    const file = pngBytes(50_000, 2);
    const { bytes, contentType } = await encoded(sampleForm(file));
    const { body } = trickle(bytes, 7_777);
    const seen: string[] = [];
    const chunks: Uint8Array[] = [];
    for await (const ev of multipartEvents(body, contentType, { maxBytes: 1e6 })) {
      if (ev.kind === 'chunk') chunks.push(ev.bytes.slice());
      else seen.push(ev.kind === 'field' ? `${ev.name}=${new TextDecoder().decode(ev.value)}` : ev.kind === 'file' ? `file ${ev.filename}` : ev.kind);
    }
    expect(seen).toEqual(['manifest={"version":1}', 'signature=sig', 'file a.png', 'file-end']);
    expect(new Uint8Array(await new Blob(chunks).arrayBuffer())).toEqual(file);
  });

  it('reads the body only as fast as the events are taken, and stops reading when the caller stops', async () => {
    const { bytes, contentType } = await encoded(sampleForm(pngBytes(1_000_000, 3)));
    const { body, stats } = trickle(bytes, 10_000);
    const events = multipartEvents(body, contentType, { maxBytes: 2e6 });
    let ev: IteratorResult<MultipartEvent>;
    do ev = await events.next();
    while (!ev.done && ev.value.kind !== 'file');
    // The file has just begun: only its first pieces were read off the body, of about a hundred.
    expect(stats.pulls).toBeLessThan(5);
    await events.return(undefined);
    expect(stats.cancelled).toBe(true);
  });

  it('counts the bytes and refuses past the limit, whatever Content-Length says', async () => {
    const { bytes, contentType } = await encoded(sampleForm(pngBytes(100_000, 4)));
    const { body, stats } = trickle(bytes, 8_192);
    const drain = async () => {
      for await (const _ of multipartEvents(body, contentType, { maxBytes: 50_000 }));
    };
    await expect(drain()).rejects.toMatchObject({ code: 'BUNDLE_TOO_LARGE' });
    expect(stats.cancelled).toBe(true);
  });

  it('refuses a body that breaks off before its closing boundary, and one that is not multipart', async () => {
    const { bytes, contentType } = await encoded(sampleForm(pngBytes(20_000, 5)));
    const drain = async (b: Uint8Array, type: string) => {
      for await (const _ of multipartEvents(trickle(b, 4096).body, type, { maxBytes: 1e6 }));
    };
    await expect(drain(bytes.subarray(0, 15_000), contentType)).rejects.toMatchObject({ code: 'MALFORMED_MULTIPART' });
    await expect(drain(bytes, 'application/json')).rejects.toMatchObject({ code: 'EXPECTED_MULTIPART' });
  });

  it('refuses a text part larger than a manifest could be', async () => {
    const form = new FormData();
    form.append('manifest', 'x'.repeat(1024 * 1024 + 1));
    const { bytes, contentType } = await encoded(form);
    const drain = async () => {
      for await (const _ of multipartEvents(trickle(bytes, 65_536).body, contentType, { maxBytes: 4e6 }));
    };
    await expect(drain()).rejects.toMatchObject({ code: 'MALFORMED_MULTIPART' });
  });
});
