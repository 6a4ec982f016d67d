import { describe, expect, it } from 'vitest';
import type { PerpetratorView, Receipt } from '@wardguard/shared';
import { api, manifestFor, pngBytes, seedCouncil, upload } from '../../test/helpers.ts';
import { fileAbuseFrom } from '../../test/mail-helpers.ts';

type Suggestions = { suggestions: Array<{ perpetratorId: string; reasons: string[] }> };

describe('suggesting who an incident comes from', () => {
  it('suggests the known perpetrator for an e-mail from his address and a capture from his second account, and links nothing', async () => {
    const s = await seedCouncil();
    const perp = (await (
      await api(s.officer.token, '/perpetrators', {
        method: 'POST',
        json: {
          displayName: 'Gary Troll',
          emails: ['nightwatcher77@example.net'],
          handles: [{ platform: 'x', handle: '@garytroll', accountId: '1489201337' }],
        },
      })
    ).json()) as PerpetratorView;

    const mail = await fileAbuseFrom(
      { serviceToken: s.service.token, officerToken: s.officer.token },
      s.alice.id,
      'Night Watcher <NightWatcher77@example.net>',
      new Date().toISOString(),
    );
    const forMail = (await (await api(s.officer.token, `/evidence/${mail.itemId}/perpetrator-suggestions`)).json()) as Suggestions;
    expect(forMail.suggestions).toEqual([expect.objectContaining({ perpetratorId: perp.id, reasons: ['same e-mail address (nightwatcher77@example.net)'] })]);

    const f = [{ name: 'viewport.png', mediaType: 'image/png', bytes: pngBytes(512, 3) }];
    const post = { platform: 'x', authorHandle: 'gary_again', authorDisplayName: 'G', authorId: '1489201337' };
    const capture = (await (
      await upload(s.alice.token, await manifestFor(f, { metadata: { url: 'https://x.com/gary_again/status/1', post } }), f)
    ).json()) as Receipt;
    const officerView = (await (await api(s.officer.token, `/evidence/${capture.itemId}/perpetrator-suggestions`)).json()) as Suggestions;
    expect(officerView.suggestions[0]).toMatchObject({ perpetratorId: perp.id, reasons: ['same x account id (1489201337)'] });
    // A councillor is offered only people she may see: this one an officer recorded, tied to none of her items.
    const forCapture = (await (await api(s.alice.token, `/evidence/${capture.itemId}/perpetrator-suggestions`)).json()) as Suggestions;
    expect(forCapture.suggestions).toEqual([]);

    const item = (await (await api(s.officer.token, `/evidence/${capture.itemId}`)).json()) as { perpetratorId: string | null };
    expect(item.perpetratorId).toBeNull();
  });

  it('answers 404 for an item the caller may not see', async () => {
    const s = await seedCouncil();
    const mail = await fileAbuseFrom({ serviceToken: s.service.token, officerToken: s.officer.token }, s.alice.id, 'x@example.net', new Date().toISOString());
    expect((await api(s.otherOfficer.token, `/evidence/${mail.itemId}/perpetrator-suggestions`)).status).toBe(404);
    expect((await api(s.alice.token, `/evidence/${mail.itemId}/perpetrator-suggestions`)).status).toBe(404);
  });
});
