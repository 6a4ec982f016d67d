// `npm start`: the whole product on this machine, on embedded storage (.wrangler/).
// Applies migrations, creates the first admin on first run, then runs the Worker.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { applyMigrations, ROOT, startWorker } from './lib/wrangler.ts';
import { ensureFirstAdmin } from './lib/principals.ts';
import { ensureDevPackKey, publicHalf } from './lib/pack-key.ts';
import { clearDevAddress, writeDevAddress } from './lib/dev-address.ts';

const PORT = Number(process.env.PORT ?? 8787);
const COUNCIL_NAME = process.env.WARDGUARD_COUNCIL_NAME ?? 'Example Borough Council';

console.log("Wardguard: building the officers' dashboard…");
const build = spawnSync('npm', ['run', 'build', '-w', 'worker'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

console.log('Wardguard: building the browser extension…');
// The bundler's warnings about third-party comments are noise here; show output only on failure.
const ext = spawnSync('npm', ['run', 'build', '-w', 'extension'], { cwd: ROOT, encoding: 'utf8' });
if (ext.status !== 0) {
  console.error(ext.stdout, ext.stderr);
  process.exit(ext.status ?? 1);
}

console.log('Wardguard: applying database migrations (local D1)…');
await applyMigrations();

const firstRun = await ensureFirstAdmin({}, COUNCIL_NAME);
if (firstRun.kind === 'created') {
  console.log(`
First run: ${firstRun.councilCreated ? `created "${COUNCIL_NAME}" and an admin` : 'created an admin for the council already here'}.

  Admin token (shown once, stored only as a hash):

    ${firstRun.token.token}

  Add people with: npm run admin -- create-user --name "Jane Smith" --role councillor
`);
} else if (firstRun.kind === 'ambiguous') {
  console.log(`No admin yet, and ${firstRun.councils} councils: create one with
  npm run admin -- list-councils
  npm run admin -- create-user --name "Administrator" --role admin --council <id>
`);
}

const packKey = ensureDevPackKey();
if (packKey.created) {
  console.log(`Evidence packs: created this machine's pack-signing key in .dev.vars (fingerprint ${publicHalf(packKey.key).fingerprint}).\n`);
}

const worker = await startWorker({ port: PORT, vars: { ENABLE_BENCH_ROUTES: '1' }, inherit: true });
// `npm run demo` and the admin tools find this Worker here, whatever PORT it was given.
writeDevAddress(worker.url);
process.once('exit', () => clearDevAddress());
console.log(`\nWardguard: dashboard ${worker.url}/  API ${worker.url}/api/v1  (Ctrl-C to stop; \`npm run demo\` adds sample data)
Browser extension to load unpacked: ${join(ROOT, 'extension', '.output', 'chrome-mv3')} (pair it with ${worker.url} in its options)\n`);

// The mail filter runs for every mailbox in its config; without one, say what to set.
const filterConfig = process.env.WARDGUARD_CONFIG ?? join(ROOT, 'mail-filter.config.json');
let filter: ChildProcess | null = null;
if (existsSync(filterConfig)) {
  console.log(`Mail filter: starting with ${filterConfig}`);
  filter = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['mail-filter/src/main.ts', '--config', filterConfig], { cwd: ROOT, stdio: 'inherit' });
} else {
  console.log(`Mail filter: no mailbox configured, so it is not running. To filter a mailbox:
  1. npm run admin -- create-user --name "Mail filter" --role service      (prints the service token)
  2. npm run admin -- list-users                                            (the councillor's user id)
  3. cp mail-filter/config.example.json mail-filter.config.json, then set worker.url to ${worker.url},
     worker.token to the service token, and for each account its IMAP settings and councillorId
  4. restart npm start (or point WARDGUARD_CONFIG at your config file)
`);
}

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  filter?.kill('SIGTERM');
  await worker.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
worker.process.on('exit', (code) => {
  if (!stopping) {
    console.error(`wrangler dev exited (${code}).`);
    process.exit(code ?? 1);
  }
});
