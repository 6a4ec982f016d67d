import type { Logger } from './log.ts';
import { sleep } from './sleep.ts';

export interface RepeatOptions {
  stop: AbortSignal;
  log: Logger;
  /** Receives the function that ends the current wait early (e.g. "a threat was filed: send alerts now"). */
  onWake?: (wake: () => void) => void;
}

/**
 * Runs `body` every `everyMs` until `stop` aborts; a failed round is logged and the next one
 * runs as usual. The wake is handed out before each round, not after it, so a wake during a
 * round (a threat filed while the last alerts are being sent) ends the following wait at once
 * instead of being lost until the next poll.
 */
export async function repeat(name: string, everyMs: number, body: () => Promise<unknown>, { stop, log, onWake }: RepeatOptions): Promise<void> {
  while (!stop.aborted) {
    const early = new AbortController();
    onWake?.(() => early.abort());
    try {
      await body();
    } catch (err) {
      log.warn(`${name} failed this round`, { error: (err as Error).message });
    }
    await sleep(everyMs, [early.signal, stop]);
  }
}
