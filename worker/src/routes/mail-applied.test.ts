import { describe, expect, it } from 'vitest';
import type { MailRecordView } from '@wardguard/shared/api/mail';
import { api, seedCouncil } from '../../test/helpers.ts';
import { fileFrom } from '../../test/reply-helpers.ts';

describe("an officer's decision on a quarantined message", () => {
  it('shows as applied only once the mail filter acknowledges carrying it out', async () => {
    const s = await seedCouncil();
    const recordId = await fileFrom(s, 'profanity', 'The pothole is shit, fix it');
    const decided = (await (await api(s.officer.token, `/mail/records/${recordId}/decision`, { method: 'POST', json: { decision: 'release' } })).json()) as MailRecordView;
    expect(decided).toMatchObject({ state: 'released', actionAppliedAt: null });
    const { actions } = (await (await api(s.service.token, '/mail/service/actions')).json()) as { actions: { id: string; recordId: string }[] };
    const action = actions.find((a) => a.recordId === recordId)!;
    expect((await (await api(s.officer.token, `/mail/records/${recordId}`)).json()) as MailRecordView).toMatchObject({ actionAppliedAt: null });
    await api(s.service.token, `/mail/service/actions/${action.id}/ack`, { method: 'POST', json: { outcome: 'applied' } });
    const after = (await (await api(s.officer.token, `/mail/records/${recordId}`)).json()) as MailRecordView;
    expect(Date.parse(after.actionAppliedAt ?? '')).not.toBeNaN();
  });
});
