import type { Bindings } from '../env.ts';
import { packSigner } from '../export/signing-key.ts';
import { readConfig } from '../config.ts';
import { anchorCouncil, type AnchorOutcome } from './checkpoint.ts';
import { listCouncilIds } from '../db/councils.ts';

/**
 * Every council's chain head, signed into R2 when it moved (the every-minute cron). A chain
 * that no longer reaches its last checkpoint is left unanchored and logged loudly: anchoring
 * it would bless the rewrite.
 */
export async function anchorAllCouncils(env: Bindings): Promise<Record<string, AnchorOutcome['kind']>> {
  const key = readConfig(env).packSigningKey;
  if (!key) return {};
  const signer = await packSigner(key);
  const outcomes: Record<string, AnchorOutcome['kind']> = {};
  for (const id of await listCouncilIds(env.DB)) {
    const outcome = await anchorCouncil(env.DB, env.EVIDENCE, signer, id);
    outcomes[id] = outcome.kind;
    if (outcome.kind === 'refused') {
      console.error(`custody: council ${id} chain does not reach its last checkpoint (${outcome.reason}); not anchored`, JSON.stringify(outcome.mismatch ?? {}));
    }
  }
  return outcomes;
}
