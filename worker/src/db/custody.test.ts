import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { appendCustody, readCustodyTail } from './custody.ts';
import { api, seedCouncil } from '../../test/helpers.ts';

describe('appending with the tail read ahead', () => {
  it('reads the tail again when another append overtook it, keeping one unbroken chain', async () => {
    const s = await seedCouncil();
    const event = (i: number) => ({ councilId: s.council.id, actorId: s.officer.id, action: 'viewed' as const, details: { mailRecordId: `record-${i}` } });
    await appendCustody(env.DB, [event(1)]);
    const tail = readCustodyTail(env.DB, s.council.id);
    await tail;
    // Appended after the tail was read: its seq and hash are the ones the read-ahead tail names next.
    await appendCustody(env.DB, [event(2)]);
    await appendCustody(env.DB, [event(3)], [], { tail });
    const r = (await (await api(s.officer.token, '/custody/verify')).json()) as { ok: boolean; events: number };
    expect(r).toMatchObject({ ok: true, events: 3 });
  });

  it('uses a tail that is still current as it is, and reads one that failed afresh', async () => {
    const s = await seedCouncil();
    const event = (i: number) => ({ councilId: s.council.id, actorId: s.officer.id, action: 'viewed' as const, details: { mailRecordId: `record-${i}` } });
    await appendCustody(env.DB, [event(1)], [], { tail: readCustodyTail(env.DB, s.council.id) });
    await appendCustody(env.DB, [event(2)], [], { tail: Promise.reject(new Error('D1 was unavailable')) });
    const r = (await (await api(s.officer.token, '/custody/verify')).json()) as { ok: boolean; events: number };
    expect(r).toMatchObject({ ok: true, events: 2 });
  });
});
