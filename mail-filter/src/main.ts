// `npm run filter -- --config <file>` (or WARDGUARD_CONFIG=<file>): runs the mail filter.
import { isWardguardError } from '@wardguard/shared';
import { loadConfig } from './config.ts';
import { createFilter } from './filter.ts';
import { createLogger } from './log.ts';

function configPath(argv: string[]): string | undefined {
  const i = argv.indexOf('--config');
  if (i !== -1) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith('--config='));
  return eq ? eq.slice('--config='.length) : process.env.WARDGUARD_CONFIG;
}

const path = configPath(process.argv.slice(2));
if (!path) {
  process.stderr.write('Usage: npm run filter -- --config <file>   (or set WARDGUARD_CONFIG). See mail-filter/config.example.json.\n');
  process.exit(2);
}
let config;
try {
  config = loadConfig(path);
} catch (err) {
  process.stderr.write(`${isWardguardError(err) ? err.message : String(err)}\n`);
  process.exit(2);
}
const log = createLogger({ service: 'mail-filter' });
const filter = createFilter(config, log);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    log.info('stopping', { signal: sig });
    filter.stop();
  });
}
log.info('started', { accounts: config.accounts.map((a) => a.id) });
try {
  await filter.run();
} catch (err) {
  if (!isWardguardError(err) || err.code !== 'INVALID_CONFIG') throw err;
  log.error('config error: not starting', { code: err.code, error: err.message });
  process.stderr.write(`${err.message}\n`);
  process.exit(2);
}
log.info('stopped');
