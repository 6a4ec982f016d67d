/** Every custody action the Worker records; `appendCustody` takes only these. */
export const CUSTODY_ACTIONS = [
  // Evidence
  'captured',
  'uploaded',
  'viewed',
  'downloaded',
  'linked',
  'integrity_failed',
  // Packs
  'exported',
  'export_completed',
  'export_failed',
  // Diary, cases, perpetrators, council settings
  'diary_created',
  'diary_edited',
  'case_created',
  'case_updated',
  'perpetrator_created',
  'perpetrator_updated',
  'council_settings_changed',
  // Police liaison: referrals, and everything a liaison reads or adds
  'case_referred',
  'referral_withdrawn',
  'liaison_cases_listed',
  'case_viewed',
  'case_note_added',
  // Filtered mail and its alerts
  'mail_quarantined',
  'mail_original_stored',
  'mail_decided',
  'mail_escalated',
  'mail_action_applied',
  'mail_action_not_applied',
  'alert_raised',
  'alert_notified',
  'alert_acknowledged',
  // Replies
  'reply_approved',
  'reply_withdrawn',
  'reply_sent',
  'reply_failed',
  'reply_marked_failed',
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

/**
 * A signed statement of where a council's chain stood: its head (seq, hash), how many events
 * it held, and when. Written outside D1 (R2), so a chain cut or rewritten with database access
 * no longer matches the last checkpoint. Signed as canonical JSON with the council's pack key.
 */
export interface CustodyCheckpoint {
  version: 1;
  councilId: string;
  seq: number;
  hash: string;
  events: number;
  at: string;
}

export interface SignedCustodyCheckpoint {
  checkpoint: CustodyCheckpoint;
  /** Ed25519 over canonicalJson(checkpoint), base64. */
  signature: string;
  /** SHA-256 of the raw public key that signs packs and checkpoints. */
  keyFingerprint: string;
}

export interface CustodyVerifyResult {
  ok: boolean;
  events: number;
  headHash: string;
  /**
   * prev_hash / hash: a link does not hold. checkpoint: the links hold, but the chain no longer
   * reaches the last signed checkpoint with the same hash and count (events deleted from the
   * end, or rewritten and re-hashed), or the checkpoint's signature does not verify.
   */
  firstBroken: null | { seq: number; reason: 'prev_hash' | 'hash' | 'checkpoint'; expected: string; found: string };
  /** The last signed checkpoint the chain was checked against; null when none has been written yet. */
  checkpoint?: CustodyCheckpoint | null;
}

export const GENESIS_HASH = '0'.repeat(64);
