import { env, exports } from 'cloudflare:workers';
import { sha256Hex, type BundleManifest, type Role } from '@wardguard/shared';
import { createCouncil } from '../src/db/councils.ts';
import { createUser } from '../src/db/users.ts';
import { issueToken } from '../src/db/tokens.ts';

export interface Actor {
  id: string;
  token: string;
  tokenId: string;
  councilId: string;
}

export async function actor(councilId: string, name: string, role: Role): Promise<Actor> {
  const user = await createUser(env.DB, councilId, { name, role });
  const t = await issueToken(env.DB, user);
  return { id: user.id, token: t.token, tokenId: t.id, councilId };
}

/** A council with two councillors, an officer, an admin and the mail filter; plus a second council. */
export async function seedCouncil() {
  const council = await createCouncil(env.DB, 'Test Borough Council');
  const other = await createCouncil(env.DB, 'Elsewhere District Council');
  return {
    council,
    alice: await actor(council.id, 'Alice Brown', 'councillor'),
    bob: await actor(council.id, 'Bob Green', 'councillor'),
    officer: await actor(council.id, 'Olive Officer', 'officer'),
    admin: await actor(council.id, 'Adam Admin', 'admin'),
    service: await actor(council.id, 'Mail Filter', 'service'),
    otherOfficer: await actor(other.id, 'Otto Outsider', 'officer'),
    otherCouncillor: await actor(other.id, 'Carla Elsewhere', 'councillor'),
  };
}

/** The `n` of a `SELECT COUNT(*) AS n …`: what a write left behind (or did not). */
export async function countRows(sql: string, ...args: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql)
    .bind(...args)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** A request's init with the bearer token and a JSON body, as the dashboard and scripts send them. */
export function authedInit(token: string | null, init: RequestInit & { json?: unknown } = {}): RequestInit {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  return { ...init, headers, body };
}

export function api(token: string | null, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  return exports.default.fetch(new Request(`http://wardguard.test/api/v1${path}`, authedInit(token, init)));
}

/** A PNG-signed byte array of the given size (content beyond the signature is arbitrary). */
export function pngBytes(size = 1024, seed = 1): Uint8Array {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed) & 0xff;
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return b;
}

export const text = (s: string) => new TextEncoder().encode(s);

export interface FileSpec {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** The manifest a well-behaved client would send for these files. */
export async function manifestFor(files: FileSpec[], extra: Partial<BundleManifest> = {}): Promise<BundleManifest> {
  return {
    version: 1,
    idempotencyKey: `key-${crypto.randomUUID()}`,
    kind: 'web_capture',
    title: 'Abusive reply on X',
    capturedAt: '2026-11-23T10:15:00.000Z',
    metadata: { url: 'https://x.com/someone/status/1860000000000000001' },
    artifacts: await Promise.all(
      files.map(async (f) => ({
        name: f.name,
        mediaType: f.mediaType as BundleManifest['artifacts'][number]['mediaType'],
        size: f.bytes.byteLength,
        sha256: await sha256Hex(f.bytes),
      })),
    ),
    ...extra,
  };
}

export function bundleForm(manifest: unknown, files: { name: string; bytes: Uint8Array; type?: string }[], signature?: unknown): FormData {
  const form = new FormData();
  form.append('manifest', typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  if (signature !== undefined) form.append('signature', typeof signature === 'string' ? signature : JSON.stringify(signature));
  for (const f of files) form.append('file', new File([f.bytes], f.name, { type: f.type ?? 'application/octet-stream' }));
  return form;
}

/**
 * Uploads a bundle as the extension would: a web capture sent without a signature is signed
 * with the token's own device key (one per token, as the extension keeps one per install).
 * Pass `signature: null` to send a web capture unsigned.
 */
export async function upload(token: string, manifest: unknown, files: { name: string; bytes: Uint8Array }[], signature?: unknown): Promise<Response> {
  const manifestText = typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
  const sig = signature === null ? undefined : signature === undefined && isWebCapture(manifestText) ? await signWithDeviceKey(token, manifestText) : signature;
  return api(token, '/evidence', { method: 'POST', body: bundleForm(manifestText, files, sig) });
}

function isWebCapture(manifestText: string): boolean {
  try {
    return (JSON.parse(manifestText) as { kind?: unknown })?.kind === 'web_capture';
  } catch {
    return false;
  }
}

const deviceKeys = new Map<string, Promise<CryptoKeyPair>>();

/** The device key paired with a token in these tests: the same key for every upload on it. */
export function deviceKeyFor(token: string): Promise<CryptoKeyPair> {
  let pair = deviceKeys.get(token);
  if (!pair) {
    pair = crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']) as Promise<CryptoKeyPair>;
    deviceKeys.set(token, pair);
  }
  return pair;
}

/** Signs manifest text with the token's device key (see deviceKeyFor). */
export async function signWithDeviceKey(token: string, manifestText: string) {
  return signManifestWith(await deviceKeyFor(token), manifestText);
}

const b64url = (buf: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(buf)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

/** Signs manifest text the way the extension does: a non-extractable P-256 device key. */
export async function signManifest(manifestText: string) {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  return signManifestWith(pair, manifestText);
}

/** Signs manifest text with a given key pair, in the extension's format. */
export async function signManifestWith(pair: CryptoKeyPair, manifestText: string) {
  const jwk = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey;
  const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(manifestText));
  return { alg: 'ES256', publicKeyJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, value: b64url(sig as ArrayBuffer) };
}

/** What is stored in total, to prove a refused upload left nothing behind. */
export async function storedCounts() {
  const items = await env.DB.prepare('SELECT COUNT(*) AS n FROM evidence_items').first<{ n: number }>();
  const artifacts = await env.DB.prepare('SELECT COUNT(*) AS n FROM artifacts').first<{ n: number }>();
  const custody = await env.DB.prepare('SELECT COUNT(*) AS n FROM custody_events').first<{ n: number }>();
  let objects = 0;
  let cursor: string | undefined;
  do {
    const page = await env.EVIDENCE.list(cursor ? { cursor } : {});
    objects += page.objects.length;
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return { items: items?.n ?? 0, artifacts: artifacts?.n ?? 0, custody: custody?.n ?? 0, objects };
}

export async function errorCode(res: Response): Promise<string> {
  const body = (await res.json()) as { error?: { code?: string } };
  return body.error?.code ?? '(none)';
}
