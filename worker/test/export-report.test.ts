import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ExportView } from '@wardguard/shared';
import { pageTexts } from '../src/export/report/testing.ts';
import { api, seedCouncil } from './helpers.ts';
import { download, openPack, seedCaseForExport } from './export-helpers.ts';
import { fileAbuseFrom } from './mail-helpers.ts';

// What a police officer or a platform reads in a pack: the report's words, the manifest and the
// export's custody event, checked in the ZIP the Worker streams.

type Seed = Awaited<ReturnType<typeof seedCouncil>>;
let s: Seed;
let c: Awaited<ReturnType<typeof seedCaseForExport>>;

const decoder = new TextDecoder();

async function exportAndOpen(body: unknown) {
  const res = await api(s.officer.token, '/exports', { method: 'POST', json: body });
  expect(res.status).toBe(201);
  const view = (await res.json()) as ExportView;
  const zip = await download(s.officer.token, view.id);
  expect(zip.status).toBe(200);
  const pack = openPack(new Uint8Array(await zip.arrayBuffer()));
  const report = (await pageTexts(pack.entries['report.pdf']!)).join('\n');
  return { view, zip, pack, report, readme: decoder.decode(pack.entries['README.txt']) };
}

beforeEach(async () => {
  s = await seedCouncil();
  c = await seedCaseForExport(s);
});

describe('what a pack says to its reader', () => {
  it("prints each email's wording, the escalation to the police with its note and reference, and the officers' decisions", async () => {
    const recordId = (await env.DB.prepare('SELECT id FROM mail_records WHERE item_id = ?').bind(c.emailItemId).first<{ id: string }>())!.id;
    const escalated = await api(s.officer.token, `/mail/records/${recordId}/escalate`, {
      method: 'POST',
      json: { policeReference: 'CAD 4411 24/11', note: 'Rang 101 at 10:40; PC Khan asked for the original message.' },
    });
    expect(escalated.status).toBe(200);
    // A second, abusive message the officer released, with a note, linked to the case.
    const other = await fileAbuseFrom(
      { serviceToken: s.service.token, officerToken: s.officer.token },
      s.alice.id,
      'Angry Person <angry@example.net>',
      '2026-11-24T08:00:00.000Z',
    );
    const released = await api(s.officer.token, `/mail/records/${other.recordId}/decision`, {
      method: 'POST',
      json: { decision: 'release', note: 'Councillor asked to see it' },
    });
    expect(released.status).toBe(200);
    expect((await api(s.officer.token, `/evidence/${other.itemId}`, { method: 'PATCH', json: { caseId: c.caseId } })).ok).toBe(true);

    const { report } = await exportAndOpen({ scope: { kind: 'case', id: c.caseId }, variant: 'police', recipient: 'DC Jones, Thames Valley Police' });
    // The message itself, as the councillor received it.
    expect(report).toContain('I know where you live and I am coming for you');
    expect(report).toContain('You useless idiot');
    // The referral: the police's own reference and the officer's note.
    expect(report).toContain('CAD 4411 24/11');
    expect(report).toContain('Rang 101 at 10:40; PC Khan asked for the original message.');
    // Who decided what, and when.
    expect(report).toMatch(/Escalated to the police.*Olive Officer/);
    expect(report).toMatch(/Released to the councillor's inbox.*Olive Officer/);
    expect(report).toContain('Councillor asked to see it');
  });

  it('names no suspect in a platform pack: not on the cover, in the manifest scope, the custody export event or the file name', async () => {
    for (const scope of [
      { kind: 'perpetrator', id: c.perpetratorId },
      { kind: 'case', id: c.caseId },
    ]) {
      const { pack, report, zip } = await exportAndOpen({ scope, variant: 'platform', platform: 'x', recipient: 'X Safety' });
      const head = pack.custody[pack.custody.length - 1]!;
      expect(head).toMatchObject({ action: 'exported', details: { variant: 'platform' } });
      for (const where of [
        report,
        JSON.stringify(pack.manifest),
        JSON.stringify(head),
        zip.headers.get('content-disposition') ?? '',
        decoder.decode(pack.entries['README.txt']),
      ]) {
        expect(where).not.toContain('The Troll');
        expect(where).not.toContain('Harassment of Cllr Brown');
        expect(where).not.toMatch(/attributed to/i);
        expect(where.toLowerCase()).not.toContain('the-troll');
      }
      expect(pack.manifest.scope.title).toBe('Platform report: 2 items on X');
      expect(report).toContain('Platform report: 2 items on X');
    }
    // The council's own police pack keeps the full title.
    const police = await exportAndOpen({ scope: { kind: 'perpetrator', id: c.perpetratorId }, variant: 'police', recipient: 'DC Jones' });
    expect(police.pack.manifest.scope.title).toBe('Incidents attributed to The Troll');
    expect(police.report).toContain('Incidents attributed to The Troll');
  });

  it("tells a reader who has only the pack to check it on the council's verify page with the published key, and npx only with --no-install", async () => {
    for (const body of [
      { scope: { kind: 'case', id: c.caseId }, variant: 'police', recipient: 'DC Jones' },
      { scope: { kind: 'case', id: c.caseId }, variant: 'platform', platform: 'x', recipient: 'X Safety' },
    ]) {
      const { report, readme } = await exportAndOpen(body);
      for (const text of [report, readme]) {
        expect(text).toContain('http://wardguard.test/#/verify');
        expect(text).toContain('http://wardguard.test/.well-known/wardguard-pack-key');
        expect(text).toContain('npx --no-install wardguard-verify');
        expect(text).not.toMatch(/npx (?!--no-install )/);
        // The browser page comes first: it needs nothing installed.
        expect(text.indexOf('/#/verify')).toBeLessThan(text.indexOf('npx --no-install'));
      }
    }
  });
});
