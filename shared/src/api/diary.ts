import { z } from 'zod';

export const diaryEntrySchema = z.object({
  occurredAt: z.iso.datetime({ offset: true }),
  whatHappened: z.string().trim().min(1).max(20_000),
  impact: z.string().trim().max(20_000).default(''),
  caseId: z.string().min(1).max(64).optional(),
  councillorId: z.string().min(1).max(64).optional(),
});
export const diaryEditSchema = diaryEntrySchema.pick({ occurredAt: true, whatHappened: true, impact: true });

export interface DiaryVersionView {
  version: number;
  occurredAt: string;
  whatHappened: string;
  impact: string;
  editedBy: string;
  editedAt: string;
}
export interface DiaryView {
  itemId: string;
  exhibitRef: string;
  councillorId: string;
  caseId: string | null;
  current: DiaryVersionView;
  history: DiaryVersionView[];
}
