// Seeds a realistic council: councillors, an officer, cases, perpetrators, web captures,
// diary entries and quarantined mail across severities (classified by the real
// classifier), through the real API of a running Worker.
import { createCouncil, createUser, listCouncils } from './principals.ts';
import type { Store } from './wrangler.ts';
import { demoMails } from './demo-mail.ts';
import { fileDemoMail, sendDemoCapture } from './demo-evidence.ts';
import { createDeviceSigner } from './device-signer.ts';
import { call } from './demo-api.ts';
import { DEMO_COUNCILLOR_EMAIL, DEMO_OFFICER_EMAIL } from './demo-again.ts';

export interface DemoSeed {
  councilId: string;
  officerToken: string;
  adminToken: string;
  councillorToken: string;
  serviceToken: string;
  councillorId: string;
  mailbox: string;
  records: Record<string, string>;
  caseId: string;
  perpetratorId: string;
}

export async function seedDemo(base: string, store: Store, opts: { trapOrigin?: string } = {}): Promise<DemoSeed> {
  const councils = await listCouncils(store);
  const councilId = councils[0]?.id ?? (await createCouncil('Example Borough Council', store));
  // One admin straight into D1; everyone else through the API, which is much faster.
  const boot = await createUser(store, councilId, { name: 'Demo Admin', role: 'admin' }, { label: 'demo' });
  const admin = { id: boot.id, token: boot.token!.token };
  const mk = async (name: string, role: 'councillor' | 'officer' | 'service', email?: string) => {
    const u = await call<{ id: string }>(base, admin.token, '/users', { method: 'POST', json: { name, role, ...(email ? { email } : {}) } });
    const t = await call<{ token: string }>(base, admin.token, `/users/${u.id}/tokens`, { method: 'POST', json: { label: 'demo' } });
    return { id: u.id, token: t.token };
  };
  const aisha = await mk('Aisha Khan', 'councillor', DEMO_COUNCILLOR_EMAIL);
  const tom = await mk('Tom Reid', 'councillor', 'cllr.reid@council.example');
  const officer = await mk('Sam Patel', 'officer', DEMO_OFFICER_EMAIL);
  const service = await mk('Mail filter (demo)', 'service');

  // Aisha records who is harassing her; her own captures can then name him.
  const perp = await call<{ id: string }>(base, aisha.token, '/perpetrators', {
    method: 'POST',
    json: {
      displayName: 'Gary Troll',
      aliases: ['concerned_resident_99'],
      handles: [{ platform: 'x', handle: '@garytroll', accountId: '1489201337', profileUrl: 'https://x.com/garytroll' }],
      emails: ['nightwatcher77@example.net'],
    },
  });
  const kase = await call<{ id: string }>(base, aisha.token, '/cases', { method: 'POST', json: { title: 'Online harassment by @garytroll' } });
  await call(base, tom.token, '/cases', { method: 'POST', json: { title: 'Doorstep incident, Mill Lane' } });

  const signer = await createDeviceSigner();
  const captures = [
    {
      title: 'Reply on X: "we know where your office is"',
      url: 'https://x.com/garytroll/status/1860000000000000001',
      at: '2026-11-18T21:04:00Z',
      colour: [29, 78, 216] as [number, number, number],
    },
    {
      title: 'Facebook comment calling for people to "visit" her surgery',
      url: 'https://www.facebook.com/groups/localnews/posts/123456789',
      at: '2026-11-20T08:31:00Z',
      colour: [66, 103, 178] as [number, number, number],
    },
  ];
  for (const c of captures) {
    const metadata = { url: c.url, platform: c.url.includes('x.com') ? 'x' : 'facebook', authorHandle: '@garytroll', authorId: '1489201337' };
    await sendDemoCapture(base, aisha.token, signer, {
      title: c.title,
      capturedAt: c.at,
      colour: c.colour,
      metadata,
      caseId: kase.id,
      perpetratorId: perp.id,
      tag: 'demo',
    });
  }
  await call(base, aisha.token, '/diary', {
    method: 'POST',
    json: {
      occurredAt: '2026-11-20T18:30:00Z',
      whatHappened: 'A man matching the X profile photo waited outside my ward surgery and followed me to the car park.',
      impact: 'I have stopped holding surgeries on my own.',
      caseId: kase.id,
    },
  });

  const records: Record<string, string> = {};
  const mailbox = 'cllr.khan@council.example';
  const now = Date.now();
  for (const m of demoMails(opts.trapOrigin)) {
    const at = new Date(now - m.receivedMinutesAgo * 60_000);
    records[m.key] = await fileDemoMail(base, service.token, { councillorId: aisha.id, mailbox, mail: m, at, tag: `demo-${m.key}` });
  }
  // The threat to life came from Gary Troll's address: an officer files it to Aisha's case, so
  // the case timeline mixes his web captures, his email and her diary entry.
  const ttl = await call<{ itemId: string }>(base, officer.token, `/mail/records/${records.ttl}`);
  await call(base, officer.token, `/evidence/${ttl.itemId}`, { method: 'PATCH', json: { caseId: kase.id, perpetratorId: perp.id } });
  return {
    councilId,
    officerToken: officer.token,
    adminToken: admin.token,
    councillorToken: aisha.token,
    serviceToken: service.token,
    councillorId: aisha.id,
    mailbox,
    records,
    caseId: kase.id,
    perpetratorId: perp.id,
  };
}
