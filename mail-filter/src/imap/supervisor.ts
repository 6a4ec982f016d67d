import { createBackoff } from './backoff.ts';
import { sleep } from '../sleep.ts';
import { runSession, type SessionDeps } from './session.ts';

/** A session that lasted this long was healthy: the next failure starts back-off afresh. */
const HEALTHY_SESSION_MS = 30_000;

/**
 * Keeps one account connected for the life of the process: any connection error ends the
 * session and a fresh client reconnects after an exponential, jittered back-off.
 */
export async function superviseAccount(deps: SessionDeps, reconnect: { minMs: number; maxMs: number }): Promise<void> {
  const backoff = createBackoff(reconnect);
  while (!deps.stopSignal.aborted) {
    const started = Date.now();
    try {
      await runSession(deps);
    } catch (err) {
      if ((err as { code?: string }).code === 'IMAP_NO_MOVE') {
        // Fail closed: reconnecting will not add MOVE. The other accounts carry on.
        deps.log.error('account NOT filtered: the server cannot MOVE', { account: deps.account.id, code: 'IMAP_NO_MOVE', error: (err as Error).message });
        return;
      }
      deps.log.warn('mailbox connection lost; reconnecting', {
        account: deps.account.id,
        error: (err as Error).message,
        code: (err as { code?: string }).code,
      });
    }
    if (deps.stopSignal.aborted) return;
    if (Date.now() - started > HEALTHY_SESSION_MS) backoff.reset();
    const delay = backoff.next();
    await sleep(delay, [deps.stopSignal]);
  }
}
