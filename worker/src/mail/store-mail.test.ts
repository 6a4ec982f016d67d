import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { seedCouncil } from '../../test/helpers.ts';
import { filingFor, rawEmail } from '../../test/mail-helpers.ts';
import { countingEnv } from '../../test/counting-env.ts';
import { storeMail } from './store-mail.ts';

async function filing(councillorId: string, body: string) {
  const opts = { messageId: `<${crypto.randomUUID()}@example.net>`, subject: 'About the bins', body };
  const eml = rawEmail(opts);
  return { mail: await filingFor(councillorId, eml, opts), eml };
}

describe('filing a quarantined message', () => {
  // Each D1 round trip is Worker time the filter waits for before it can MOVE the message.
  it('asks D1 once before storing the .eml and once after, and a repeat once in all', async () => {
    const s = await seedCouncil();
    const p = { userId: s.service.id, councilId: s.council.id, role: 'service' as const, name: 'Mail Filter', tokenId: s.service.tokenId };
    const f = await filing(s.alice.id, 'You are a useless fucking idiot');

    const first = countingEnv();
    const stored = await storeMail(first.bindings, p, f);
    expect({ created: stored.created, state: stored.result.state, alertId: stored.result.alertId }).toEqual({
      created: true,
      state: 'quarantined',
      alertId: null,
    });
    expect(stored.result.exhibitRef).toMatch(/^AB\/\d+$/);
    expect({ total: first.total(), afterStored: first.afterStored() }).toEqual({ total: 2, afterStored: 1 });

    const repeat = countingEnv();
    const again = await storeMail(repeat.bindings, p, f);
    expect(again).toEqual({ created: false, result: { ...stored.result, created: false } });
    expect(repeat.total()).toBe(1);
  });

  it('answers a threat to life with the alert it raised, read back from the same transaction', async () => {
    const s = await seedCouncil();
    const p = { userId: s.service.id, councilId: s.council.id, role: 'service' as const, name: 'Mail Filter', tokenId: s.service.tokenId };
    const f = await filing(s.alice.id, 'I am going to kill you, you will be dead by Friday');
    expect(f.mail.verdict.severity).toBe('threat_to_life');

    const { result } = await storeMail(env, p, f);
    const row = await env.DB.prepare('SELECT a.id FROM mail_alerts a WHERE a.record_id = ?').bind(result.recordId).first<{ id: string }>();
    expect(result.alertId).toBe(row?.id);
    expect(result.alertId).not.toBeNull();
    // A repeat names the same alert.
    expect((await storeMail(env, p, f)).result.alertId).toBe(result.alertId);
  });
});
