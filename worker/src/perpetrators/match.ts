import type { PerpetratorView } from '@wardguard/shared';

/** Who an incident seems to come from, as read from the item itself. */
export interface SenderSignals {
  emails: string[];
  handles: Array<{ platform: string; handle?: string | null; accountId?: string | null }>;
  names: string[];
}

export interface PerpetratorSuggestion {
  perpetratorId: string;
  displayName: string;
  courseOfConduct: boolean;
  /** Why, strongest first: an officer decides; nothing is linked by this. */
  reasons: string[];
  strength: number;
}

const handleKey = (h: string) => h.trim().replace(/^@/, '').toLowerCase();
const nameKey = (n: string) => n.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const emailKey = (e: string) => e.trim().toLowerCase();

// An account id cannot be reused by another person; an address rarely is; a handle can be
// re-registered; a display name is only a hint. Ranked so the officer sees the surest first.
const STRENGTH = { accountId: 4, email: 3, handle: 2, name: 1 } as const;

/**
 * Known perpetrators this incident may come from, so a course of conduct is not missed when
 * one person uses two accounts: same numeric account id or address, same handle on the same
 * platform, or a display name equal to their name or an alias. Names shorter than 4 letters
 * are too common to suggest anything.
 */
export function suggestPerpetrators(signals: SenderSignals, known: readonly PerpetratorView[], exclude?: string | null): PerpetratorSuggestion[] {
  const emails = new Set(signals.emails.map(emailKey).filter(Boolean));
  const names = new Set(signals.names.map(nameKey).filter((n) => n.replace(/[^\p{L}]/gu, '').length >= 4));
  const out: PerpetratorSuggestion[] = [];
  for (const p of known) {
    if (p.id === exclude) continue;
    const reasons: Array<[number, string]> = [];
    for (const h of signals.handles) {
      for (const k of p.handles) {
        if (k.platform.toLowerCase() !== h.platform.toLowerCase()) continue;
        if (h.accountId && k.accountId && h.accountId.trim() === k.accountId.trim())
          reasons.push([STRENGTH.accountId, `same ${k.platform} account id (${k.accountId})`]);
        else if (h.handle && k.handle && handleKey(h.handle) === handleKey(k.handle))
          reasons.push([STRENGTH.handle, `same ${k.platform} handle (@${handleKey(k.handle)})`]);
      }
    }
    for (const e of p.emails) if (emails.has(emailKey(e))) reasons.push([STRENGTH.email, `same e-mail address (${emailKey(e)})`]);
    for (const n of [p.displayName, ...p.aliases])
      if (names.has(nameKey(n))) reasons.push([STRENGTH.name, `same name as ${n === p.displayName ? 'their display name' : 'an alias'} ("${n}")`]);
    if (reasons.length === 0) continue;
    reasons.sort((a, b) => b[0] - a[0]);
    out.push({
      perpetratorId: p.id,
      displayName: p.displayName,
      courseOfConduct: p.courseOfConduct,
      reasons: [...new Set(reasons.map((r) => r[1]))],
      strength: reasons[0]![0],
    });
  }
  return out.sort((a, b) => b.strength - a.strength || b.reasons.length - a.reasons.length);
}
