import type { PackIndexEntry } from '@wardguard/shared';

const NAMES: Record<string, string> = {
  x: 'X (Twitter)',
  facebook: 'Facebook (Meta)',
  instagram: 'Instagram (Meta)',
  tiktok: 'TikTok',
  youtube: 'YouTube (Google)',
  reddit: 'Reddit',
  linkedin: 'LinkedIn',
  bluesky: 'Bluesky',
  threads: 'Threads (Meta)',
  mastodon: 'Mastodon (the server that hosts the account)',
  generic: 'The website operator',
};

const PRESERVATION_DAYS = 90;
const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * What to ask one platform to preserve, and by when. Platforms keep data for about 90
 * days after a police preservation request and deleted content may already be gone, so
 * the sheet leads with the date and lists every identifier the platform needs to find it.
 */
export function preservationSheet(platform: string, entries: PackIndexEntry[], exportedAt: string): string {
  const name = NAMES[platform] ?? platform;
  const authors = new Map<string, PackIndexEntry>();
  for (const e of entries) authors.set(e.authorId ?? e.authorHandle ?? e.authorProfileUrl ?? e.exhibitRef, e);
  const lines = [
    `PRESERVATION REQUEST SHEET: ${name}`,
    '',
    `Prepared ${exportedAt.slice(0, 10)} from a Wardguard evidence pack. ${entries.length} exhibit(s), ${authors.size} account(s).`,
    '',
    'BY WHEN',
    "- Ask now. A preservation request is made by the police (or the platform's own legal process);",
    `  platforms usually keep the data for ${PRESERVATION_DAYS} days after it, extendable once.`,
    `  If it is sent on ${exportedAt.slice(0, 10)}, plan for legal process before ${addDays(exportedAt, PRESERVATION_DAYS)}.`,
    '- Content the author deletes may be purged sooner: the original files in this pack are the record.',
    '',
    'WHAT TO ASK THE PLATFORM TO PRESERVE',
    '- For each account below: subscriber and registration details (name, email, phone), account',
    '  creation date and IP address, login IP addresses and times around each post time, and any',
    '  linked or alternate accounts the platform can identify.',
    '- For each post below: the content, its media, edit history, deletion time if deleted, and the',
    '  IP address and device it was posted from.',
    '',
    'ACCOUNTS',
  ];
  for (const e of authors.values()) {
    lines.push(
      `- handle: ${e.authorHandle ?? 'unknown'}; display name: ${e.authorDisplayName ?? 'unknown'}; account id: ${e.authorId ?? 'not shown on page'}; profile: ${e.authorProfileUrl ?? 'unknown'}`,
    );
  }
  lines.push('', 'POSTS');
  for (const e of entries) {
    lines.push(
      `- ${e.exhibitRef}: post id ${e.postId ?? 'unknown'}; ${e.permalink ?? e.url ?? 'no URL'}; posted ${e.postTime ?? e.postTimeText ?? 'time not shown'} (UTC); captured ${e.capturedAt} (UTC); author ${e.authorHandle ?? e.authorId ?? 'unknown'}`,
    );
  }
  lines.push('', "Request the data through the platform's law-enforcement request channel; quote the exhibit references above.", '');
  return lines.join('\n');
}
