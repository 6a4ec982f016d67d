import type { PlatformHandle } from '@wardguard/shared';
import type { SqlCommand } from './sql-command.ts';

// Cases and perpetrators as the Worker creates them (db/cases.ts, perpetrators.ts bind these)
// and as the benches seed them straight into D1: one statement for both.

export interface NewCaseRow {
  id: string;
  councilId: string;
  councillorId: string;
  title: string;
  createdBy: string;
  createdAt: string;
}

export const insertCaseSql = (c: NewCaseRow): SqlCommand => ({
  sql: "INSERT INTO cases (id, council_id, councillor_id, title, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)",
  params: [c.id, c.councilId, c.councillorId, c.title, c.createdBy, c.createdAt, c.createdAt],
});

export interface NewPerpetratorRow {
  id: string;
  councilId: string;
  displayName: string;
  aliases: string[];
  handles: PlatformHandle[];
  emails: string[];
  notes: string;
  createdBy: string;
  createdAt: string;
}

export const insertPerpetratorSql = (p: NewPerpetratorRow): SqlCommand => ({
  sql: 'INSERT INTO perpetrators (id, council_id, display_name, aliases, handles, emails, notes, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  params: [
    p.id,
    p.councilId,
    p.displayName,
    JSON.stringify(p.aliases),
    JSON.stringify(p.handles),
    JSON.stringify(p.emails),
    p.notes,
    p.createdBy,
    p.createdAt,
    p.createdAt,
  ],
});
