import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { OverviewView } from '@wardguard/shared/api/overview';
import { actor, api, errorCode, manifestFor, pngBytes, seedCouncil, upload, type Actor } from '../../test/helpers.ts';
import { fileMessage } from '../../test/mail-helpers.ts';
import { appendCustody } from '../db/custody.ts';

type Seed = Awaited<ReturnType<typeof seedCouncil>>;

const PERIOD = 'from=2026-11-02&to=2026-11-22'; // weeks of 2, 9 and 16 November 2026

const overview = async (who: Actor, query = PERIOD): Promise<OverviewView> => {
  const res = await api(who.token, `/overview?${query}`);
  if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as OverviewView;
};

// Straight into D1: the week arithmetic is under test, so each record's time is exactly as written.
let n = 0;
async function item(
  who: Actor,
  o: { kind?: 'web_capture' | 'email' | 'upload' | 'diary'; at: string; metadata?: unknown; perpetratorId?: string | null },
): Promise<string> {
  const id = crypto.randomUUID();
  n += 1;
  await env.DB.prepare(
    `INSERT INTO evidence_items (id, council_id, councillor_id, perpetrator_id, kind, exhibit_ref, title, metadata, captured_at, captured_by, received_at, idempotency_key, manifest_sha256)
     VALUES (?, ?, ?, ?, ?, ?, 'test', ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      who.councilId,
      who.id,
      o.perpetratorId ?? null,
      o.kind ?? 'web_capture',
      `OV/${n}`,
      JSON.stringify(o.metadata ?? {}),
      o.at,
      who.id,
      o.at,
      `ov-${id}`,
      '0'.repeat(64),
    )
    .run();
  return id;
}

const RANK = { threat_to_life: 0, threat: 1, abuse: 2, review: 2, profanity: 3, clean: 4 } as const;

async function mail(
  who: Actor,
  o: { at: string; severity: keyof typeof RANK; state?: 'quarantined' | 'released' | 'kept' | 'not_abuse'; decidedAt?: string },
): Promise<{ recordId: string; itemId: string }> {
  const itemId = await item(who, { kind: 'email', at: o.at });
  const recordId = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO mail_records (id, council_id, councillor_id, mailbox, message_id, source_sha256, source_size, item_id, sender, recipients, subject, sent_at, received_at, verdict, severity, severity_rank, state, created_at, decided_at)
     VALUES (?, ?, ?, 'box@council.example', ?, ?, 1, ?, 'Someone <s@example.net>', 'box@council.example', 'Subject', ?, ?, '{}', ?, ?, ?, ?, ?)`,
  )
    .bind(
      recordId,
      who.councilId,
      who.id,
      `<${recordId}@t>`,
      '0'.repeat(64),
      itemId,
      o.at,
      o.at,
      o.severity,
      RANK[o.severity],
      o.state ?? 'quarantined',
      o.at,
      o.decidedAt ?? null,
    )
    .run();
  return { recordId, itemId };
}

async function perpetrator(s: Seed, name: string): Promise<string> {
  const res = await api(s.officer.token, '/perpetrators', { method: 'POST', json: { displayName: name } });
  return ((await res.json()) as { id: string }).id;
}

