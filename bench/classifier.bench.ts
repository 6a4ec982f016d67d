// Wardguard's classifier on ~3 KB email bodies, next to obscenity on the same bodies: warm
// throughput, then cold start (fresh processes, see classifier-cold.ts).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { classify } from '../shared/src/classify/index.ts';
import { createBaselines } from '../shared/scripts/lib/baselines.ts';
import { makeEmailBodies, measure } from '../shared/scripts/lib/throughput.ts';

const COLD_RUNS = 3;
const COLD_SCRIPT = fileURLToPath(new URL('./classifier-cold.ts', import.meta.url));

interface Cold {
  importMs: number;
  firstMs: number;
  firstPassMs: number;
  secondPassMs: number;
}

/** Median of each field over COLD_RUNS fresh processes (same Node flags, so the same TS loader). */
function coldStart(which: 'wardguard' | 'obscenity'): Cold {
  const runs: Cold[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const child = spawnSync(process.execPath, [...process.execArgv, COLD_SCRIPT, which], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`cold start (${which}) failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as Cold);
  }
  const median = (k: keyof Cold) => runs.map((r) => r[k]).sort((a, b) => a - b)[runs.length >> 1]!;
  return { importMs: median('importMs'), firstMs: median('firstMs'), firstPassMs: median('firstPassMs'), secondPassMs: median('secondPassMs') };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

export async function run(): Promise<void> {
  const bodies = makeEmailBodies();
  const wardguard = measure((b) => classify({ body: b }), bodies);
  const obscenity = createBaselines().find((b) => b.name.startsWith('obscenity'))!;
  const baseline = measure((b) => obscenity.flags(b), bodies);
  console.log(`classify, 3 KB bodies: ${wardguard.toFixed(0)} emails/s (one core), ${(1000 / wardguard).toFixed(2)} ms per message`);
  console.log(`obscenity, same bodies: ${baseline.toFixed(0)} emails/s, ${(1000 / baseline).toFixed(2)} ms per message`);
  console.log(`ratio Wardguard / obscenity: ${(wardguard / baseline).toFixed(2)}`);

  const wg = coldStart('wardguard');
  const ob = coldStart('obscenity');
  const line = (name: string, c: Cold) =>
    `${name} cold start: import ${ms(c.importMs)} + first verdict ${ms(c.firstMs)} = ${ms(c.importMs + c.firstMs)}; ` +
    `councillor dev set (218 messages) cold ${ms(c.firstPassMs)}, warm ${ms(c.secondPassMs)}`;
  console.log(`\n(fresh process each, median of ${COLD_RUNS}; import includes dependencies and the TS loader)`);
  console.log(line('classify', wg));
  console.log(line('obscenity', ob));
  console.log(`ratio cold start Wardguard / obscenity: ${((wg.importMs + wg.firstMs) / (ob.importMs + ob.firstMs)).toFixed(2)}`);
}
