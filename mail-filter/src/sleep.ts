/**
 * Waits `ms`, or less if `stopped` resolves first. The timer is cleared on stop, and it is
 * never unref'd: while the IMAP connection is down it is what keeps the process alive.
 */
export function sleep(ms: number, stopped?: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    void stopped?.then(() => {
      clearTimeout(t);
      resolve();
    });
  });
}
