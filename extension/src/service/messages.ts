import type { BundleError, BundleState, DeliveredReceipt } from '../queue/types.ts';

export type CaptureOutcome =
  | { status: 'filed'; bundleId: string; receipt: DeliveredReceipt; warnings: string[] }
  | { status: 'queued'; bundleId: string; warnings: string[]; lastError: BundleError | null }
  | { status: 'held'; bundleId: string; warnings: string[] }
  | { status: 'failed'; code: string; message: string };

export interface QueueItemView {
  id: string;
  state: BundleState;
  title: string;
  url: string;
  capturedAt: string;
  attempts: number;
  nextAttemptAt: number;
  lastError: BundleError | null;
  warnings: string[];
}

export interface StatusView {
  pairing: { serverUrl: string; userName: string } | null;
  queue: QueueItemView[];
  receipts: DeliveredReceipt[];
  lastCaptureError: { code: string; message: string; at: string } | null;
}

/** What the popup and options pages may ask the background. */
export type Request =
  | { type: 'capture'; caseId: string | null; note: string | null }
  | { type: 'status' }
  | { type: 'confirm'; id: string; note?: string }
  | { type: 'discard'; id: string }
  | { type: 'retry' };

const TYPES = new Set(['capture', 'status', 'confirm', 'discard', 'retry']);
export const isRequest = (m: unknown): m is Request => typeof m === 'object' && m !== null && TYPES.has((m as { type?: unknown }).type as string);
