import type { PackIndexEntry } from '@wardguard/shared';

export interface ReportPerpetrator {
  id: string;
  displayName: string;
  aliases: string[];
  handles: string[];
  emails: string[];
}

export interface ReportDiaryEntry {
  exhibitRef: string;
  occurredAt: string;
  whatHappened: string;
  impact: string;
  versions: number;
  editedAt: string;
}

/** An officer's act on a quarantined email, from the custody log (police packs only). */
export interface ReportMailDecision {
  /** ISO UTC. */
  at: string;
  /** The officer's name. */
  by: string;
  /** The custody action: `mail_decided`, `mail_escalated`, `alert_acknowledged`… */
  action: string;
  /** For `mail_decided`: `release`, `keep` or `not_abuse`. */
  decision: string | null;
  /** The written reason a threat-level decision needs. */
  reason: string | null;
  note: string | null;
}

/** What the council did about one email exhibit: its referral to the police and every decision. */
export interface ReportEmailNotes {
  exhibitRef: string;
  escalation: { at: string; by: string; policeReference: string | null; note: string | null } | null;
  /** Oldest first. */
  decisions: ReportMailDecision[];
}

/** An email's body as text: the plain part, or the HTML part converted when there is no plain one. */
export interface ReportEmailText {
  text: string;
  fromHtml: boolean;
}

/** Everything report.pdf is drawn from; the pack exporter builds it from the same rows as index.json. */
export interface ReportInput {
  packId: string;
  variant: 'police' | 'platform';
  /** For platform packs: whose trust-and-safety team the pack is for. */
  platform: string | null;
  /** ISO UTC. */
  createdAt: string;
  /** The officer's name. */
  createdBy: string;
  recipient: string;
  council: { name: string };
  /** The elected member the abuse is aimed at. */
  councillor: { name: string } | null;
  scope: { kind: 'case' | 'perpetrator' | 'selection'; title: string };
  caseInfo: { title: string; status: string; policeReference: string | null } | null;
  /** Printed in full so the reader can check the signature. */
  publicKey: { fingerprint: string; raw: string };
  /** Where the council publishes its public key (`…/.well-known/wardguard-pack-key`). */
  keyUrl: string;
  /** The council's own browser verifier page (`…/#/verify`), which needs no sign-in. */
  verifyUrl: string;
  /** In timeline order. */
  exhibits: PackIndexEntry[];
  perpetrators: ReportPerpetrator[];
  /** Empty for platform packs (and ignored there). */
  diary: ReportDiaryEntry[];
  /** Escalations and decisions by email exhibit; empty for platform packs (and ignored there). */
  emails: ReportEmailNotes[];
  /** Loads the image to print on an exhibit's page (PNG or JPEG bytes) or null. Called at most once per exhibit, in order. */
  loadImage: (entry: PackIndexEntry) => Promise<{ bytes: Uint8Array; mediaType: 'image/png' | 'image/jpeg' } | null>;
  /**
   * Reads an email exhibit's body (police packs only). Called at most once per email exhibit that
   * has a `.eml` file, in order, and only while the email budget lasts; may throw.
   */
  loadEmailText: (entry: PackIndexEntry) => Promise<ReportEmailText | null>;
}

export interface ReportOptions {
  /** Embedded image bytes allowed in the whole report (default 24 MiB); past it, pages say where the files are. */
  imageBudgetBytes?: number;
  /** Most image pixels embedded (PNG embedding costs CPU per pixel). */
  imageBudgetPixels?: number;
  /** `.eml` bytes parsed for their text in the whole report (default 48 MiB); past it, pages say where the files are. */
  emailBudgetBytes?: number;
  /** Email text printed in the whole report (default 1.5 million characters); past it, each email prints an excerpt. */
  emailTextBudgetChars?: number;
}
