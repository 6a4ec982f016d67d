import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { api, errorCode, manifestFor, pngBytes, seedCouncil, upload } from '../../test/helpers.ts';

const MiB = 1024 * 1024;
// Valid JSON padded past the 1 MiB default: today's Worker parses it whole and acts on it.
const padded = (value: unknown, bytes = 2 * MiB) => JSON.stringify(value) + ' '.repeat(bytes);

/** A body with no Content-Length, counting how much of it the Worker pulled. */
function countedStream(total: number) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      const n = Math.min(64 * 1024, total - counter.pulled);
      controller.enqueue(new TextEncoder().encode(' '.repeat(n)));
      counter.pulled += n;
    },
  });
  return { stream, counter };
}

const caseCount = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM cases').first<{ n: number }>())!.n;

describe('the JSON body cap', () => {
  it('answers an oversized sign-in with 413 BODY_TOO_LARGE before anyone is signed in', async () => {
    const s = await seedCouncil();
    const res = await api(null, '/session', { method: 'POST', body: padded({ token: s.officer.token }), headers: { 'content-type': 'application/json' } });
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 413, code: 'BODY_TOO_LARGE' });
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('stops reading a sign-in body with no Content-Length once it passes the cap', async () => {
    const { stream, counter } = countedStream(8 * MiB);
    const res = await exports.default.fetch(
      new Request('http://wardguard.test/api/v1/session', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' } }),
    );
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 413, code: 'BODY_TOO_LARGE' });
    expect(counter.pulled).toBeLessThan(3 * MiB);
  });

  it('answers an oversized body to an authenticated JSON route with 413 and acts on nothing', async () => {
    const s = await seedCouncil();
    const before = await caseCount();
    const res = await api(s.officer.token, '/cases', {
      method: 'POST',
      body: padded({ title: 'Padded', councillorId: s.alice.id }),
      headers: { 'content-type': 'application/json' },
    });
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 413, code: 'BODY_TOO_LARGE' });
    expect(await caseCount()).toBe(before);
  });

  it('takes its limit from MAX_JSON_BYTES', async () => {
    const s = await seedCouncil();
    const body = padded({ title: 'Small but over the limit', councillorId: s.alice.id }, 200);
    const init = { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${s.officer.token}` } };
    const res = await createApp().request('http://wardguard.test/api/v1/cases', init, { ...env, MAX_JSON_BYTES: '256' });
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 413, code: 'BODY_TOO_LARGE' });
    const ok = await createApp().request('http://wardguard.test/api/v1/cases', init, { ...env, MAX_JSON_BYTES: '4096' });
    expect(ok.status).toBe(201);
  });

  it('still lets ordinary sign-ins and writes through, and uploads past 1 MiB up to their own limit', async () => {
    const s = await seedCouncil();
    const signIn = await api(null, '/session', { method: 'POST', json: { token: s.officer.token } });
    expect(signIn.status).toBe(201);
    const created = await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Ordinary', councillorId: s.alice.id } });
    expect(created.status).toBe(201);
    const files = [{ name: 'big.png', mediaType: 'image/png', bytes: pngBytes(2 * MiB) }];
    expect((await upload(s.alice.token, await manifestFor(files), files)).status).toBe(201);
  });
});
