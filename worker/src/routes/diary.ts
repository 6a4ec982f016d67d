import { Hono } from 'hono';
import { canonicalJson, diaryEditSchema, diaryEntrySchema, sha256Hex, WardguardError, type DiaryView, type EvidenceView } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';
import { requireRole, targetCouncillor } from '../auth/roles.ts';
import { insertItemStatements } from '../db/evidence.ts';
import { insertVersionStatement, listVersions } from '../db/diary.ts';
import { getCase } from '../db/cases.ts';
import { getUser } from '../db/users.ts';
import { appendCustody } from '../db/custody.ts';
import { newId, now } from '../db/ids.ts';
import { readJson } from '../http/read-json.ts';
import { visibleItem } from '../auth/scope.ts';

const titleFor = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

async function diaryView(db: D1Database, item: EvidenceView): Promise<DiaryView> {
  const history = await listVersions(db, item.id);
  const current = history[history.length - 1];
  if (!current) throw new WardguardError('INTERNAL', 'Diary entry has no versions.');
  return { itemId: item.id, exhibitRef: item.exhibitRef, councillorId: item.councillorId, caseId: item.caseId, current, history };
}

async function diaryItem(db: D1Database, p: Parameters<typeof visibleItem>[1], id: string) {
  const item = await visibleItem(db, p, id);
  if (item.kind !== 'diary') throw new WardguardError('NOT_FOUND', 'No such diary entry.');
  return item;
}

export const diaryRoutes = new Hono<AppEnv>()
  .use(requireRole('councillor', 'officer', 'admin'))
  .post('/', async (c) => {
    const p = c.get('principal');
    const input = await readJson(c, diaryEntrySchema);
    const councillorId = targetCouncillor(p, input.councillorId);
    const councillor = await getUser(c.env.DB, p.councilId, councillorId);
    if (!councillor || councillor.role !== 'councillor') throw new WardguardError('NOT_FOUND', 'No such councillor in this council.');
    if (input.caseId && !(await getCase(c.env.DB, p.councilId, input.caseId, councillorId))) throw new WardguardError('NOT_FOUND', 'No such case.');
    const id = newId();
    const at = now();
    const text = { occurredAt: input.occurredAt, whatHappened: input.whatHappened, impact: input.impact };
    const textSha256 = await sha256Hex(canonicalJson(text));
    await appendCustody(
      c.env.DB,
      [{ councilId: p.councilId, actorId: p.userId, action: 'diary_created', itemId: id, caseId: input.caseId ?? null, details: { version: 1, textSha256 } }],
      [
        ...insertItemStatements(
          c.env.DB,
          {
            id,
            councilId: p.councilId,
            councillorId,
            caseId: input.caseId ?? null,
            perpetratorId: null,
            kind: 'diary',
            // capturedAt is when it happened, so diary entries sit in the right place on a timeline.
            title: titleFor(input.whatHappened),
            metadata: {},
            capturedAt: input.occurredAt,
            capturedBy: p.userId,
            receivedAt: at,
            idempotencyKey: `diary:${id}`,
            manifestSha256: textSha256,
          },
          [],
        ),
        insertVersionStatement(c.env.DB, id, text, p.userId, at),
      ],
    );
    return c.json(await diaryView(c.env.DB, await visibleItem(c.env.DB, p, id)), 201);
  })
  .get('/:id', async (c) => {
    const p = c.get('principal');
    return c.json(await diaryView(c.env.DB, await diaryItem(c.env.DB, p, c.req.param('id'))));
  })
  .put('/:id', async (c) => {
    const p = c.get('principal');
    const item = await diaryItem(c.env.DB, p, c.req.param('id'));
    const text = await readJson(c, diaryEditSchema);
    const textSha256 = await sha256Hex(canonicalJson(text));
    await appendCustody(
      c.env.DB,
      [{ councilId: p.councilId, actorId: p.userId, action: 'diary_edited', itemId: item.id, caseId: item.caseId, details: { textSha256 } }],
      [insertVersionStatement(c.env.DB, item.id, text, p.userId, now())],
    );
    return c.json(await diaryView(c.env.DB, item));
  });
