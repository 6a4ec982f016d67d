// The dashboard reads the API's own contract types from shared/ (type-only imports:
// nothing from shared is bundled unless a module imports a value).
import type { ArtifactView, CaseView, EvidenceView, PerpetratorView, UserView } from '@wardguard/shared';
import type { MailAlert, MailQueuePage, MailRecordStatus, MailRecordView } from '@wardguard/shared/api/mail';
import type { Evidence, Severity, Verdict } from '@wardguard/shared/classify/index';

export type { Severity, Verdict };
export type EvidenceSpan = Evidence;
export type Artifact = ArtifactView;
export type EvidenceItem = EvidenceView;
export type Case = CaseView;
export type Perpetrator = PerpetratorView;
export type Alert = MailAlert;
export type User = Pick<UserView, 'id' | 'name' | 'role' | 'initials'>;
export type MailRecord = MailRecordView;
export type { MailQueuePage, MailRecordStatus };

export interface Me {
  userId: string;
  role: 'councillor' | 'officer' | 'admin' | 'liaison';
  name: string;
  councilName?: string;
  csrfToken: string | null;
}
