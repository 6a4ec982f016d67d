import { WardguardError } from '@wardguard/shared';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { errorCode, isTransient, type WorkerClient } from './worker/client.ts';

/**
 * Before touching any mailbox: the service token works and every account's councillorId is
 * a councillor of the token's council. A wrong one would otherwise show up only when the
 * first abusive message is refused. A Worker that cannot be reached is no config error
 * (the filter spools until it is back): warned, not fatal.
 */
export async function checkWorkerConfig(config: Config, worker: WorkerClient, log: Logger): Promise<void> {
  for (const account of config.accounts) {
    try {
      const c = await worker.councillor(account.councillorId);
      log.info('account checked with the Worker', { account: account.id, councillor: c.name });
    } catch (err) {
      if (isTransient(err)) {
        log.warn('the Worker cannot be reached to check the config; starting anyway (records are spooled until it is back)', {
          account: account.id,
          error: (err as Error).message,
        });
        return;
      }
      const code = errorCode(err);
      const why =
        code === 'UNAUTHENTICATED' || code === 'FORBIDDEN'
          ? 'worker.token is not a working mail-filter service token'
          : code === 'NOT_FOUND'
            ? `accounts[id=${account.id}].councillorId "${account.councillorId}" is not a councillor of this council`
            : `the Worker refused the check (${code})`;
      throw new WardguardError('INVALID_CONFIG', `The mail filter config is invalid: ${why}. ${(err as Error).message}`);
    }
  }
}

/** Duty e-mail repeats need the `alerts` block; say so loudly at start rather than at the first threat. */
export function warnMissingAlerts(config: Config, log: Logger): void {
  if (config.alerts) return;
  for (const account of config.accounts) {
    log.warn('NO DUTY E-MAIL for threats to life: the config has no "alerts" block, so only the Worker\'s webhook (ALERT_WEBHOOK_URL) will alert anyone', {
      account: account.id,
    });
  }
}
