import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { appendCustody, type CustodyInput } from './custody.ts';
import { seedCouncil } from '../../test/helpers.ts';

// The checks that matter here are the compiler's: `npm run typecheck` fails if a line marked as
// an expected error compiles, so a call site cannot write details its action does not define.
const who = { councilId: 'c', actorId: 'u', caseId: 'case-1' };
const referred = { referralId: 'r1', liaisonId: 'l1', liaisonName: 'PC Lane', policeReference: 'CAD 1' };

export const refused: CustodyInput[] = [
  // @ts-expect-error a key case_referred does not define (a renamed key)
  { ...who, action: 'case_referred', details: { ...referred, crimeNumber: 'CAD 1' } },
  // @ts-expect-error a key case_referred requires is missing
  { ...who, action: 'case_referred', details: { referralId: 'r1', liaisonId: 'l1', policeReference: null } },
  // @ts-expect-error another action's details
  { ...who, action: 'case_referred', details: { alertId: 'a1' } },
  // @ts-expect-error a value of the wrong type
  { ...who, action: 'alert_notified', details: { alertId: 'a1', channel: 'sms', count: 1 } },
  // @ts-expect-error details required: only actions that may carry none leave them out
  { ...who, action: 'alert_acknowledged' },
  // @ts-expect-error an empty object is not how an event says it has no details
  { ...who, action: 'viewed', details: {} },
];

describe('custody events typed by action', () => {
  it('stores the details of an event that compiles exactly as given', async () => {
    const s = await seedCouncil();
    const at = '2026-12-08T01:00:00.000Z';
    await appendCustody(env.DB, [
      {
        councilId: s.council.id,
        actorId: s.officer.id,
        caseId: null,
        at,
        action: 'case_referred',
        details: { ...referred, policeReferenceNotApplied: 'CAD 2' },
      },
      { councilId: s.council.id, actorId: s.officer.id, at, action: 'viewed' },
    ]);
    const { results } = await env.DB.prepare('SELECT action, details FROM custody_events WHERE council_id = ? ORDER BY seq')
      .bind(s.council.id)
      .all<{ action: string; details: string }>();
    expect(results.slice(-2)).toEqual([
      {
        action: 'case_referred',
        details: '{"liaisonId":"l1","liaisonName":"PC Lane","policeReference":"CAD 1","policeReferenceNotApplied":"CAD 2","referralId":"r1"}',
      },
      { action: 'viewed', details: '{}' },
    ]);
  });
});
