// Shapes of the API's answers as the dashboard uses them (the Worker's zod schemas in
// shared/ are the contract; these are the read-side views).
export type Severity = 'threat_to_life' | 'threat' | 'abuse' | 'profanity' | 'clean' | 'review';

export interface Me {
  userId: string;
  role: 'councillor' | 'officer' | 'admin';
  name: string;
  councilName?: string;
  csrfToken: string | null;
}

export interface EvidenceSpan {
  category: string;
  phrase: string;
  start: number;
  end: number;
  source: string;
  rule?: string;
  field?: string;
}

export interface Verdict {
  severity: Severity;
  categories: string[];
  scores?: Record<string, number>;
  evidence: EvidenceSpan[];
  version: string;
}

export interface MailRecord {
  id: string;
  councillorId: string;
  mailbox: string;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  sentAt: string | null;
  receivedAt: string;
  receivedChain: string[];
  unreadable: string | null;
  severity: Severity;
  verdict: Verdict;
  state: 'quarantined' | 'released' | 'kept' | 'not_abuse';
  itemId: string;
  exhibitRef: string;
  decidedAt: string | null;
  decidedBy: string | null;
  actionAppliedAt?: string | null;
}

export interface Alert {
  id: string;
  recordId: string;
  councillorName: string;
  severity: Severity;
  from: string;
  subject: string;
  exhibitRef: string;
  createdAt: string;
  notifyCount: number;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface Artifact {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface EvidenceItem {
  id: string;
  kind: 'web_capture' | 'email' | 'upload' | 'diary';
  exhibitRef: string;
  title: string;
  councillorId: string;
  caseId: string | null;
  perpetratorId: string | null;
  metadata: Record<string, unknown>;
  capturedAt: string;
  receivedAt: string;
  artifacts: Artifact[];
}

export interface Case {
  id: string;
  councillorId: string;
  title: string;
  status: 'open' | 'referred' | 'closed';
  policeReference: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Perpetrator {
  id: string;
  displayName: string;
  aliases: string[];
  handles: { platform: string; handle?: string; accountId?: string; profileUrl?: string }[];
  emails: string[];
  notes: string;
}

export interface User {
  id: string;
  name: string;
  role: string;
  initials: string;
}
