/**
 * Exponential back-off with jitter for reconnecting: min, 2·min, 4·min … capped at max,
 * each scaled by a random 50–100 % so many filters do not reconnect in step.
 */
export function createBackoff(opts: { minMs: number; maxMs: number; random?: () => number }) {
  const random = opts.random ?? Math.random;
  let attempt = 0;
  return {
    next(): number {
      const ceiling = Math.min(opts.maxMs, opts.minMs * 2 ** Math.min(attempt, 30));
      attempt += 1;
      return Math.round(ceiling * (0.5 + random() / 2));
    },
    reset(): void {
      attempt = 0;
    },
  };
}
