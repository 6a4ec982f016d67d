import { z } from 'zod';

export const platformHandleSchema = z.object({
  platform: z.string().trim().min(1).max(50),
  handle: z.string().trim().max(200).optional(),
  // Stable numeric/opaque account id (X rest_id, Facebook id…): handles change, ids do not.
  accountId: z.string().trim().max(200).optional(),
  // Rendered as a link in the dashboard: only http(s), never javascript: or data:.
  profileUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});

const fields = {
  displayName: z.string().trim().min(1).max(200),
  aliases: z.array(z.string().trim().min(1).max(200)).max(50),
  handles: z.array(platformHandleSchema).max(50),
  emails: z.array(z.email().max(320)).max(50),
  notes: z.string().max(5000),
};

export const createPerpetratorSchema = z.object({
  ...fields,
  aliases: fields.aliases.default([]),
  handles: fields.handles.default([]),
  emails: fields.emails.default([]),
  notes: fields.notes.default(''),
});
/** No defaults here: a field left out of a PATCH keeps its value rather than being emptied. */
export const updatePerpetratorSchema = z.object(fields).partial().extend({
  /** Staff only: the council has stopped engaging with this person (their mail needs no reply). */
  disengaged: z.boolean().optional(),
});

export type PlatformHandle = z.infer<typeof platformHandleSchema>;

/** Two or more incidents by the same person can amount to harassment (PHA 1997): flag them. */
export const COURSE_OF_CONDUCT_MIN = 2;

export interface PerpetratorView {
  id: string;
  displayName: string;
  aliases: string[];
  handles: PlatformHandle[];
  emails: string[];
  notes: string;
  /** When the council disengaged from this person; null while it still corresponds. */
  disengagedAt: string | null;
  /**
   * Incidents recorded from this person: every evidence item linked to them across all cases,
   * diary entries excepted (those are the councillor's account, not another incident). For a
   * councillor, only their own evidence counts. Computed by the Worker, the one place it is.
   */
  incidentCount: number;
  /** incidentCount >= COURSE_OF_CONDUCT_MIN. */
  courseOfConduct: boolean;
  createdAt: string;
  updatedAt: string;
}
