import type { QueueItemView } from '../service/messages.ts';

/** "in 2 min", "now": when a pending capture will be tried again. */
export function untilText(at: number, now = Date.now()): string {
  const s = Math.round((at - now) / 1000);
  if (s <= 0) return 'now';
  if (s < 60) return `in ${s} s`;
  const m = Math.round(s / 60);
  return m < 60 ? `in ${m} min` : `in ${Math.round(m / 60)} h`;
}

/**
 * The server pins each token to the first install key that signed with it: after a reinstall or
 * on another browser, only a new token (and pairing again) lets this browser file evidence.
 */
export const needsRepairing = (item: QueueItemView): boolean => item.lastError?.code === 'SIGNATURE_KEY_CHANGED';

/** One line saying why a capture is still in the browser. */
export function whyWaiting(item: QueueItemView, now = Date.now()): string {
  if (item.state === 'needs_attention' && needsRepairing(item)) {
    return 'Needs attention: your token was first used from another browser or an earlier install of Wardguard. Ask your council for a new token, pair again in Options, then press Try again.';
  }
  if (item.state === 'awaiting_confirmation') return 'Waiting for you: the page may not show the post';
  if (item.state === 'needs_attention') return `Needs attention: the server refused it (${item.lastError?.code ?? 'error'}: ${item.lastError?.message ?? ''})`;
  if (!item.lastError) return 'Sending…';
  return `Not sent yet (${item.lastError.message}); next try ${untilText(item.nextAttemptAt, now)}`;
}
