import { describe, expect, it } from 'vitest';
import type { MailRecordView } from '@wardguard/shared/api/mail';
import type { PerpetratorView } from '@wardguard/shared';
import { api, errorCode, seedCouncil } from '../../test/helpers.ts';
import { fileFrom } from '../../test/reply-helpers.ts';

const values = { contact_name: 'Sam Patel', contact_email: 'sam.patel@council.example' };

describe('a perpetrator the council has disengaged from', () => {
  it('still has their mail quarantined and recorded, marked as needing no reply', async () => {
    const s = await seedCouncil();
    const perp = (await (
      await api(s.officer.token, '/perpetrators', { method: 'POST', json: { displayName: 'Gary Troll', emails: ['gary.troll@example.net'] } })
    ).json()) as PerpetratorView;
    const first = await fileFrom(s, 'abuse', 'idiot');
    expect(((await (await api(s.officer.token, `/mail/records/${first}`)).json()) as MailRecordView).noReplyNeeded).toBe(false);

    expect((await api(s.alice.token, `/perpetrators/${perp.id}`, { method: 'PATCH', json: { disengaged: true } })).status).toBe(404);
    const upd = (await (await api(s.officer.token, `/perpetrators/${perp.id}`, { method: 'PATCH', json: { disengaged: true } })).json()) as PerpetratorView;
    expect(Date.parse(upd.disengagedAt ?? '')).not.toBeNaN();

    const later = await fileFrom(s, 'abuse', 'idiot again');
    const { records } = (await (await api(s.officer.token, '/mail/queue')).json()) as { records: MailRecordView[] };
    expect(records.find((r) => r.id === later)).toMatchObject({ state: 'quarantined', noReplyNeeded: true });

    const refused = await api(s.officer.token, '/replies', { method: 'POST', json: { recordId: later, templateKey: 'warning', values } });
    expect(refused.status).toBe(409);
    expect(await errorCode(refused)).toBe('SENDER_DISENGAGED');
    const overridden = await api(s.officer.token, '/replies', {
      method: 'POST',
      json: { recordId: later, templateKey: 'warning', values, overrideReason: 'Monitoring officer asked for one final warning.' },
    });
    expect(overridden.status).toBe(201);

    await api(s.officer.token, `/perpetrators/${perp.id}`, { method: 'PATCH', json: { disengaged: false } });
    expect(((await (await api(s.officer.token, `/mail/records/${later}`)).json()) as MailRecordView).noReplyNeeded).toBe(false);
  });

  it('is matched by their whole address, never by an address that merely contains it', async () => {
    const s = await seedCouncil();
    const perp = (await (
      await api(s.officer.token, '/perpetrators', { method: 'POST', json: { displayName: 'Bob', emails: ['bob@evil.example'] } })
    ).json()) as PerpetratorView;
    await api(s.officer.token, `/perpetrators/${perp.id}`, { method: 'PATCH', json: { disengaged: true } });
    const bob = await fileFrom(s, 'abuse', 'idiot', 'Bob <Bob@evil.example>');
    const bare = await fileFrom(s, 'abuse', 'idiot', 'bob@evil.example');
    const jimbob = await fileFrom(s, 'abuse', 'idiot', 'Jim <jimbob@evil.example.org>');
    const view = async (id: string) => ((await (await api(s.officer.token, `/mail/records/${id}`)).json()) as MailRecordView).noReplyNeeded;
    expect(await view(bob)).toBe(true);
    expect(await view(bare)).toBe(true);
    expect(await view(jimbob)).toBe(false);
  });

  it('cannot be disengaged by a councillor', async () => {
    const s = await seedCouncil();
    const perp = (await (await api(s.alice.token, '/perpetrators', { method: 'POST', json: { displayName: 'Someone' } })).json()) as PerpetratorView;
    const res = await api(s.alice.token, `/perpetrators/${perp.id}`, { method: 'PATCH', json: { disengaged: true } });
    expect(res.status).toBe(403);
    expect((await api(s.alice.token, `/perpetrators/${perp.id}`, { method: 'PATCH', json: { notes: 'seen again' } })).status).toBe(200);
  });
});
