import { describe, expect, it } from 'vitest';
import type { EvidenceView } from '@wardguard/shared';
import { api, seedCouncil } from '../../test/helpers.ts';
import { fileFrom } from '../../test/reply-helpers.ts';

describe('quarantined mail and the councillor', () => {
  it('is never listed, shown or downloadable for the councillor it was sent to, only for officers', async () => {
    const s = await seedCouncil();
    const recordId = await fileFrom(s, 'abuse', 'You useless idiot');
    const record = (await (await api(s.officer.token, `/mail/records/${recordId}`)).json()) as { itemId: string };
    const item = (await (await api(s.officer.token, `/evidence/${record.itemId}`)).json()) as EvidenceView;
    expect(item.kind).toBe('email');
    const eml = item.artifacts[0]!;

    const list = (await (await api(s.alice.token, '/evidence')).json()) as { items: EvidenceView[] };
    expect(list.items.map((i) => i.id)).not.toContain(record.itemId);
    expect((await api(s.alice.token, `/evidence/${record.itemId}`)).status).toBe(404);
    expect((await api(s.alice.token, `/evidence/${record.itemId}/artifacts/${eml.id}`)).status).toBe(404);
    expect((await api(s.alice.token, `/custody?itemId=${record.itemId}`)).status).toBe(404);
    expect((await api(s.alice.token, `/mail/records/${recordId}`)).status).toBe(403);
    expect((await api(s.officer.token, `/evidence/${record.itemId}/artifacts/${eml.id}`)).status).toBe(200);
  });
});
