import { Hono } from 'hono';
import { diaryEditSchema, diaryEntrySchema, WardguardError } from '@wardguard/shared';
import type { AppEnv, Principal } from '../env.ts';
import { requireRole, targetCouncillor } from '../auth/roles.ts';
import { readJson } from '../http/read-json.ts';
import { visibleItem } from '../auth/scope.ts';
import { diaryView } from '../diary/diary-view.ts';
import { createDiaryEntry } from '../diary/create-entry.ts';
import { editDiaryEntry } from '../diary/edit-entry.ts';

async function diaryItem(db: D1Database, p: Principal, id: string) {
  const item = await visibleItem(db, p, id);
  if (item.kind !== 'diary') throw new WardguardError('NOT_FOUND', 'No such diary entry.');
  return item;
}

export const diaryRoutes = new Hono<AppEnv>()
  .use(requireRole('councillor', 'officer', 'admin'))
  .post('/', async (c) => {
    const p = c.get('principal');
    const input = await readJson(c, diaryEntrySchema);
    return c.json(await createDiaryEntry(c.env, p, targetCouncillor(p, input.councillorId), input), 201);
  })
  .get('/:id', async (c) => {
    const p = c.get('principal');
    return c.json(await diaryView(c.env.DB, await diaryItem(c.env.DB, p, c.req.param('id'))));
  })
  .put('/:id', async (c) => {
    const p = c.get('principal');
    const item = await diaryItem(c.env.DB, p, c.req.param('id'));
    return c.json(await editDiaryEntry(c.env, p, item, await readJson(c, diaryEditSchema)));
  });
