import { z } from 'zod';

/**
 * The metadata the extension extracts from a captured social-media post, as
 * sent in an evidence bundle. The Worker validates bundles against this schema.
 *
 * @example
 * const metadata = postMetadataSchema.parse(JSON.parse(body));
 */

export const PLATFORMS = ['x', 'facebook', 'instagram', 'tiktok', 'youtube', 'reddit', 'linkedin', 'bluesky', 'threads', 'mastodon', 'generic'] as const;
export const platformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;

/** What the page showed: a post, a login wall, a removed/unavailable post, or nothing post-like. */
export const pageStateSchema = z.enum(['ok', 'login_wall', 'unavailable', 'no_post']);
export type PageState = z.infer<typeof pageStateSchema>;

/** Where a field's value came from, so an officer can judge how much to trust it. */
export const fieldSourceSchema = z.enum(['dom', 'json', 'meta', 'url', 'jsonld', 'selection']);
export type FieldSource = z.infer<typeof fieldSourceSchema>;

export const POST_TEXT_MAX_CHARS = 20_000;
export const SHORT_TEXT_MAX_CHARS = 1_000;
export const URL_MAX_CHARS = 4_096;
export const MEDIA_URLS_MAX = 50;
export const WARNINGS_MAX = 50;

const shortText = z.string().min(1).max(SHORT_TEXT_MAX_CHARS);
const url = z.string().min(1).max(URL_MAX_CHARS);

export const replyToSchema = z.strictObject({
  postId: shortText.optional(),
  authorHandle: shortText.optional(),
  url: url.optional(),
});
export type ReplyTo = z.infer<typeof replyToSchema>;

/** Fields that carry a value extracted from the page (and so have a source). */
export const EXTRACTED_FIELDS = [
  'authorHandle',
  'authorDisplayName',
  'authorId',
  'authorProfileUrl',
  'postId',
  'permalink',
  'postText',
  'postTimestamp',
  'postTimestampText',
  'replyTo',
  'mediaUrls',
] as const;
export const extractedFieldSchema = z.enum(EXTRACTED_FIELDS);
export type ExtractedField = z.infer<typeof extractedFieldSchema>;

export const postMetadataSchema = z.strictObject({
  platform: platformSchema,
  authorHandle: shortText.nullable(),
  authorDisplayName: shortText.nullable(),
  /** Stable account id where the page has one (X rest_id, Facebook numeric id, TikTok authorId, Bluesky DID…). */
  authorId: shortText.nullable(),
  authorProfileUrl: url.nullable(),
  postId: shortText.nullable(),
  permalink: url.nullable(),
  postText: z.string().min(1).max(POST_TEXT_MAX_CHARS).nullable(),
  /** ISO 8601 UTC, only ever from machine-readable data; never inferred from "3h ago". */
  postTimestamp: z.iso.datetime().nullable(),
  /** The time exactly as the page displayed it. */
  postTimestampText: shortText.nullable(),
  replyTo: replyToSchema.nullable(),
  mediaUrls: z.array(url).max(MEDIA_URLS_MAX),
  pageState: pageStateSchema,
  warnings: z.array(z.string().max(SHORT_TEXT_MAX_CHARS)).max(WARNINGS_MAX),
  fieldSources: z.partialRecord(extractedFieldSchema, fieldSourceSchema),
});
export type PostMetadata = z.infer<typeof postMetadataSchema>;
