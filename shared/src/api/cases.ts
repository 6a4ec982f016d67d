import { z } from 'zod';

export const CASE_STATUSES = ['open', 'referred', 'closed'] as const;

export const createCaseSchema = z.object({
  title: z.string().trim().min(1).max(300),
  // Officers open cases for a councillor; a councillor's own cases default to them.
  councillorId: z.string().min(1).max(64).optional(),
});

export const updateCaseSchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    status: z.enum(CASE_STATUSES).optional(),
    policeReference: z.string().trim().max(100).nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'nothing to change');

export interface CaseView {
  id: string;
  councillorId: string;
  title: string;
  status: (typeof CASE_STATUSES)[number];
  policeReference: string | null;
  createdAt: string;
  updatedAt: string;
}
