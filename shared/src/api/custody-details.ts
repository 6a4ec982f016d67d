import type { CaseView } from './cases.ts';
import type { CustodyAction } from './custody.ts';
import type { ActionOutcome, MailDecision, MailState } from './mail.ts';
import type { CaseNoteKind } from './referrals.ts';
import type { Severity } from '../classify/verdict.ts';
import type { EvidenceKind } from '../evidence/manifest.ts';

// The details each action records, as the Worker writes them today. Events are hashed into the
// chain as canonical JSON, so a key here is part of the evidence: add keys, never rename them.

/** A stored file as its record names it. */
interface RecordedFile {
  artifactId: string;
  name: string;
  sha256: string;
}

/** A filed message's whole original (kept apart from its reduced copy). */
interface RecordedOriginal {
  recordId: string;
  name: string;
  sha256: string;
  size: number;
  original: true;
}

/** What the bytes read back hashed to, or what R2 holds for them. */
interface HashedSize {
  sha256: string;
  size: number;
}

interface ExportOutcome {
  exportId: string;
  packId: string;
  /** Null only when a pack failed before its manifest was signed. */
  manifestSha256: string | null;
  /** The signed checkpoint the pack handed out; left out when the council has none yet. */
  checkpoint?: { seq: number; hash: string; at: string; r2Key: string } | undefined;
}

interface ReplyFinished {
  replyId: string;
  smtpMessageId: string | null;
  detail: string | null;
  /** A reply marked not sent that did go after all: the earlier note. */
  after?: string | null;
}

interface MailActionAcked {
  actionId: string;
  decision: MailDecision;
  outcome: ActionOutcome;
  detail: string | null;
}

interface NoteAdded {
  noteId: string;
  kind: CaseNoteKind;
  text: string;
}

/**
 * Each custody action's details. `undefined` in a member means the event may carry none
 * (`details` left out, stored as `{}`); an empty object is not a way of saying so.
 */
export interface CustodyDetails {
  captured: { kind: EvidenceKind; manifestSha256: string; signatureKeySha256: string | null } | { kind: 'email'; mailbox: string; messageId: string };
  uploaded: { artifacts: { name: string; sha256: string; size: number; reduced?: true }[] };
  /** An evidence item opened (no details), a mail record's review page, or a filed message with its file. */
  viewed: undefined | { mailRecordId: string } | ({ mailRecordId: string } & RecordedFile);
  downloaded: RecordedFile | RecordedOriginal;
  linked: {
    caseId: string | null;
    perpetratorId: string | null;
    previous: { caseId: string | null; perpetratorId: string | null };
  };
  /** The file as recorded, and what was read from storage (`read`) or what R2 says it holds (`stored`). */
  integrity_failed:
    | (((RecordedFile & { size: number }) | RecordedOriginal) & { read: HashedSize })
    | (RecordedFile & { size: number; stored: { sha256: string | null; size: number } });
  exported: {
    exportId: string;
    packId: string;
    variant: 'police' | 'platform';
    platform: string | null;
    recipient: string;
    scope: { kind: 'case' | 'perpetrator' | 'selection'; id: string | null; title: string };
    exhibits: { itemId: string; exhibitRef: string; files: number }[];
  };
  export_completed: ExportOutcome & { bytes: number };
  export_failed: ExportOutcome & { reason: string };
  diary_created: { version: 1; textSha256: string };
  diary_edited: { textSha256: string };
  case_created: { title: string; councillorId: string };
  /** The fields the patch set, and what they were before. */
  case_updated: CasePatchFields & { previous: CasePatchFields };
  perpetrator_created: { perpetratorId: string; displayName: string };
  /** Names the fields only: a person's details are not copied into the log. */
  perpetrator_updated: { perpetratorId: string; changed: string[] };
  /** Names the hooks only, never their URLs. */
  council_settings_changed: { changed: ('alertWebhookUrl' | 'digestWebhookUrl')[] };
  /** The crime number the case holds and, when the officer offered a different one, that one. */
  case_referred: { referralId: string; liaisonId: string; liaisonName: string; policeReference: string | null; policeReferenceNotApplied?: string };
  referral_withdrawn: { referralId: string; liaisonId: string };
  liaison_cases_listed: { caseIds: string[] };
  case_viewed: { items: number; packs: number };
  case_note_added: NoteAdded | (NoteAdded & { policeReference: string; previous: { policeReference: string | null } });
  mail_quarantined: {
    recordId: string;
    severity: Severity;
    classifier: string;
    unreadable: string | null;
    /** Hashes and sizes only: file names are sender-chosen text. */
    reduced?: { originalSha256: string; originalSize: number; parts: { mediaType: string; size: number; sha256: string }[] };
  };
  mail_original_stored: { recordId: string; size: number; sha256: string };
  mail_decided: { recordId: string; decision: MailDecision; actionId: string; note: string | null; severity: Severity; reason: string | null };
  mail_escalated: {
    recordId: string;
    policeReference: string | null;
    caseId: string | null;
    perpetratorId: string | null;
    previous: { state: MailState; caseId: string | null; perpetratorId: string | null };
    actionId: string | null;
    note: string | null;
  };
  mail_action_applied: MailActionAcked;
  mail_action_not_applied: MailActionAcked;
  alert_raised: { alertId: string; recordId: string };
  alert_notified: { alertId: string; channel: 'email' | 'webhook'; count: number };
  alert_acknowledged: { alertId: string };
  reply_approved: { replyId: string; templateKey: string; templateVersion: number; to: string; overrideReason: string | null };
  reply_withdrawn: { replyId: string; reason: string };
  reply_marked_failed: { replyId: string; claimedAt: string | null; note: string };
  reply_sent: ReplyFinished;
  reply_failed: ReplyFinished;
}

/** The case fields an update may set (updateCaseSchema). */
interface CasePatchFields {
  title?: string | undefined;
  status?: CaseView['status'] | undefined;
  policeReference?: string | null | undefined;
}

/** `details` is required unless the action's details admit none. */
type DetailsOf<D> = undefined extends D ? { details?: Exclude<D, undefined> } : { details: D };

/**
 * One action with the details it must carry, as a union discriminated on `action`:
 * `{ action: 'case_referred', details: { ... } }` fails to compile with a key missing or unknown.
 * Indexing CustodyDetails by every action also makes an action without an entry a compile error.
 */
export type CustodyActionDetails<A extends CustodyAction = CustodyAction> = A extends CustodyAction ? { action: A } & DetailsOf<CustodyDetails[A]> : never;
