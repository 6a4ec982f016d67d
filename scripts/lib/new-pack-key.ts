import { generateKeyPairSync } from 'node:crypto';

/** A fresh Ed25519 private key as base64 PKCS#8: the form of the Worker's PACK_SIGNING_KEY secret. */
export const newPackKey = (): string => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
