import { z } from 'zod';

/** 'liaison': a named police contact of one council, who sees only the cases referred to them. */
export const ROLES = ['councillor', 'officer', 'admin', 'service', 'liaison'] as const;
export type Role = (typeof ROLES)[number];

export const createUserSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320).optional(),
  role: z.enum(ROLES),
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const issueTokenSchema = z.object({ label: z.string().trim().max(100).default('') });

export interface UserView {
  id: string;
  councilId: string;
  name: string;
  email: string | null;
  role: Role;
  initials: string;
  createdAt: string;
  disabledAt: string | null;
}

/** Returned once when a token is issued; only its SHA-256 is kept. */
export interface IssuedToken {
  id: string;
  userId: string;
  kind: 'personal' | 'service';
  token: string;
  createdAt: string;
}
