export const CUSTODY_ACTIONS = [
  'captured',
  'uploaded',
  'viewed',
  'downloaded',
  'linked',
  'exported',
  'export_completed',
  'export_failed',
  'decision',
  'diary_created',
  'diary_edited',
  'case_created',
  'case_updated',
  'perpetrator_created',
  'perpetrator_updated',
] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

/** The part of an event that is hashed (canonical JSON), plus its chain links. */
export interface CustodyEventView {
  seq: number;
  at: string;
  actorId: string;
  action: CustodyAction | string;
  itemId: string | null;
  caseId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface CustodyVerifyResult {
  ok: boolean;
  events: number;
  headHash: string;
  firstBroken: null | { seq: number; reason: 'prev_hash' | 'hash'; expected: string; found: string };
}

export const GENESIS_HASH = '0'.repeat(64);
