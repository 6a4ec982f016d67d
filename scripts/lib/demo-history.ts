// `npm run demo`'s history: ten weeks of incidents behind the demo council, so the officers'
// overview has trends to draw (by councillor, channel and severity; perpetrators; time to a
// decision). Everything goes through the real API, as the extension, the mail filter and an
// officer would send it; only the times are in the past. Invented people and text.
import { createDeviceSigner } from './device-signer.ts';
import { call } from './demo-api.ts';
import type { DemoSeed } from './demo.ts';
import { fileDemoMail, sendDemoCapture } from './demo-evidence.ts';

const DAY_MS = 86_400_000;

type Who = 'aisha' | 'tom';
type Perp = 'gary' | 'dave' | 'anon' | null;

/** Web captures: who captured it, on which platform, how many days ago, and whose it was. */
const CAPTURES: { who: Who; platform: string; daysAgo: number; perp: Perp; title: string }[] = [
  { who: 'aisha', platform: 'x', daysAgo: 66, perp: 'gary', title: 'Quote post calling her a "traitor to the ward"' },
  { who: 'aisha', platform: 'x', daysAgo: 59, perp: 'gary', title: 'Reply: "you won\'t be smiling for long"' },
  { who: 'tom', platform: 'facebook', daysAgo: 57, perp: 'dave', title: 'Comment on the Mill Lane closure post' },
  { who: 'aisha', platform: 'instagram', daysAgo: 45, perp: null, title: 'Comment under the ward newsletter photo' },
  { who: 'tom', platform: 'facebook', daysAgo: 38, perp: 'dave', title: 'Post in the residents group naming his street' },
  { who: 'aisha', platform: 'x', daysAgo: 36, perp: 'gary', title: 'Thread mocking her surgery times' },
  { who: 'aisha', platform: 'tiktok', daysAgo: 31, perp: 'anon', title: 'Video stitched with her council speech' },
  { who: 'tom', platform: 'x', daysAgo: 24, perp: null, title: 'Reply with a slur about his family' },
  { who: 'aisha', platform: 'tiktok', daysAgo: 22, perp: 'anon', title: 'Comment: "someone should sort her out"' },
  { who: 'aisha', platform: 'facebook', daysAgo: 17, perp: null, title: 'Comment on the budget consultation post' },
  { who: 'tom', platform: 'instagram', daysAgo: 10, perp: null, title: 'Direct message screenshot posted as a story' },
  { who: 'aisha', platform: 'x', daysAgo: 8, perp: 'gary', title: 'Reply tagging her home ward and a photo of her car' },
];

/** Mail the filter quarantined: to whom, from whom, when, and what an officer then decided. */
const MAILS: { who: Who; from: string; perp: Perp; daysAgo: number; subject: string; text: string; decide?: 'keep' | 'release' | 'not_abuse' }[] = [
  {
    who: 'aisha',
    from: 'Night Watcher <nightwatcher77@example.net>',
    perp: 'gary',
    daysAgo: 68,
    subject: 'Your vote',
    text: 'You stupid bitch, you have ruined this town.',
    decide: 'keep',
  },
  {
    who: 'tom',
    from: 'Dave N <dave.nuisance@example.org>',
    perp: 'dave',
    daysAgo: 61,
    subject: 'Mill Lane',
    text: 'You useless fucking idiot, answer my emails.',
    decide: 'keep',
  },
  {
    who: 'aisha',
    from: 'Resident <resident.ward3@example.com>',
    perp: null,
    daysAgo: 52,
    subject: 'Bins',
    text: 'The bin collection is shit and you lot do fuck all about it.',
    decide: 'release',
  },
  {
    who: 'tom',
    from: 'Dave N <dave.nuisance@example.org>',
    perp: 'dave',
    daysAgo: 44,
    subject: 'Council meeting',
    text: 'I will find you after the council meeting and you will be sorry.',
    decide: 'keep',
  },
  {
    who: 'aisha',
    from: 'Night Watcher <nightwatcher77@example.net>',
    perp: 'gary',
    daysAgo: 33,
    subject: 'Surgery',
    text: 'Hold your surgery on Saturday and see what happens to you. We will be waiting outside.',
    decide: 'keep',
  },
  {
    who: 'aisha',
    from: 'Pat Critic <pat.critic@example.com>',
    perp: null,
    daysAgo: 27,
    subject: 'Budget',
    text: 'Thick as mince, the lot of you. Pathetic waste of space.',
    decide: 'keep',
  },
  {
    who: 'tom',
    from: 'Concerned <concerned@example.net>',
    perp: null,
    daysAgo: 19,
    subject: 'Planning committee',
    text: 'We know where you live. Keep voting like that and you will regret it.',
    decide: 'keep',
  },
  {
    who: 'aisha',
    from: 'Jo Bloggs <jo.bloggs@example.com>',
    perp: null,
    daysAgo: 15,
    subject: 'Potholes',
    text: 'You useless fucking idiot, answer my emails.',
    decide: 'not_abuse',
  },
  { who: 'tom', from: 'Dave N <dave.nuisance@example.org>', perp: 'dave', daysAgo: 9, subject: 'Again', text: 'You stupid bitch, you have ruined this town.' },
  {
    who: 'aisha',
    from: 'Night Watcher <nightwatcher77@example.net>',
    perp: 'gary',
    daysAgo: 3,
    subject: 'Saturday',
    text: 'Thick as mince, the lot of you. Pathetic waste of space.',
  },
];

