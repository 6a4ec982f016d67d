import type { Platform } from '@wardguard/shared/evidence/post-metadata';
import { extractBluesky } from './bluesky.ts';
import { extractFacebook } from './facebook.ts';
import { extractGeneric } from './generic.ts';
import { extractInstagram } from './instagram.ts';
import { extractLinkedIn } from './linkedin.ts';
import { extractMastodon, looksLikeMastodon } from './mastodon.ts';
import { extractReddit } from './reddit.ts';
import { extractThreads } from './threads.ts';
import { extractTikTok } from './tiktok.ts';
import type { Extractor } from './types.ts';
import { extractX } from './x.ts';
import { extractYouTube } from './youtube.ts';

const HOSTS: [Platform, string[]][] = [
  ['x', ['twitter.com', 'x.com']],
  ['facebook', ['facebook.com', 'fb.com']],
  ['instagram', ['instagram.com', 'instagr.am']],
  ['tiktok', ['tiktok.com']],
  ['youtube', ['youtube.com', 'youtu.be']],
  ['reddit', ['reddit.com']],
  ['linkedin', ['linkedin.com']],
  ['bluesky', ['bsky.app']],
  ['threads', ['threads.net', 'threads.com']],
];

export const EXTRACTORS: Record<Platform, Extractor> = {
  x: extractX,
  facebook: extractFacebook,
  instagram: extractInstagram,
  tiktok: extractTikTok,
  youtube: extractYouTube,
  reddit: extractReddit,
  linkedin: extractLinkedIn,
  bluesky: extractBluesky,
  threads: extractThreads,
  mastodon: extractMastodon,
  generic: extractGeneric,
};

/** Which extractor handles the page: by host for the big platforms, by markup for Mastodon (any instance). */
export function detectPlatform(doc: Document, url: URL): Platform {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  for (const [platform, domains] of HOSTS) {
    if (domains.some((d) => host === d || host.endsWith(`.${d}`))) return platform;
  }
  return looksLikeMastodon(doc, url) ? 'mastodon' : 'generic';
}
