import { WardguardError, type DiaryView, type EvidenceView } from '@wardguard/shared';
import { listVersions } from '../db/diary.ts';

/** A diary entry with every version of its text, the newest as `current`. */
export async function diaryView(db: D1Database, item: EvidenceView): Promise<DiaryView> {
  const history = await listVersions(db, item.id);
  const current = history[history.length - 1];
  if (!current) throw new WardguardError('INTERNAL', 'Diary entry has no versions.');
  return { itemId: item.id, exhibitRef: item.exhibitRef, councillorId: item.councillorId, caseId: item.caseId, current, history };
}
