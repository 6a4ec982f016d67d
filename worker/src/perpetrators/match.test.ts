import { describe, expect, it } from 'vitest';
import type { PerpetratorView } from '@wardguard/shared';
import { suggestPerpetrators } from './match.ts';
import { senderParts } from './signals.ts';

const gary: PerpetratorView = {
  id: 'p1',
  displayName: 'Gary Troll',
  aliases: ['concerned_resident_99'],
  handles: [{ platform: 'x', handle: '@garytroll', accountId: '1489201337' }],
  emails: ['nightwatcher77@example.net'],
  notes: '',
  disengagedAt: null,
  incidentCount: 3,
  courseOfConduct: true,
  createdAt: '',
  updatedAt: '',
};
const none = { emails: [], handles: [], names: [] };

describe('suggesting a known perpetrator for a new incident', () => {
  it('matches a second X account by its numeric id even when the handle changed, surest reason first', () => {
    const s = suggestPerpetrators({ ...none, handles: [{ platform: 'x', handle: '@gary_again', accountId: '1489201337' }], names: ['Gary Troll'] }, [gary]);
    expect(s).toHaveLength(1);
    expect(s[0]!.reasons[0]).toBe('same x account id (1489201337)');
    expect(s[0]!.reasons).toContain('same name as their display name ("Gary Troll")');
  });

  it('matches an e-mail from his address, whatever its case, and an alias used as a display name', () => {
    expect(suggestPerpetrators({ ...none, emails: ['NightWatcher77@Example.net'] }, [gary])[0]?.reasons).toEqual([
      'same e-mail address (nightwatcher77@example.net)',
    ]);
    expect(suggestPerpetrators({ ...none, names: ['Concerned_Resident_99'] }, [gary])).toHaveLength(1);
  });

  it('does not match the same handle on another platform, a short common name, or the perpetrator already linked', () => {
    expect(suggestPerpetrators({ ...none, handles: [{ platform: 'instagram', handle: 'garytroll' }] }, [gary])).toEqual([]);
    expect(suggestPerpetrators({ ...none, names: ['Al'] }, [{ ...gary, aliases: ['Al'] }])).toEqual([]);
    expect(suggestPerpetrators({ ...none, emails: ['nightwatcher77@example.net'] }, [gary], 'p1')).toEqual([]);
  });

  it('reads the address and name from a From line', () => {
    expect(senderParts('"Night Watcher" <nightwatcher77@example.net>')).toEqual({ email: 'nightwatcher77@example.net', name: 'Night Watcher' });
    expect(senderParts('nightwatcher77@example.net')).toEqual({ email: 'nightwatcher77@example.net', name: null });
  });
});
