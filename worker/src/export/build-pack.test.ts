import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ExportView } from '@wardguard/shared';
import { readConfig } from '../config.ts';
import { getExport } from '../db/exports.ts';
import { buildPack } from './build-pack.ts';
import { councilSigner } from './council-key.ts';
import { renderReport } from './report/index.ts';
import type { ReportInput } from './report-input.ts';
import { api, seedCouncil } from '../../test/helpers.ts';
import { openPack, seedCaseForExport } from '../../test/export-helpers.ts';

describe('building a pack', () => {
  it('hands over its first bytes before the report is begun, so drawing the report never holds them back', async () => {
    const s = await seedCouncil();
    const { caseId } = await seedCaseForExport(s);
    const view = (await (
      await api(s.officer.token, '/exports', { method: 'POST', json: { scope: { kind: 'case', id: caseId }, variant: 'police', recipient: 'DC Jones' } })
    ).json()) as ExportView;
    const record = (await getExport(env.DB, s.council.id, view.id))!;
    const events: string[] = [];
    const pack = await buildPack(
      {
        db: env.DB,
        bucket: env.EVIDENCE,
        signer: await councilSigner(readConfig(env), s.council.id),
        renderReport: (input: ReportInput) => (events.push('report begun'), renderReport(input)),
        links: { keyUrl: 'https://wardguard.test/key', verifyUrl: 'https://wardguard.test/#/verify' },
      },
      { userId: s.officer.id, councilId: s.council.id, role: 'officer', name: 'Olive Officer', tokenId: s.officer.tokenId },
      record,
    );
    const reader = pack.body.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (chunks.length === 0) events.push('first bytes');
      chunks.push(value);
    }
    expect(events).toEqual(['first bytes', 'report begun']);
    const zip = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    chunks.reduce((at, c) => (zip.set(c, at), at + c.byteLength), 0);
    expect(openPack(zip).names).toContain('report.pdf');
    expect(await pack.finished).toMatchObject({ ok: true });
  });
});
