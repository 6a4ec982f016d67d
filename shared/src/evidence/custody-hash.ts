import { canonicalJson } from './canonical-json.ts';
import { sha256Hex } from './hash.ts';

/** The fields of a custody event that are hashed; its seq and chain links are not. */
export interface CustodyHashedFields {
  councilId: string;
  at: string;
  actorId: string;
  action: string;
  itemId: string | null;
  caseId: string | null;
  details: unknown;
}

/** Canonical bytes of an event: the Worker that appends and any verifier that re-checks must agree exactly. */
export const custodyEventBody = (e: CustodyHashedFields): string =>
  canonicalJson({ councilId: e.councilId, at: e.at, actorId: e.actorId, action: e.action, itemId: e.itemId, caseId: e.caseId, details: e.details });

/** hash = SHA-256(prevHash || canonical body), lower-case hex. */
export const custodyChainHash = (prevHash: string, body: string): Promise<string> => sha256Hex(prevHash + body);
