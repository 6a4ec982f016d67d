import { describe, expect, it } from 'vitest';
import { api, seedCouncil } from '../../test/helpers.ts';
import { fileFrom } from '../../test/reply-helpers.ts';

describe("officers' decisions as a labelled set for the classifier", () => {
  it('lists false positives as not_abuse and confirmed flags as abuse, without the message text', async () => {
    const s = await seedCouncil();
    const fp = await fileFrom(s, 'profanity', 'The pothole is shit, please fix it');
    const real = await fileFrom(s, 'abuse', 'You useless idiot');
    await fileFrom(s, 'abuse', 'undecided idiot');
    await api(s.officer.token, `/mail/records/${fp}/decision`, { method: 'POST', json: { decision: 'not_abuse' } });
    await api(s.officer.token, `/mail/records/${real}/decision`, { method: 'POST', json: { decision: 'keep' } });
    const res = await api(s.officer.token, '/labels');
    const { labels } = (await res.json()) as { labels: { recordId: string; label: string; classifierSeverity: string }[] };
    expect(labels.map((l) => [l.recordId, l.label, l.classifierSeverity]).sort()).toEqual(
      [
        [fp, 'not_abuse', 'profanity'],
        [real, 'abuse', 'abuse'],
      ].sort(),
    );
    expect(JSON.stringify(labels)).not.toContain('pothole');
    expect((await api(s.alice.token, '/labels')).status).toBe(403);
  });
});