const COLOURS: Record<string, [number, number, number]> = {
  x: [15, 20, 25],
  facebook: [66, 103, 178],
  instagram: [193, 53, 132],
  tiktok: [37, 244, 238],
};

/**
 * Adds the history to a freshly seeded demo council. The councillors' captures are sent with
 * tokens made for this and revoked at the end (each token pins its own device key).
 */
export async function seedDemoHistory(base: string, seed: DemoSeed, now = Date.now()): Promise<{ captures: number; mails: number }> {
  const officer = seed.officerToken;
  const { councillors } = await call<{ councillors: { id: string; name: string }[] }>(base, officer, '/councillors');
  const tomId = councillors.find((c) => c.name === 'Tom Reid')?.id;
  if (!tomId) throw new Error('demo history: Tom Reid is not among the councillors');
  const ids: Record<Who, string> = { aisha: seed.councillorId, tom: tomId };

  const tokens: { id: string; token: string }[] = [];
  const tokenFor = async (who: Who) => {
    const t = await call<{ id: string; token: string }>(base, seed.adminToken, `/users/${ids[who]}/tokens`, {
      method: 'POST',
      json: { label: 'demo history' },
    });
    tokens.push(t);
    return { token: t.token, signer: await createDeviceSigner() };
  };
  const capturers: Record<Who, Awaited<ReturnType<typeof tokenFor>>> = { aisha: await tokenFor('aisha'), tom: await tokenFor('tom') };
  // Each councillor records who harasses them, so their own captures can name that person.
  const perps: Record<Exclude<Perp, null>, string> = {
    gary: seed.perpetratorId,
    dave: (
      await call<{ id: string }>(base, capturers.tom.token, '/perpetrators', {
        method: 'POST',
        json: {
          displayName: 'Dave Nuisance',
          handles: [{ platform: 'facebook', handle: 'dave.nuisance.71' }],
          emails: ['dave.nuisance@example.org'],
        },
      })
    ).id,
    anon: (
      await call<{ id: string }>(base, capturers.aisha.token, '/perpetrators', {
        method: 'POST',
        json: { displayName: 'Anonymous TikTok account 4471', handles: [{ platform: 'tiktok', handle: '@user4471' }] },
      })
    ).id,
  };

  for (const c of CAPTURES) {
    const at = new Date(now - c.daysAgo * DAY_MS - 3 * 3_600_000).toISOString();
    const postId = String(1_870_000_000_000_000_000n + BigInt(c.daysAgo));
    await sendDemoCapture(base, capturers[c.who].token, capturers[c.who].signer, {
      title: c.title,
      capturedAt: at,
      colour: COLOURS[c.platform] ?? [80, 80, 80],
      metadata: { url: `https://${c.platform === 'x' ? 'x.com' : `www.${c.platform}.com`}/post/${postId}`, post: { platform: c.platform, postTimestamp: at } },
      ...(c.perp ? { perpetratorId: perps[c.perp] } : {}),
      tag: 'demo-history',
    });
  }

  for (const m of MAILS) {
    const at = new Date(now - m.daysAgo * DAY_MS - 5 * 3_600_000);
    const mailbox = m.who === 'aisha' ? seed.mailbox : 'cllr.reid@council.example';
    const recordId = await fileDemoMail(base, seed.serviceToken, { councillorId: ids[m.who], mailbox, mail: m, at, tag: 'demo-history' });
    if (m.decide) {
      const decided = await call<{ itemId: string }>(base, officer, `/mail/records/${recordId}/decision`, {
        method: 'POST',
        json: { decision: m.decide, reason: 'Reviewed against the council’s guidance (demo).' },
      });
      if (m.perp && m.decide === 'keep') await call(base, officer, `/evidence/${decided.itemId}`, { method: 'PATCH', json: { perpetratorId: perps[m.perp] } });
    }
  }

  for (const t of tokens) await call(base, seed.adminToken, `/tokens/${t.id}`, { method: 'DELETE' });
  return { captures: CAPTURES.length, mails: MAILS.length };
}
