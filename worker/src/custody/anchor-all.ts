import type { Bindings } from '../env.ts';
import { checkpointKeys, councilSigner } from '../export/council-key.ts';
import { readConfig } from '../config.ts';
import { anchorCouncil, type AnchorOutcome } from './checkpoint.ts';
import { listCouncilIds } from '../db/councils.ts';

/**
 * Every council's chain head, signed into R2 with its own key (council-key.ts) when it moved (the every-minute cron). A chain
 * that no longer reaches its last checkpoint is left unanchored and logged loudly: anchoring
 * it would bless the rewrite.
 */
export async function anchorAllCouncils(env: Bindings): Promise<Record<string, AnchorOutcome['kind'] | 'no_key'>> {
  const config = readConfig(env);
  if (!config.packSigningKeys && !config.packSigningKey) return {};
  const outcomes: Record<string, AnchorOutcome['kind'] | 'no_key'> = {};
  for (const id of await listCouncilIds(env.DB)) {
    let signer;
    try {
      signer = await councilSigner(config, id);
    } catch (err) {
      // One council's missing or bad key must not stop the others being anchored.
      console.error(`custody: council ${id} not anchored:`, err instanceof Error ? err.message : String(err));
      outcomes[id] = 'no_key';
      continue;
    }
    const outcome = await anchorCouncil(env.DB, env.EVIDENCE, signer, id, await checkpointKeys(config, signer, id));
    outcomes[id] = outcome.kind;
    if (outcome.kind === 'refused') {
      console.error(
        `custody: council ${id} chain does not reach its last checkpoint (${outcome.reason}); not anchored`,
        JSON.stringify(outcome.mismatch ?? {}),
      );
    }
  }
  return outcomes;
}
