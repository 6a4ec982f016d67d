import { z } from 'zod';
import type { CaseView } from './cases.ts';
import type { EvidenceView } from './evidence.ts';
import type { ExportView } from './exports.ts';
import type { PlatformHandle } from './perpetrators.ts';

const id = z.string().min(1).max(64);
const policeReference = z.string().trim().min(1).max(100);

/**
 * An officer refers a case to their council's police liaison. This, and only this, opens the
 * case to the liaison; the police reference (crime number), when there is one, goes on the case.
 */
export const createReferralSchema = z.strictObject({
  caseId: id,
  liaisonId: id,
  policeReference: policeReference.optional(),
});
export type CreateReferral = z.infer<typeof createReferralSchema>;

export const CASE_NOTE_KINDS = ['note', 'update'] as const;
export type CaseNoteKind = (typeof CASE_NOTE_KINDS)[number];

/** What a liaison adds to a referred case: a note for the record, or an update on the investigation. */
export const createCaseNoteSchema = z.strictObject({
  kind: z.enum(CASE_NOTE_KINDS),
  text: z.string().trim().min(1).max(4000),
  /** The crime number, once the police have one; replaces the case's police reference. */
  policeReference: policeReference.optional(),
});
export type CreateCaseNote = z.infer<typeof createCaseNoteSchema>;

export interface ReferralView {
  id: string;
  caseId: string;
  liaisonId: string;
  liaisonName: string;
  referredBy: string;
  referredAt: string;
  withdrawnBy: string | null;
  withdrawnAt: string | null;
}

export interface CaseNoteView {
  id: string;
  caseId: string;
  authorId: string;
  authorName: string;
  kind: CaseNoteKind;
  text: string;
  createdAt: string;
}

/** A person linked to evidence in a referred case: who they are online, not the council's notes on them. */
export interface LiaisonPerpetratorView {
  id: string;
  displayName: string;
  aliases: string[];
  handles: PlatformHandle[];
  emails: string[];
}

/** A referred case as its liaison sees it in the list. */
export interface LiaisonCaseSummary {
  case: CaseView;
  councillorName: string;
  referredAt: string;
}

/** One referred case, with everything the liaison may read about it. */
export interface LiaisonCaseView extends LiaisonCaseSummary {
  evidence: EvidenceView[];
  perpetrators: LiaisonPerpetratorView[];
  /** Police packs of the whole case whose exhibits are all still in it. */
  packs: ExportView[];
  notes: CaseNoteView[];
}
