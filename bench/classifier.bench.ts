// Wardguard's classifier on ~3 KB email bodies, next to obscenity on the same bodies.
import { classify } from '../shared/src/classify/index.ts';
import { createBaselines } from '../shared/scripts/lib/baselines.ts';
import { makeEmailBodies, measure } from '../shared/scripts/lib/throughput.ts';

export async function run(): Promise<void> {
  const bodies = makeEmailBodies();
  const wardguard = measure((b) => classify({ body: b }), bodies);
  const obscenity = createBaselines().find((b) => b.name.startsWith('obscenity'))!;
  const baseline = measure((b) => obscenity.flags(b), bodies);
  console.log(`classify, 3 KB bodies: ${wardguard.toFixed(0)} emails/s (one core)`);
  console.log(`obscenity, same bodies: ${baseline.toFixed(0)} emails/s`);
  console.log(`ratio Wardguard / obscenity: ${(wardguard / baseline).toFixed(2)}`);
}
