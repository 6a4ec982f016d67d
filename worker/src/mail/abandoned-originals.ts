import type { Bindings } from '../env.ts';
import { clearUpload, listAbandonedUploads } from '../db/mail-originals.ts';

/** An upload of an original not completed this long after it started is given up. */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Aborts uploads of originals that a mail filter started and never completed (a filter that
 * never came back, or whose queue entry was set aside), so their parts stop taking up R2; the
 * record then has no upload in progress, and a filter that does come back starts afresh.
 * Run by the daily cron; returns how many it aborted.
 */
export async function abortAbandonedOriginals(env: Bindings, nowMs: number): Promise<number> {
  const before = new Date(nowMs - ABANDONED_AFTER_MS).toISOString();
  const results = await listAbandonedUploads(env.DB, before);
  for (const row of results) {
    try {
      await env.EVIDENCE.resumeMultipartUpload(row.r2Key, row.uploadId).abort();
    } catch (err) {
      // Already gone (R2 expires unfinished uploads itself): only the row is left to clear.
      console.warn('abandoned original upload already gone', String(err));
    }
    await clearUpload(env.DB, row.recordId, row.uploadId);
  }
  if (results.length > 0) console.log('aborted abandoned original uploads', results.length);
  return results.length;
}
