import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { CustodyVerifyResult } from '@wardguard/shared';
import { appendCustody } from '../db/custody.ts';
import { api, errorCode, manifestFor, pngBytes, seedCouncil, upload } from '../../test/helpers.ts';

async function busyCouncil() {
  const s = await seedCouncil();
  const f = [{ name: 'a.png', mediaType: 'image/png', bytes: pngBytes(100) }];
  for (let i = 0; i < 3; i++) await upload(s.alice.token, await manifestFor(f), f);
  return s;
}

const verify = async (token: string) => (await (await api(token, '/custody/verify')).json()) as CustodyVerifyResult;

describe('custody log', () => {
  it('verifies an untouched chain', async () => {
    const s = await busyCouncil();
    const r = await verify(s.officer.token);
    expect(r).toMatchObject({ ok: true, firstBroken: null });
    expect(r.events).toBe(6);
  });

  it('keeps one unbroken chain when many events are appended at once', async () => {
    const s = await seedCouncil();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendCustody(env.DB, [{ councilId: s.council.id, actorId: s.officer.id, action: 'viewed', details: { mailRecordId: `record-${i}` } }]),
      ),
    );
    const r = await verify(s.officer.token);
    expect(r).toMatchObject({ ok: true, events: 20 });
  });

  it('cannot be edited or deleted, even with direct SQL', async () => {
    await busyCouncil();
    await expect(env.DB.prepare("UPDATE custody_events SET action = 'nothing'").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare('DELETE FROM custody_events').run()).rejects.toThrow(/append-only/);
  });

  it('reports the first broken link when someone bypasses the guards and alters or removes an event', async () => {
    const s = await busyCouncil();
    const { results } = await env.DB.prepare('SELECT seq FROM custody_events WHERE council_id = ? ORDER BY seq').bind(s.council.id).all<{ seq: number }>();
    const third = results[2]!.seq;
    await env.DB.prepare('DROP TRIGGER custody_no_update').run();
    await env.DB.prepare('DROP TRIGGER custody_no_delete').run();
    try {
      await env.DB.prepare("UPDATE custody_events SET actor_id = 'someone-else' WHERE seq = ?").bind(third).run();
      const altered = await verify(s.officer.token);
      expect(altered).toMatchObject({ ok: false, firstBroken: { seq: third, reason: 'hash' } });

      const s2 = await busyCouncil();
      const rows = await env.DB.prepare('SELECT seq FROM custody_events WHERE council_id = ? ORDER BY seq').bind(s2.council.id).all<{ seq: number }>();
      await env.DB.prepare('DELETE FROM custody_events WHERE seq = ?').bind(rows.results[1]!.seq).run();
      const removed = await verify(s2.officer.token);
      expect(removed).toMatchObject({ ok: false, firstBroken: { seq: rows.results[2]!.seq, reason: 'prev_hash' } });
    } finally {
      await env.DB.prepare(
        "CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody_events BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END",
      ).run();
      await env.DB.prepare(
        "CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody_events BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END",
      ).run();
    }
  });

  it('is verified by staff only, and offers no route to change it', async () => {
    const s = await busyCouncil();
    const res = await api(s.alice.token, '/custody/verify');
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('FORBIDDEN');
    expect((await api(s.alice.token, '/custody')).status).toBe(403);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect((await api(s.admin.token, '/custody', { method })).status).toBe(404);
      expect((await api(s.admin.token, '/custody/1', { method })).status).toBe(404);
    }
  });

  it("keeps each council's chain to itself", async () => {
    const s = await busyCouncil();
    const mine = (await (await api(s.officer.token, '/custody')).json()) as { events: unknown[] };
    expect(mine.events).toHaveLength(6);
    const theirs = (await (await api(s.otherOfficer.token, '/custody')).json()) as { events: unknown[] };
    expect(theirs.events).toHaveLength(0);
  });

  it('shows a councillor the log of their own item only, and the mail filter none of it', async () => {
    const s = await busyCouncil();
    const f = [{ name: 'b.png', mediaType: 'image/png', bytes: pngBytes(100, 2) }];
    const bobs = (await (await upload(s.bob.token, await manifestFor(f), f)).json()) as { itemId: string };
    const cross = await api(s.alice.token, `/custody?itemId=${bobs.itemId}`);
    expect({ status: cross.status, code: await errorCode(cross) }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const own = (await (await api(s.bob.token, `/custody?itemId=${bobs.itemId}`)).json()) as { events: { action: string }[] };
    expect(own.events.map((e) => e.action)).toEqual(['captured', 'uploaded']);
    for (const path of ['/custody', `/custody?itemId=${bobs.itemId}`, '/custody/verify']) {
      const res = await api(s.service.token, path);
      expect({ path, status: res.status, code: await errorCode(res) }).toEqual({ path, status: 403, code: 'FORBIDDEN' });
    }
  });
});
