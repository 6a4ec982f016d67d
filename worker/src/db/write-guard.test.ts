import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import type { FileMailResult, MailAlert } from '@wardguard/shared/api/mail';
import { api, countRows as count, seedCouncil } from '../../test/helpers.ts';
import { fileMessage } from '../../test/mail-helpers.ts';
import { appendCustody } from './custody.ts';
import { insertActionStatement } from './mail-actions.ts';
import { decideRecordStatement } from './mail-records.ts';
import { newId, now } from './ids.ts';
import { conflictOnLostRace, isLostRace, requireChange } from './write-guard.ts';
import { isWardguardError } from '@wardguard/shared';

const ABUSE = 'You are a useless fucking idiot';
const THREAT_TO_LIFE = 'I am going to kill you, you will be dead by Friday';

async function filed(kind: 'abuse' | 'threat') {
  const s = await seedCouncil();
  const { res, record } = await fileMessage(
    s.service.token,
    s.alice.id,
    kind === 'abuse' ? { subject: 'rude', body: ABUSE } : { subject: 'you will die', body: THREAT_TO_LIFE },
  );
  return { s, record, filing: (await res.json()) as FileMailResult };
}

describe('a guarded update that loses its race records nothing', () => {
  it('rolls back the custody event and the mail action when the update changed no row', async () => {
    const { s, filing } = await filed('abuse');
    const batch = (from: 'quarantined' | 'released') => {
      const at = now();
      const actionId = newId();
      return appendCustody(
        env.DB,
        [
          {
            councilId: s.council.id,
            actorId: s.officer.id,
            action: 'mail_decided',
            at,
            details: { recordId: filing.recordId, decision: 'release', actionId, note: null, severity: 'abuse', reason: null },
          },
        ],
        [
          decideRecordStatement(env.DB, filing.recordId, 'released', s.officer.id, at, from),
          requireChange(env.DB),
          insertActionStatement(env.DB, {
            id: actionId,
            councilId: s.council.id,
            recordId: filing.recordId,
            mailbox: 'alice@council.gov.uk',
            decision: 'release',
            createdBy: s.officer.id,
            createdAt: at,
          }),
        ],
      );
    };
    const eventsBefore = await count('SELECT COUNT(*) AS n FROM custody_events WHERE council_id = ?', s.council.id);

    // Guarded on a state the record is not in: the update changes nothing.
    const lost = await batch('released').then(
      () => null,
      (err: unknown) => err,
    );
    expect(isLostRace(lost)).toBe(true);
    expect(await count('SELECT COUNT(*) AS n FROM custody_events WHERE council_id = ?', s.council.id)).toBe(eventsBefore);
    expect(await count('SELECT COUNT(*) AS n FROM mail_actions WHERE record_id = ?', filing.recordId)).toBe(0);

    await batch('quarantined');
    expect(await count('SELECT COUNT(*) AS n FROM custody_events WHERE council_id = ?', s.council.id)).toBe(eventsBefore + 1);
    expect(await count('SELECT COUNT(*) AS n FROM mail_actions WHERE record_id = ?', filing.recordId)).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM write_guard')).toBe(0);
  });

  it('lets only one of two officers deciding at once leave a decision, an action and a custody event', async () => {
    const { s, filing } = await filed('abuse');
    const results = await Promise.all([
      api(s.officer.token, `/mail/records/${filing.recordId}/decision`, { method: 'POST', json: { decision: 'release' } }),
      api(s.admin.token, `/mail/records/${filing.recordId}/decision`, { method: 'POST', json: { decision: 'keep' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await count("SELECT COUNT(*) AS n FROM custody_events WHERE council_id = ? AND action = 'mail_decided'", s.council.id)).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM mail_actions WHERE record_id = ?', filing.recordId)).toBe(1);
  });

  it('records one acknowledgement when two officers acknowledge a threat at once', async () => {
    const { s, filing } = await filed('threat');
    expect(filing.alertId).not.toBeNull();
    const acks = await Promise.all([
      api(s.officer.token, `/mail/alerts/${filing.alertId}/ack`, { method: 'POST' }),
      api(s.admin.token, `/mail/alerts/${filing.alertId}/ack`, { method: 'POST' }),
    ]);
    const bodies = (await Promise.all(acks.map((r) => r.json()))) as MailAlert[];
    expect(acks.map((r) => r.status)).toEqual([200, 200]);
    expect(await count("SELECT COUNT(*) AS n FROM custody_events WHERE council_id = ? AND action = 'alert_acknowledged'", s.council.id)).toBe(1);
    const stored = await env.DB.prepare('SELECT acknowledged_by AS by FROM mail_alerts WHERE id = ?').bind(filing.alertId).first<{ by: string }>();
    // Both answers name whoever is on record, not each caller.
    expect(bodies.map((b) => b.acknowledgedBy)).toEqual([stored?.by, stored?.by]);
  });
});

describe('conflictOnLostRace', () => {
  const lost = new Error('D1_ERROR: NOT NULL constraint failed: write_guard.must_change: SQLITE_CONSTRAINT');

  it('answers a lost race with a CONFLICT that tells the user what to do next', () => {
    let thrown: unknown;
    try {
      conflictOnLostRace('Someone else changed this case at the same time; reload it.')(lost);
    } catch (err) {
      thrown = err;
    }
    expect(isWardguardError(thrown) && thrown.code).toBe('CONFLICT');
    expect((thrown as Error).message).toBe('Someone else changed this case at the same time; reload it.');
  });

  it('passes any other failure on unchanged', () => {
    const other = new Error('D1_ERROR: no such table: cases');
    expect(() => conflictOnLostRace('reload it')(other)).toThrow(other);
  });
});
