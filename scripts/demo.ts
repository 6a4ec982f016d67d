// `npm run demo`: seeds a realistic council into the local database so a newcomer sees a
// working dashboard in a minute. Uses the Worker started by `npm start` if it is running,
// otherwise starts one for the duration of the seeding.
import { applyMigrations, startWorker, type RunningWorker } from './lib/wrangler.ts';
import { seedDemo } from './lib/demo.ts';

const PORT = Number(process.env.PORT ?? 8787);
const base = `http://127.0.0.1:${PORT}`;

const running = await fetch(`${base}/api/v1/health`).then((r) => r.ok).catch(() => false);
let worker: RunningWorker | null = null;
if (!running) {
  await applyMigrations();
  worker = await startWorker({ port: PORT });
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    void (worker?.stop() ?? Promise.resolve()).then(() => process.exit(130));
  });
}
try {
  const seed = await seedDemo(base, {});
  console.log(`Demo data seeded: 2 councillors, cases, captures, a diary entry and ${Object.keys(seed.records).length} quarantined messages.

  Officer token (Sam Patel):   ${seed.officerToken}
  Councillor token (A. Khan):  ${seed.councillorToken}

Open ${base}/ and sign in with the officer token${worker ? ' (after `npm start`)' : ''}.`);
} finally {
  await worker?.stop();
}
