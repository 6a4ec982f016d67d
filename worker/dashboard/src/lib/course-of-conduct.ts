import type { EvidenceItem } from './types.ts';

/** Two or more incidents by the same person can amount to harassment (PHA 1997): flag them. */
export const COURSE_OF_CONDUCT_MIN = 2;

export function courseOfConduct(items: Pick<EvidenceItem, 'perpetratorId' | 'kind'>[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const i of items) {
    if (!i.perpetratorId || i.kind === 'diary') continue;
    counts.set(i.perpetratorId, (counts.get(i.perpetratorId) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n >= COURSE_OF_CONDUCT_MIN).sort((a, b) => b[1] - a[1]);
}
