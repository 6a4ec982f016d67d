/**
 * Waits `ms`, or less if any signal aborts first. Listeners are removed when it ends, so a
 * long-lived stop signal does not collect one per wait. The timer is never unref'd: while
 * the IMAP connection is down it is what keeps the process alive.
 */
export function sleep(ms: number, signals: AbortSignal[] = []): Promise<void> {
  return new Promise((resolve) => {
    if (signals.some((s) => s.aborted)) return resolve();
    const done = () => {
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const s of signals) s.addEventListener('abort', done, { once: true });
  });
}
