/**
 * Remembers that the Worker just failed to take a record (unreachable, hung, 5xx), so the
 * next flagged messages go straight to the spool instead of each waiting out the filing
 * timeout. Tried again after `retryMs`, or at once when any filing (the spool drain) works.
 */
export function createOutage(retryMs: number, now: () => number = Date.now) {
  let until = 0;
  return {
    /** True while the last failure is recent: spool without asking the Worker. */
    active: (): boolean => now() < until,
    failed(): void {
      until = now() + retryMs;
    },
    ended(): void {
      until = 0;
    },
  };
}
export type Outage = ReturnType<typeof createOutage>;
