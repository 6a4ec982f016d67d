import type { Receipt } from '@wardguard/shared';
import type { SealedArtifact } from '../seal/artifact.ts';
import type { BundleSignature } from '../seal/signature.ts';

/**
 * pending: waiting to be sent (or re-sent after a back-off).
 * awaiting_confirmation: the page looked empty (login wall, removed post); held until the councillor files it anyway.
 * needs_attention: the Worker refused it for a reason retrying will not fix; kept until the councillor acts.
 */
export type BundleState = 'pending' | 'awaiting_confirmation' | 'needs_attention';

export interface BundleError {
  code: string;
  message: string;
  status?: number;
  at: string;
}

/** What a capture produced, before it is sealed into a manifest. */
export interface CaptureDraft {
  title: string;
  url: string;
  capturedAt: string;
  caseId: string | null;
  note: string | null;
  metadata: Record<string, unknown>;
  artifacts: SealedArtifact[];
  /** Why the councillor should look before filing (empty when the page looked fine). */
  warnings: string[];
}

export interface QueuedBundle {
  id: string; // the idempotency key
  state: BundleState;
  draft: CaptureDraft;
  manifestText: string;
  signature: BundleSignature;
  attempts: number;
  nextAttemptAt: number;
  lastError: BundleError | null;
  createdAt: string;
}

export type SendResult =
  | { ok: true; status: number; receipt: Receipt }
  | { ok: false; status?: number; code: string; message: string /** The server's Retry-After, when it sent one. */; retryAfterMs?: number };

export interface DeliveredReceipt extends Receipt {
  bundleId: string;
  title: string;
  url: string;
  deliveredAt: string;
}

export interface QueueStore {
  put(b: QueuedBundle): Promise<void>;
  get(id: string): Promise<QueuedBundle | null>;
  list(): Promise<QueuedBundle[]>;
  delete(id: string): Promise<void>;
}
