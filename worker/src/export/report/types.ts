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
  /** In timeline order. */
  exhibits: PackIndexEntry[];
  perpetrators: ReportPerpetrator[];
  /** Empty for platform packs (and ignored there). */
  diary: ReportDiaryEntry[];
  /** Loads the image to print on an exhibit's page (PNG or JPEG bytes) or null. Called at most once per exhibit, in order. */
  loadImage: (entry: PackIndexEntry) => Promise<{ bytes: Uint8Array; mediaType: 'image/png' | 'image/jpeg' } | null>;
}

export interface ReportOptions {
  /** Embedded image bytes allowed in the whole report (default 24 MiB); past it, pages say where the files are. */
  imageBudgetBytes?: number;
  /** Most image pixels embedded (PNG embedding costs CPU per pixel). */
  imageBudgetPixels?: number;
}