describe('the overview: trends by ISO week', () => {
  it('counts incidents in the week they happened, by councillor, channel and severity, with empty weeks as zeros', async () => {
    const s = await seedCouncil();
    const gary = await perpetrator(s, 'Gary Troll');
    const dave = await perpetrator(s, 'Dave Nuisance');
    // Week of 2 November.
    await item(s.alice, { at: '2026-11-02T00:00:00.000Z', metadata: { post: { platform: 'x' } }, perpetratorId: gary });
    // Captured in the third week, but the post itself is from the last second of the first.
    await item(s.alice, {
      at: '2026-11-17T10:00:00.000Z',
      metadata: { post: { platform: 'facebook', postTimestamp: '2026-11-08T23:59:59.000Z' } },
      perpetratorId: gary,
    });
    await mail(s.alice, { at: '2026-11-03T10:00:00.000Z', severity: 'threat', state: 'kept', decidedAt: '2026-11-03T12:00:00.000Z' });
    // Released and not-abuse mail is not an incident (but its decision time counts).
    await mail(s.alice, { at: '2026-11-04T10:00:00.000Z', severity: 'profanity', state: 'released', decidedAt: '2026-11-04T11:00:00.000Z' });
    await mail(s.alice, { at: '2026-11-05T10:00:00.000Z', severity: 'abuse', state: 'not_abuse', decidedAt: '2026-11-05T14:00:00.000Z' });
    // Week of 9 November: a diary entry only, which is the councillor's account, not an incident.
    await item(s.alice, { kind: 'diary', at: '2026-11-10T09:00:00.000Z', perpetratorId: dave });
    // Week of 16 November: an upload sent with an offset (11:00 UTC), and mail still waiting.
    await item(s.bob, { kind: 'upload', at: '2026-11-18T12:00:00+01:00', perpetratorId: dave });
    await mail(s.alice, { at: '2026-11-16T09:00:00.000Z', severity: 'abuse' });
    // Just outside the period, on both sides.
    await item(s.alice, { at: '2026-11-01T23:59:59.999Z', metadata: { platform: 'x' } });
    await item(s.alice, { at: '2026-11-23T00:00:00.000Z', metadata: { platform: 'x' }, perpetratorId: gary });
    // Another council's incidents in the same weeks never show.
    await item(s.otherCouncillor, { at: '2026-11-10T10:00:00.000Z', metadata: { post: { platform: 'tiktok' } } });
    await mail(s.otherCouncillor, { at: '2026-11-10T10:00:00.000Z', severity: 'threat_to_life' });

    const o = await overview(s.officer);
    expect(o.period).toEqual({ from: '2026-11-02', to: '2026-11-22', weeks: ['2026-11-02', '2026-11-09', '2026-11-16'] });

    const { byChannel, byCouncillor, bySeverity } = o.incidents;
    expect(byChannel.series.map((x) => x.label)).toEqual(['Email', 'Facebook', 'Uploaded files', 'X']);
    expect(byChannel.weeks.map((w) => w.counts)).toEqual([
      [1, 1, 0, 1],
      [0, 0, 0, 0],
      [1, 0, 1, 0],
    ]);
    expect(byChannel.total).toBe(5);

    expect(byCouncillor.series).toEqual([
      { key: s.alice.id, label: 'Alice Brown' },
      { key: s.bob.id, label: 'Bob Green' },
    ]);
    expect(byCouncillor.weeks.map((w) => w.counts)).toEqual([
      [3, 0],
      [0, 0],
      [1, 1],
    ]);

    expect(bySeverity.series.map((x) => x.key)).toEqual(['threat', 'abuse', 'ungraded']);
    expect(bySeverity.weeks.map((w) => w.counts)).toEqual([
      [1, 0, 2],
      [0, 0, 0],
      [0, 1, 1],
    ]);
    // Three ways of cutting the same incidents: each week's total is the same in all three.
    expect(byCouncillor.weeks.map((w) => w.total)).toEqual(byChannel.weeks.map((w) => w.total));
    expect(bySeverity.weeks.map((w) => w.total)).toEqual([3, 0, 2]);

    expect(o.perpetrators).toEqual([
      {
        id: gary,
        displayName: 'Gary Troll',
        incidents: 2,
        allTimeIncidents: 3,
        courseOfConduct: true,
        disengaged: false,
        lastIncidentAt: '2026-11-08T23:59:59.000Z',
      },
      {
        id: dave,
        displayName: 'Dave Nuisance',
        incidents: 1,
        allTimeIncidents: 1,
        courseOfConduct: false,
        disengaged: false,
        lastIncidentAt: '2026-11-18T11:00:00.000Z',
      },
    ]);

    expect(o.decisionTime).toEqual([
      { week: '2026-11-02', arrived: 3, decided: 3, waiting: 0, medianHours: 2, p90Hours: 4 },
      { week: '2026-11-09', arrived: 0, decided: 0, waiting: 0, medianHours: null, p90Hours: null },
      { week: '2026-11-16', arrived: 1, decided: 0, waiting: 1, medianHours: null, p90Hours: null },
    ]);

    // The other council sees only its own.
    const other = await overview(s.otherOfficer);
    expect(other.incidents.byChannel.series.map((x) => x.key)).toEqual(['email', 'tiktok']);
    expect(other.incidents.byChannel.weeks.map((w) => w.total)).toEqual([0, 2, 0]);
    expect(other.perpetrators).toEqual([]);
    expect(other.waiting.bySeverity.find((w) => w.severity === 'threat_to_life')?.count).toBe(1);
    expect(o.waiting.bySeverity.find((w) => w.severity === 'threat_to_life')?.count).toBe(0);
  });

  it('times a message to its first decision in the custody log, not a later change of mind', async () => {
    const s = await seedCouncil();
    const kept = await mail(s.alice, { at: '2026-11-10T08:00:00.000Z', severity: 'abuse', state: 'released', decidedAt: '2026-11-20T08:00:00.000Z' });
    const decided = { recordId: kept.recordId, decision: 'keep' as const, actionId: 'a1', note: null, severity: 'abuse' as const, reason: null };
    await appendCustody(env.DB, [
      { councilId: s.council.id, actorId: s.officer.id, action: 'mail_decided', itemId: kept.itemId, at: '2026-11-10T09:30:00.000Z', details: decided },
      { councilId: s.council.id, actorId: s.officer.id, action: 'mail_decided', itemId: kept.itemId, at: '2026-11-20T08:00:00.000Z', details: decided },
    ]);
    const others = [1, 2, 3].map((h) =>
      mail(s.alice, { at: '2026-11-11T00:00:00.000Z', severity: 'abuse', state: 'kept', decidedAt: `2026-11-11T0${h}:00:00.000Z` }),
    );
    await Promise.all(others);
    const o = await overview(s.officer);
    // 1.5, 1, 2, 3 hours: the median of an even run is the mean of the middle two.
    expect(o.decisionTime[1]).toEqual({ week: '2026-11-09', arrived: 4, decided: 4, waiting: 0, medianHours: 1.8, p90Hours: 3 });
  });

  it('shows what waits: by severity with the oldest of each, open alerts and decisions the filter has not applied', async () => {
    const s = await seedCouncil();
    const ttl = await mail(s.alice, { at: '2026-10-01T10:00:00.000Z', severity: 'threat_to_life' });
    await mail(s.bob, { at: '2026-12-01T10:00:00.000Z', severity: 'abuse' });
    const oldAbuse = await mail(s.alice, { at: '2026-11-01T10:00:00.000Z', severity: 'abuse' });
    const released = await mail(s.alice, { at: '2026-11-02T10:00:00.000Z', severity: 'profanity', state: 'released', decidedAt: '2026-11-02T11:00:00.000Z' });
    await env.DB.batch([
      env.DB.prepare("INSERT INTO mail_alerts (id, council_id, record_id, created_at) VALUES (?, ?, ?, '2026-10-01T10:00:01.000Z')").bind(
        crypto.randomUUID(),
        s.council.id,
        ttl.recordId,
      ),
      env.DB.prepare(
        "INSERT INTO mail_actions (id, council_id, record_id, mailbox, decision, created_by, created_at) VALUES (?, ?, ?, 'box@council.example', 'release', ?, '2026-11-02T11:00:00.000Z')",
      ).bind(crypto.randomUUID(), s.council.id, released.recordId, s.officer.id),
    ]);
    const o = await overview(s.admin);
    expect(o.waiting.bySeverity.map((w) => [w.severity, w.count])).toEqual([
      ['threat_to_life', 1],
      ['threat', 0],
      ['abuse', 2],
      ['review', 0],
      ['profanity', 0],
      ['clean', 0],
    ]);
    expect(o.waiting.bySeverity[2]).toMatchObject({ oldestAt: '2026-11-01T10:00:00.000Z', oldestRecordId: oldAbuse.recordId });
    expect(o.waiting.total).toBe(3);
    expect(o.waiting.oldestAt).toBe('2026-10-01T10:00:00.000Z');
    expect(o.waiting.alerts).toMatchObject({ count: 1, open: [{ recordId: ttl.recordId, councillorName: 'Alice Brown' }] });
    expect(o.waiting.unapplied).toMatchObject({
      count: 1,
      oldestAt: '2026-11-02T11:00:00.000Z',
      actions: [{ recordId: released.recordId, decision: 'release', councillorName: 'Alice Brown' }],
    });
    const other = await overview(s.otherOfficer);
    expect(other.waiting).toMatchObject({ total: 0, oldestAt: null, alerts: { count: 0, open: [] }, unapplied: { count: 0, actions: [] } });
  });

  it('counts what came in through the API: mail filed by the filter, a signed capture and a decision', async () => {
    const s = await seedCouncil();
    const filed = await fileMessage(s.service.token, s.bob.id, { subject: 'Bins', body: 'You useless fucking idiot', receivedAt: '2026-11-17T09:00:00.000Z' });
    expect(filed.res.status).toBe(201);
    const { recordId } = (await filed.res.json()) as { recordId: string };
    const png = pngBytes(512);
    const manifest = await manifestFor([{ name: 'viewport.png', mediaType: 'image/png', bytes: png }], {
      capturedAt: '2026-11-03T10:00:00.000Z',
      metadata: { url: 'https://www.instagram.com/p/abc/', post: { platform: 'instagram' } },
    });
    expect((await upload(s.alice.token, manifest, [{ name: 'viewport.png', bytes: png }])).status).toBe(201);
    const decided = await api(s.officer.token, `/mail/records/${recordId}/decision`, { method: 'POST', json: { decision: 'keep' } });
    expect(decided.status).toBe(200);

    const o = await overview(s.officer);
    expect(o.incidents.byChannel.series.map((x) => x.label)).toEqual(['Email', 'Instagram']);
    expect(o.incidents.byChannel.weeks.map((w) => w.counts)).toEqual([
      [0, 1],
      [0, 0],
      [1, 0],
    ]);
    expect(o.incidents.byCouncillor.series.map((x) => x.label)).toEqual(['Alice Brown', 'Bob Green']);
    expect(o.decisionTime[2]).toMatchObject({ arrived: 1, decided: 1, waiting: 0 });
    expect(o.decisionTime[2]!.medianHours).toBeGreaterThan(0);
  });
});

