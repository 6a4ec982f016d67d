import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '@wardguard/shared';
import { createApp } from './app.ts';
import type { Bindings } from './env.ts';
import { readConfig } from './config.ts';
import { bundleForm, manifestFor, pngBytes, seedCouncil, signWithDeviceKey, storedCounts } from '../test/helpers.ts';

/** An upload through a Worker whose environment has the given vars changed. */
async function uploadWith(vars: Partial<Record<keyof Bindings, string | undefined>>, token: string, bytes: Uint8Array) {
  const files = [{ name: 'shot.png', mediaType: 'image/png', bytes }];
  const manifestText = JSON.stringify(await manifestFor(files));
  const form = bundleForm(manifestText, files, await signWithDeviceKey(token, manifestText));
  return createApp().request(
    'http://wardguard.test/api/v1/evidence',
    { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } },
    { ...env, ...vars },
  );
}

describe('configuration', () => {
  it('refuses an upload loudly when MAX_BUNDLE_BYTES is mistyped, instead of switching the limit off', async () => {
    const s = await seedCouncil();
    const before = await storedCounts();
    // Today's limit would have let this small upload through; a bad setting must not.
    const res = await uploadWith({ MAX_BUNDLE_BYTES: '64MB' }, s.alice.token, pngBytes(1024));
    expect(res.status).toBe(500);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.message).toContain('MAX_BUNDLE_BYTES');
    expect(error.message).not.toContain('64MB');
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses every request, not just uploads, while a setting is bad', async () => {
    const res = await createApp().request('http://wardguard.test/api/v1/health', {}, { ...env, MAX_ARTIFACT_BYTES: 'lots' });
    expect(res.status).toBe(500);
    expect(((await res.json()) as ErrorBody).error).toMatchObject({ code: 'INVALID_CONFIG', message: expect.stringContaining('MAX_ARTIFACT_BYTES') });
  });

  it('names each bad variable, and never echoes a value that may be a secret', () => {
    const bad = { ...env, REPLY_PERIOD_DAYS: '-3', ALERT_WEBHOOK_URL: 'not a url secret-token-123', ENABLE_BENCH_ROUTES: 'yes' };
    expect(() => readConfig(bad)).toThrow(/REPLY_PERIOD_DAYS.*ALERT_WEBHOOK_URL.*ENABLE_BENCH_ROUTES/);
    expect(() => readConfig(bad)).not.toThrow(/secret-token-123/);
    for (const value of ['0', '1e6', '12.5', 'NaN', '0x10']) {
      expect(() => readConfig({ ...env, MAX_BUNDLE_BYTES: value }), value).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    }
  });

  it('refuses a malformed PACK_SIGNING_KEYS naming the variable, and never echoes the keys in it', async () => {
    const secret = 'MC4CAQAwBQYDK2VwBCIEIsecretKeyMaterial';
    for (const value of [`{"c1": "${secret}"`, `["${secret}"]`, `{"c1": 42, "c2": "${secret}"}`, `{"c1": " "}`, `{"": "${secret}"}`]) {
      const res = await createApp().request('http://wardguard.test/.well-known/wardguard-pack-key', {}, { ...env, PACK_SIGNING_KEYS: value });
      expect(res.status, value).toBe(500);
      const { error } = (await res.json()) as ErrorBody;
      expect(error.code, value).toBe('INVALID_CONFIG');
      expect(error.message, value).toContain('PACK_SIGNING_KEYS');
      expect(JSON.stringify(error), value).not.toContain('secretKeyMaterial');
    }
    expect(readConfig({ ...env, PACK_SIGNING_KEYS: `{"c1": "${secret}"}` }).packSigningKeys).toEqual({ c1: secret });
    expect(readConfig({ ...env, PACK_SIGNING_KEYS: ' ' }).packSigningKeys).toBeNull();
  });

  it('uses the documented defaults for settings left unset or blank', () => {
    const bare = { DB: env.DB, EVIDENCE: env.EVIDENCE, MAX_BUNDLE_BYTES: ' ' } as Bindings;
    expect(readConfig(bare)).toEqual({
      councilName: 'Example Borough Council',
      maxBundleBytes: 67_108_864,
      maxArtifactBytes: 52_428_800,
      maxJsonBytes: 1_048_576,
      maxOriginalBytes: 1_073_741_824,
      replyPeriodDays: 30,
      alertRepeatSeconds: 600,
      alertWebhookUrl: null,
      digestWebhookUrl: null,
      benchRoutes: false,
      publicUrl: null,
      packSigningKey: undefined,
      packSigningKeys: null,
      packPreviousKeys: {},
    });
  });

  it('reads the test environment as numbers, and sends the digest to the alert hook when it has none of its own', () => {
    const c = readConfig({ ...env, ALERT_WEBHOOK_URL: 'https://duty.example/hook' });
    expect(c.maxBundleBytes).toBe(3 * 1024 * 1024);
    expect(c.maxArtifactBytes).toBe(2.5 * 1024 * 1024);
    expect(c.digestWebhookUrl).toBe('https://duty.example/hook');
    expect(readConfig(env)).toBe(readConfig(env));
  });
});
