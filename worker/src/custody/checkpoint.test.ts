import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, custodyChainHash, custodyEventBody, type CustodyVerifyResult } from '@wardguard/shared';
import worker from '../index.ts';
import { appendCustody } from '../db/custody.ts';
import { packSigner } from '../export/signing-key.ts';
import { anchorCouncil } from './checkpoint.ts';
import { api, seedCouncil } from '../../test/helpers.ts';

const verify = async (token: string) => (await (await api(token, '/custody/verify')).json()) as CustodyVerifyResult;

async function councilWithEvents(n: number) {
  const s = await seedCouncil();
  for (let i = 0; i < n; i++)
    await appendCustody(env.DB, [{ councilId: s.council.id, actorId: s.officer.id, action: 'viewed', details: { mailRecordId: `record-${i}` } }]);
  return s;
}

const seqs = async (councilId: string) =>
  (await env.DB.prepare('SELECT seq FROM custody_events WHERE council_id = ? ORDER BY seq').bind(councilId).all<{ seq: number }>()).results.map((r) => r.seq);

/** What the every-minute cron does. */
async function runMinuteCron() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }), env, ctx);
  await waitOnExecutionContext(ctx);
}

// The attacks need the append-only triggers gone, as a council's own IT could do.
beforeEach(async () => {
  await env.DB.prepare('DROP TRIGGER IF EXISTS custody_no_update').run();
  await env.DB.prepare('DROP TRIGGER IF EXISTS custody_no_delete').run();
});
afterEach(async () => {
  await env.DB.prepare(
    "CREATE TRIGGER IF NOT EXISTS custody_no_update BEFORE UPDATE ON custody_events BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END",
  ).run();
  await env.DB.prepare(
    "CREATE TRIGGER IF NOT EXISTS custody_no_delete BEFORE DELETE ON custody_events BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END",
  ).run();
});

describe('custody checkpoints', () => {
  it('signs the chain head into R2 each minute it moved, and verification checks against it', async () => {
    const s = await councilWithEvents(4);
    await runMinuteCron();
    const all = await seqs(s.council.id);
    const r = await verify(s.officer.token);
    expect(r).toMatchObject({ ok: true, firstBroken: null, checkpoint: { councilId: s.council.id, seq: all.at(-1), events: 4 } });
    const stored = await env.EVIDENCE.get(`custody/checkpoints/${s.council.id}/latest.json`);
    expect(stored).not.toBeNull();
    // Another council's chain is anchored on its own.
    const other = await verify(s.otherOfficer.token);
    expect(other.checkpoint ?? null).toBeNull();
  });

  it('notices the newest events deleted after a checkpoint, which the links alone cannot', async () => {
    const s = await councilWithEvents(5);
    await runMinuteCron();
    const all = await seqs(s.council.id);
    await env.DB.prepare('DELETE FROM custody_events WHERE seq >= ?').bind(all[3]).run();
    const r = await verify(s.officer.token);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ seq: all[4], reason: 'checkpoint', found: 'no such event' });
  });

  it('notices an event edited and every hash after it recomputed', async () => {
    const s = await councilWithEvents(5);
    await runMinuteCron();
    const rows = (
      await env.DB.prepare('SELECT * FROM custody_events WHERE council_id = ? ORDER BY seq').bind(s.council.id).all<Record<string, string | number | null>>()
    ).results;
    let prev = rows[1]!.hash as string;
    for (const row of rows.slice(2)) {
      const details = row.seq === rows[2]!.seq ? { i: 'rewritten' } : JSON.parse(row.details as string);
      const body = custodyEventBody({
        councilId: s.council.id,
        at: row.at as string,
        actorId: row.actor_id as string,
        action: row.action as string,
        itemId: null,
        caseId: null,
        details,
      });
      const hash = await custodyChainHash(prev, body);
      await env.DB.prepare('UPDATE custody_events SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?')
        .bind(canonicalJson(details), prev, hash, row.seq)
        .run();
      prev = hash;
    }
    const r = await verify(s.officer.token);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ seq: rows.at(-1)!.seq, reason: 'checkpoint', expected: rows.at(-1)!.hash });
  });

  it('refuses to anchor a rewritten chain, so the evidence of the rewrite stays in R2', async () => {
    const s = await councilWithEvents(3);
    await runMinuteCron();
    const all = await seqs(s.council.id);
    await env.DB.prepare('DELETE FROM custody_events WHERE seq = ?').bind(all[2]).run();
    await appendCustody(env.DB, [{ councilId: s.council.id, actorId: s.officer.id, action: 'viewed', details: { mailRecordId: 'after-cut' } }]);
    const signer = await packSigner(env.PACK_SIGNING_KEY);
    expect(await anchorCouncil(env.DB, env.EVIDENCE, signer, s.council.id)).toMatchObject({ kind: 'refused', reason: 'mismatch' });
    await runMinuteCron();
    expect((await verify(s.officer.token)).checkpoint).toMatchObject({ seq: all[2] });
  });

  it('does not trust a checkpoint whose signature does not verify', async () => {
    const s = await councilWithEvents(2);
    await runMinuteCron();
    const key = `custody/checkpoints/${s.council.id}/latest.json`;
    const signed = JSON.parse(await (await env.EVIDENCE.get(key))!.text());
    signed.checkpoint.events = 1;
    await env.EVIDENCE.put(key, JSON.stringify(signed));
    const r = await verify(s.officer.token);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ reason: 'checkpoint', found: 'a signature that does not verify' });
  });
});