describe('the overview: who may see it', () => {
  it('is for officers and admins; a councillor, a police liaison and the mail filter are refused', async () => {
    const s = await seedCouncil();
    const liaison = await actor(s.council.id, 'PC Lee Liaison', 'liaison');
    for (const who of [s.officer, s.admin]) expect((await api(who.token, '/overview')).status).toBe(200);
    for (const who of [s.alice, liaison, s.service]) {
      const res = await api(who.token, '/overview');
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe('FORBIDDEN');
      expect((await api(who.token, '/overview/csv/incidents-by-councillor')).status).toBe(403);
    }
    expect((await api(null, '/overview')).status).toBe(401);
  });

  it('refuses a period it cannot draw', async () => {
    const s = await seedCouncil();
    for (const q of [
      'weeks=0',
      'weeks=105',
      'weeks=abc',
      'from=2026-13-01',
      'weeks=4&from=2026-11-02',
      'from=2026-12-01&to=2026-11-01',
      'from=2020-01-06&to=2026-11-01',
    ]) {
      const res = await api(s.officer.token, `/overview?${q}`);
      expect(res.status, q).toBe(400);
      expect(await errorCode(res)).toBe('VALIDATION_FAILED');
    }
    expect((await api(s.officer.token, '/overview?weeks=104')).status).toBe(200);
    expect((await api(s.officer.token, '/overview?weeks=')).status).toBe(200);
  });
});

