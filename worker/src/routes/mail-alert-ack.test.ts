import { describe, expect, it } from 'vitest';
import type { FileMailResult, MailAlert, MailRecordView } from '@wardguard/shared/api/mail';
import { api, seedCouncil } from '../../test/helpers.ts';
import { fileMessage } from '../../test/mail-helpers.ts';

describe('who acknowledged a threat to life, and when', () => {
  it('names the officer on record in every answer and on the message itself', async () => {
    const s = await seedCouncil();
    const { res } = await fileMessage(s.service.token, s.alice.id, { subject: 'you will die', body: 'I am going to kill you, you will be dead by Friday' });
    const filing = (await res.json()) as FileMailResult;
    const before = (await (await api(s.officer.token, `/mail/records/${filing.recordId}`)).json()) as MailRecordView;
    expect(before.threatAlert).toMatchObject({ id: filing.alertId, acknowledgedAt: null, acknowledgedBy: null, acknowledgedByName: null });

    const first = (await (await api(s.officer.token, `/mail/alerts/${filing.alertId}/ack`, { method: 'POST' })).json()) as MailAlert;
    expect(first).toMatchObject({ acknowledgedBy: s.officer.id, acknowledgedByName: 'Olive Officer' });
    // A later acknowledgement by someone else is answered with the one on record, by name.
    const second = (await (await api(s.admin.token, `/mail/alerts/${filing.alertId}/ack`, { method: 'POST' })).json()) as MailAlert;
    expect(second).toMatchObject({ acknowledgedBy: s.officer.id, acknowledgedByName: 'Olive Officer', acknowledgedAt: first.acknowledgedAt });

    const after = (await (await api(s.admin.token, `/mail/records/${filing.recordId}`)).json()) as MailRecordView;
    expect(after.threatAlert).toMatchObject({ acknowledgedAt: first.acknowledgedAt, acknowledgedBy: s.officer.id, acknowledgedByName: 'Olive Officer' });
  });
});
