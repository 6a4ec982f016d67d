import { webcrypto } from 'node:crypto';

export interface ManifestSignature {
  alg: 'ES256';
  publicKeyJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
  value: string;
}

/**
 * A device key for scripts that upload web captures (demo data, benchmarks): the Worker
 * accepts a web capture only when it is signed, and pins the first key used on a token, so
 * one signer must sign every capture sent with that token — as the extension's install does.
 *
 * @example
 *   const signer = await createDeviceSigner();
 *   form.append('manifest', text);
 *   form.append('signature', JSON.stringify(await signer.sign(text)));
 */
export async function createDeviceSigner() {
  const pair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const jwk = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
  const publicKeyJwk = { kty: 'EC' as const, crv: 'P-256' as const, x: jwk.x!, y: jwk.y! };
  return {
    /** Signs the exact manifest text that goes into the bundle's "manifest" part. */
    async sign(manifestText: string): Promise<ManifestSignature> {
      const raw = await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(manifestText));
      return { alg: 'ES256', publicKeyJwk, value: Buffer.from(raw).toString('base64url') };
    },
  };
}
export type DeviceSigner = Awaited<ReturnType<typeof createDeviceSigner>>;
