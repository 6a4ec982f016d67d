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

/**
 * Messages per second of CPU time for `fn` over `bodies` (at least `minMs` of CPU after a
 * one-second warm-up). CPU time, not wall time: "per core" should not depend on what else the machine runs.
 */
export function measure(fn: (body: string) => unknown, bodies: string[], minMs = 1500): number {
  // Warm up for a second: V8 compiles each large regex on first use and optimises hot code
  // after a while; a mail filter runs for days, so steady state is what matters.
  const warm = performance.now();
  while (performance.now() - warm < 1000) for (const b of bodies) fn(b);
  let n = 0;
  const start = process.cpuUsage();
  let elapsedMs = 0;
  while (elapsedMs < minMs) {
    for (const b of bodies) fn(b);
    n += bodies.length;
    const used = process.cpuUsage(start);
    elapsedMs = (used.user + used.system) / 1000;
  }
  return (n / elapsedMs) * 1000;
}
