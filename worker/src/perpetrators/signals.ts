import type { EvidenceView } from '@wardguard/shared';
import type { SenderSignals } from './match.ts';

const ANGLE = /<([^<>\s]+@[^<>\s]+)>/;
const BARE = /[^\s<>"',;]+@[^\s<>"',;]+\.[^\s<>"',;]+/;

/** "Gary <gary@example.net>" → the address and the name; a bare address → the address. */
export function senderParts(from: string): { email: string | null; name: string | null } {
  const angled = ANGLE.exec(from);
  const email = angled?.[1] ?? BARE.exec(from)?.[0] ?? null;
  const name = angled ? from.slice(0, angled.index).replace(/["']/g, '').trim() || null : null;
  return { email, name };
}

/** What an item says about who sent or posted it: the post's author for a capture, the From line for an e-mail. */
export function signalsOf(item: EvidenceView, mailSender: string | null): SenderSignals {
  const s: SenderSignals = { emails: [], handles: [], names: [] };
  if (mailSender) {
    const { email, name } = senderParts(mailSender);
    if (email) s.emails.push(email);
    if (name) s.names.push(name);
  }
  const post = (item.metadata as { post?: Record<string, unknown> }).post;
  if (post && typeof post.platform === 'string') {
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
    s.handles.push({ platform: post.platform, handle: str(post.authorHandle), accountId: str(post.authorId) });
    const name = str(post.authorDisplayName);
    if (name) s.names.push(name);
  }
  return s;
}
