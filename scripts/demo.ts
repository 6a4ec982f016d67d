// `npm run demo`: seeds a realistic council into the local database so a newcomer sees a
// working dashboard in a minute. Uses the Worker `npm start` is running (PORT, or the address
// it wrote), otherwise starts one for the duration of the seeding. Run again, it seeds nothing
// twice: it prints fresh tokens for the demo officer and councillor.
import { parseArgs } from 'node:util';
import { applyMigrations, startWorker, type RunningWorker, type Store } from './lib/wrangler.ts';
import { seedDemo } from './lib/demo.ts';
import { seedDemoHistory } from './lib/demo-history.ts';
import { reissueDemoTokens } from './lib/demo-again.ts';
import { findRunningWorker } from './lib/dev-address.ts';

const { values } = parseArgs({ options: { 'persist-to': { type: 'string' } } });
const store: Store = values['persist-to'] ? { persistTo: values['persist-to'] } : {};

const target = await findRunningWorker(store);
let worker: RunningWorker | null = null;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    void (worker?.stop() ?? Promise.resolve()).then(() => process.exit(130));
  });
}
try {
  await applyMigrations(store);
  const again = await reissueDemoTokens(store);
  if (again) {
    console.log(`The demo data is already here; nothing was added. Fresh tokens (the earlier ones still work):

  Officer token (Sam Patel):   ${again.officerToken}
  Councillor token (A. Khan):  ${again.councillorToken}

Open ${target.base}/ and sign in with the officer token${target.running ? '' : ' (after `npm start`)'}.`);
  } else {
    if (!target.running) worker = await startWorker({ port: target.port, ...store });
    const seed = await seedDemo(target.base, store);
    // Ten weeks of earlier incidents, so the officers' overview has trends to show.
    const history = await seedDemoHistory(target.base, seed);
    console.log(`Demo data seeded: 2 councillors, cases, captures, a diary entry and ${Object.keys(seed.records).length} quarantined messages,
with ten weeks of history behind them (${history.captures} captures, ${history.mails} messages) for the overview's trends.

  Officer token (Sam Patel):   ${seed.officerToken}
  Councillor token (A. Khan):  ${seed.councillorToken}

Open ${target.base}/ and sign in with the officer token${target.running ? '' : ' (after `npm start`)'}.`);
  }
} finally {
  await worker?.stop();
}
