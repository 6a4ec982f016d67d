import type { Platform } from './post-metadata.ts';

/**
 * How each platform is named to people (reports, the overview, search filters). `generic` is
 * left to each place, which says it in its own words ("a website", "Other websites").
 */
export const PLATFORM_NAMES: Readonly<Record<Exclude<Platform, 'generic'>, string>> = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  reddit: 'Reddit',
  linkedin: 'LinkedIn',
  bluesky: 'Bluesky',
  threads: 'Threads',
  mastodon: 'Mastodon',
};
