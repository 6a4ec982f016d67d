// One cold start, run in a fresh process by classifier.bench.ts; prints one JSON line.
//   tsx bench/classifier-cold.ts wardguard [path/to/classify/index.ts]
//   tsx bench/classifier-cold.ts obscenity
// importMs: from the start of the import to the module being ready (its whole dependency
// graph, as a mail filter or CLI pays it); firstMs: the first verdict after that, on a threat
// (the costliest first message: threat patterns are compiled on first use); firstPassMs /
// secondPassMs: every message of the councillor dev set (all pattern families) once cold, then
// again warm, so the difference is what first use still costs.
import { fileURLToPath } from 'node:url';
import { loadCouncillorEmails } from '../shared/scripts/lib/datasets.ts';

const FIRST = "I know where you live and I'm going to kill you.";
const which = process.argv[2] ?? 'wardguard';
const messages = loadCouncillorEmails().map((e) => e.text);

async function wardguard(): Promise<Record<string, number>> {
  const path = process.argv[3] ?? fileURLToPath(new URL('../shared/src/classify/index.ts', import.meta.url));
  const t0 = performance.now();
  const { classify } = (await import(path)) as typeof import('../shared/src/classify/index.ts');
  const t1 = performance.now();
  classify({ body: FIRST });
  const t2 = performance.now();
  for (const m of messages) classify({ body: m });
  const t3 = performance.now();
  for (const m of messages) classify({ body: m });
  const t4 = performance.now();
  return { importMs: t1 - t0, firstMs: t2 - t1, firstPassMs: t3 - t2, secondPassMs: t4 - t3 };
}

async function obscenity(): Promise<Record<string, number>> {
  const t0 = performance.now();
  const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = await import('obscenity');
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const t1 = performance.now();
  matcher.hasMatch(FIRST);
  const t2 = performance.now();
  for (const m of messages) matcher.hasMatch(m);
  const t3 = performance.now();
  for (const m of messages) matcher.hasMatch(m);
  const t4 = performance.now();
  return { importMs: t1 - t0, firstMs: t2 - t1, firstPassMs: t3 - t2, secondPassMs: t4 - t3 };
}

const result = which === 'obscenity' ? await obscenity() : await wardguard();
process.stdout.write(JSON.stringify(result) + '\n');
