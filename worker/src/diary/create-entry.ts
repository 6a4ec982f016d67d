import { canonicalJson, sha256Hex, WardguardError, type diaryEntrySchema, type DiaryView } from '@wardguard/shared';
import type { z } from 'zod';
import type { Bindings, Principal } from '../env.ts';
import { getCase } from '../db/cases.ts';
import { appendCustody } from '../db/custody.ts';
import { insertVersionStatement } from '../db/diary.ts';
import { getItem, insertItemStatements } from '../db/evidence.ts';
import { newId, now } from '../db/ids.ts';
import { getUser } from '../db/users.ts';
import { diaryView } from './diary-view.ts';

export type DiaryEntryInput = z.infer<typeof diaryEntrySchema>;

const titleFor = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

/**
 * A councillor's diary entry: the evidence item, its first version and the `diary_created`
 * custody event (with the SHA-256 of the text) in one transaction.
 */
export async function createDiaryEntry(env: Bindings, p: Principal, councillorId: string, input: DiaryEntryInput): Promise<DiaryView> {
  const councillor = await getUser(env.DB, p.councilId, councillorId);
  if (!councillor || councillor.role !== 'councillor') throw new WardguardError('NOT_FOUND', 'No such councillor in this council.');
  if (input.caseId && !(await getCase(env.DB, p.councilId, input.caseId, councillorId))) throw new WardguardError('NOT_FOUND', 'No such case.');
  const id = newId();
  const at = now();
  const text = { occurredAt: input.occurredAt, whatHappened: input.whatHappened, impact: input.impact };
  const textSha256 = await sha256Hex(canonicalJson(text));
  const item = {
    id,
    councilId: p.councilId,
    councillorId,
    caseId: input.caseId ?? null,
    perpetratorId: null,
    kind: 'diary' as const,
    // capturedAt is when it happened, so diary entries sit in the right place on a timeline.
    title: titleFor(input.whatHappened),
    metadata: {},
    capturedAt: input.occurredAt,
    capturedBy: p.userId,
    receivedAt: at,
    idempotencyKey: `diary:${id}`,
    manifestSha256: textSha256,
  };
  await appendCustody(
    env.DB,
    [{ councilId: p.councilId, actorId: p.userId, action: 'diary_created', itemId: id, caseId: item.caseId, details: { version: 1, textSha256 } }],
    [...insertItemStatements(env.DB, item, []), insertVersionStatement(env.DB, id, text, p.userId, at)],
  );
  const stored = await getItem(env.DB, p.councilId, id);
  if (!stored) throw new WardguardError('INTERNAL', 'Diary entry was not stored.');
  return diaryView(env.DB, stored);
}
