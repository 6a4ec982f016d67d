import { canonicalJson, sha256Hex, type DiaryView, type EvidenceView } from '@wardguard/shared';
import type { Bindings, Principal } from '../env.ts';
import { appendCustody } from '../db/custody.ts';
import { insertVersionStatement, type DiaryText } from '../db/diary.ts';
import { now } from '../db/ids.ts';
import { diaryView } from './diary-view.ts';

/**
 * An edit never overwrites: a new version of the entry's text and the `diary_edited` custody
 * event (with the new text's SHA-256) in one transaction.
 */
export async function editDiaryEntry(env: Bindings, p: Principal, item: EvidenceView, text: DiaryText): Promise<DiaryView> {
  const textSha256 = await sha256Hex(canonicalJson(text));
  await appendCustody(
    env.DB,
    [{ councilId: p.councilId, actorId: p.userId, action: 'diary_edited', itemId: item.id, caseId: item.caseId, details: { textSha256 } }],
    [insertVersionStatement(env.DB, item.id, text, p.userId, now())],
  );
  return diaryView(env.DB, item);
}
