import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { requireRole } from '../auth/roles.ts';
import { listDecisionLabels } from '../db/labels.ts';

/**
 * Officers' decisions as labelled examples for the classifier: "not abuse" marks a false
 * positive, "kept" confirms the flag. Text stays in the evidence store (fetch the .eml by
 * itemId); this list carries only the labels, so it can be exported without the messages.
 */
export const labelRoutes = new Hono<AppEnv>()
  .use(requireRole('officer', 'admin'))
  .get('/', async (c) => c.json({ labels: await listDecisionLabels(c.env.DB, c.get('principal').councilId) }));
