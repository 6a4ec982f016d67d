import { Hono } from 'hono';
import { EVIDENCE_KINDS, linkEvidenceSchema, WardguardError, type EvidenceKind } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { isStaff, targetCouncillor } from '../auth/roles.ts';
import { ownerScope, visibleItem } from '../auth/scope.ts';
import { storeBundle } from '../evidence/store-bundle.ts';
import { sendArtifact } from '../evidence/send-artifact.ts';
import { linkItem } from '../evidence/link-item.ts';
import { listItems } from '../db/evidence.ts';
import { listPerpetrators } from '../db/perpetrators.ts';
import { senderOfItem } from '../db/mail-records.ts';
import { suggestPerpetrators } from '../perpetrators/match.ts';
import { signalsOf } from '../perpetrators/signals.ts';
import { appendCustody } from '../db/custody.ts';
import { readJson } from '../http/read-json.ts';

export const evidenceRoutes = new Hono<AppEnv>()
  .post('/', async (c) => {
    const p = c.get('principal');
    if (p.role === 'service') throw new WardguardError('FORBIDDEN', 'Service tokens file mail through the mail routes.');
    const { maxBundleBytes, maxArtifactBytes } = c.get('config');
    // Streamed: the body is never held whole (see evidence/receive-bundle.ts).
    const { receipt, created } = await storeBundle(c.env, p, c.req.raw, { maxBundleBytes, maxArtifactBytes }, (m) => targetCouncillor(p, m.councillorId));
    return c.json(receipt, created ? 201 : 200);
  })
  .get('/', async (c) => {
    const p = c.get('principal');
    if (p.role === 'service') throw new WardguardError('FORBIDDEN', 'Service tokens cannot list evidence.');
    const q = c.req.query();
    const kind = q.kind && (EVIDENCE_KINDS as readonly string[]).includes(q.kind) ? (q.kind as EvidenceKind) : undefined;
    const limit = Math.min(Math.max(Number(q.limit) || 100, 1), 500);
    const items = await listItems(c.env.DB, p.councilId, {
      councillorId: isStaff(p) ? q.councillorId : p.userId,
      hideQuarantinedMail: !isStaff(p),
      // ?caseId=none lists what is in no case yet.
      ...(q.caseId === 'none' ? { unlinked: true } : { caseId: q.caseId }),
      perpetratorId: q.perpetratorId,
      kind,
      before: q.before,
      limit,
    });
    return c.json({ items });
  })
  // Known people this incident may come from (same account id, address, handle or name): a
  // suggestion for the officer or councillor to confirm with PATCH; nothing is linked here.
  .get('/:id/perpetrator-suggestions', async (c) => {
    const p = c.get('principal');
    const item = await visibleItem(c.env.DB, p, c.req.param('id'));
    const [sender, known] = await Promise.all([senderOfItem(c.env.DB, p.councilId, item.id), listPerpetrators(c.env.DB, p.councilId, ownerScope(p))]);
    return c.json({ suggestions: suggestPerpetrators(signalsOf(item, sender), known, item.perpetratorId) });
  })
  .get('/:id', async (c) => {
    const p = c.get('principal');
    const item = await visibleItem(c.env.DB, p, c.req.param('id'));
    await appendCustody(c.env.DB, [{ councilId: p.councilId, actorId: p.userId, action: 'viewed', itemId: item.id, caseId: item.caseId }]);
    return c.json(item);
  })
  .patch('/:id', async (c) => {
    const p = c.get('principal');
    const item = await visibleItem(c.env.DB, p, c.req.param('id'));
    return c.json(await linkItem(c.env, p, item, await readJson(c, linkEvidenceSchema)));
  })
  .get('/:id/artifacts/:artifactId', async (c) => {
    const p = c.get('principal');
    const item = await visibleItem(c.env.DB, p, c.req.param('id'));
    return sendArtifact(c, p, item, c.req.param('artifactId'));
  });