describe('the overview as CSV', () => {
  it('downloads each table as the page shows it, with a name a spreadsheet cannot run', async () => {
    const s = await seedCouncil();
    const evil = await actor(s.council.id, '=HYPERLINK("http://evil.example","Cllr")', 'councillor');
    await item(s.alice, { at: '2026-11-03T10:00:00.000Z', metadata: { post: { platform: 'x' } } });
    await item(s.alice, { at: '2026-11-04T10:00:00.000Z', metadata: { post: { platform: 'x' } } });
    await item(evil, { at: '2026-11-17T10:00:00.000Z', metadata: { post: { platform: 'x' } } });
    const res = await api(s.officer.token, `/overview/csv/incidents-by-councillor?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="wardguard-incidents-by-councillor-2026-11-02-to-2026-11-22.csv"');
    const body = await res.text();
    // Response.text() drops the byte-order mark; the bytes start with it.
    expect(body.split('\r\n')).toEqual([
      `week_commencing,Alice Brown,"'=HYPERLINK(""http://evil.example"",""Cllr"")",total`,
      '2026-11-02,2,0,2',
      '2026-11-09,0,0,0',
      '2026-11-16,0,1,1',
      'total,2,1,3',
      '',
    ]);
    const bytes = new Uint8Array(await (await api(s.officer.token, `/overview/csv/waiting?${PERIOD}`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    for (const table of ['waiting', 'incidents-by-channel', 'incidents-by-severity', 'perpetrators', 'decision-time'])
      expect((await api(s.officer.token, `/overview/csv/${table}?${PERIOD}`)).status, table).toBe(200);
    expect((await api(s.officer.token, '/overview/csv/users')).status).toBe(404);
    expect((await api(s.officer.token, '/overview/csv/decision-time?weeks=999')).status).toBe(400);
  });
});
