import { describe, expect, it } from 'vitest';
import { api, errorCode, seedCouncil } from '../../test/helpers.ts';

interface T {
  key: string;
  version: number;
  subject: string;
  body: string;
  createdBy: string | null;
}

describe('reply templates', () => {
  it("start as Wardguard's built-in wording, version 1", async () => {
    const s = await seedCouncil();
    const { templates } = (await (await api(s.officer.token, '/templates')).json()) as { templates: T[] };
    expect(templates.map((t) => t.key).sort()).toEqual(['cessation', 'colleague_takeover', 'monitoring_officer', 'redirect', 'rules_of_engagement', 'warning']);
    expect(templates.every((t) => t.version === 1 && t.createdBy === null)).toBe(true);
  });

  it('keep every edit as a new version, oldest still readable', async () => {
    const s = await seedCouncil();
    const edit = { name: 'Warning', subject: 'About your messages ({{reference}})', body: 'Dear {{sender_name}},\n\nPlease stop.\n\n{{council_name}}' };
    const v2 = (await (await api(s.officer.token, '/templates/warning', { method: 'PUT', json: edit })).json()) as T;
    expect(v2).toMatchObject({ version: 2, createdBy: s.officer.id });
    const v3 = (await (await api(s.admin.token, '/templates/warning', { method: 'PUT', json: { ...edit, body: edit.body + '\n' } })).json()) as T;
    expect(v3.version).toBe(3);
    const { versions } = (await (await api(s.officer.token, '/templates/warning/versions')).json()) as { versions: T[] };
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(versions[0]!.body).toContain('abusive');
    const other = (await (await api(s.otherOfficer.token, '/templates/warning/versions')).json()) as { versions: T[] };
    expect(other.versions).toHaveLength(1);
  });

  it('refuse an edit that uses a variable Wardguard cannot fill, and keep the old wording', async () => {
    const s = await seedCouncil();
    const res = await api(s.officer.token, '/templates/warning', { method: 'PUT', json: { name: 'W', subject: 'Hi', body: 'Dear {{first_name}}' } });
    expect(res.status).toBe(422);
    expect(await errorCode(res)).toBe('UNKNOWN_TEMPLATE_VARIABLE');
    const { versions } = (await (await api(s.officer.token, '/templates/warning/versions')).json()) as { versions: T[] };
    expect(versions).toHaveLength(1);
  });

  it('are for officers: councillors and the mail filter cannot read or edit them', async () => {
    const s = await seedCouncil();
    for (const t of [s.alice.token, s.service.token]) {
      expect((await api(t, '/templates')).status).toBe(403);
      expect((await api(t, '/templates/warning', { method: 'PUT', json: { name: 'x', subject: 'x', body: 'x' } })).status).toBe(403);
    }
    expect((await api(s.officer.token, '/templates/not-a-template/versions')).status).toBe(404);
  });
});
