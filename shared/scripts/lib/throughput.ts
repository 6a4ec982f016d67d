import { loadPetitions } from './datasets.ts';

export const EMAIL_BYTES = 3 * 1024;

/** ~3 KB email bodies built from real petition text, with a greeting and a sign-off like real mail. */
export function makeEmailBodies(count = 200): string[] {
  const texts = loadPetitions().map((p) => p.text.replace(/\s+/g, ' '));
  const bodies: string[] = [];
  let k = 0;
  for (let i = 0; i < count; i++) {
    let body = 'Dear Councillor,\n\n';
    while (body.length < EMAIL_BYTES - 40) body += texts[k++ % texts.length] + '\n\n';
    bodies.push(body.slice(0, EMAIL_BYTES - 40) + '\n\nKind regards,\nA resident');
  }
  return bodies;
}

/** Messages per second for `fn` over `bodies`, running for at least `minMs` after a warm-up. */
export function measure(fn: (body: string) => unknown, bodies: string[], minMs = 1500): number {
  for (const b of bodies.slice(0, 20)) fn(b);
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const b of bodies) fn(b);
    n += bodies.length;
    elapsed = performance.now() - start;
  }
  return (n / elapsed) * 1000;
}
