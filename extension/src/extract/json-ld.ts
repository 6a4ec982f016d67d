import { getPath, isObject, parseJson, str, type JsonObject } from './json.ts';
import { isoFromMachineTime } from './time.ts';
import { safeQueryAll } from './text.ts';

const POST_TYPES = new Set(['SocialMediaPosting', 'DiscussionForumPosting', 'Comment', 'BlogPosting', 'VideoObject', 'ImageObject', 'Article', 'NewsArticle']);

/** The parts of a schema.org post we use, already normalised. */
export interface JsonLdPost {
  type: string;
  text: string | null;
  authorName: string | null;
  authorHandle: string | null;
  authorUrl: string | null;
  authorId: string | null;
  datePublished: string | null;
  url: string | null;
  identifier: string | null;
  mediaUrls: string[];
  replyToUrl: string | null;
}

function types(node: JsonObject): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function urls(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') out.push(item);
    else if (isObject(item)) {
      const u = str(item['contentUrl']) ?? str(item['url']);
      if (u) out.push(u);
    }
  }
  return out;
}

function toPost(node: JsonObject, type: string): JsonLdPost {
  const author = first(node['author'] ?? node['creator']);
  const authorObj = isObject(author) ? author : null;
  const date = node['datePublished'] ?? node['uploadDate'] ?? node['dateCreated'];
  const handle = str(authorObj?.['alternateName']) ?? str(getPath(authorObj, 'additionalName'));
  const identifier = first(node['identifier']);
  const authorIdentifier = first(authorObj?.['identifier']);
  return {
    type,
    text: str(node['articleBody']) ?? str(node['text']) ?? str(node['description']) ?? str(node['headline']),
    authorName: str(authorObj?.['name']) ?? (typeof author === 'string' ? author : null),
    authorHandle: handle ? handle.replace(/^@/, '') : null,
    authorUrl: str(authorObj?.['url']),
    authorId: str(isObject(authorIdentifier) ? authorIdentifier['value'] : authorIdentifier),
    datePublished: isoFromMachineTime(date),
    url: str(node['url']) ?? str(node['@id']),
    identifier: str(isObject(identifier) ? identifier['value'] : identifier),
    mediaUrls: [...urls(node['image']), ...urls(node['video']), ...urls(node['contentUrl'])],
    replyToUrl: str(getPath(node, 'parentItem', 'url')) ?? str(getPath(node, 'isPartOf', 'url')),
  };
}

/** Posts described by the page's `application/ld+json` blocks (including `@graph`), malformed blocks skipped. */
export function readJsonLdPosts(doc: Document): JsonLdPost[] {
  const posts: JsonLdPost[] = [];
  for (const script of safeQueryAll(doc, 'script[type="application/ld+json"]')) {
    const parsed = parseJson(script.textContent);
    const queue: unknown[] = Array.isArray(parsed) ? [...parsed] : [parsed];
    for (let i = 0; i < queue.length && i < 500; i++) {
      const node = queue[i];
      if (!isObject(node)) continue;
      if (Array.isArray(node['@graph'])) queue.push(...node['@graph']);
      const type = types(node).find((t) => POST_TYPES.has(t));
      if (type) posts.push(toPost(node, type));
    }
  }
  // A page's social post is more specific than a generic Article wrapper around it.
  const rank = (p: JsonLdPost) => (['SocialMediaPosting', 'DiscussionForumPosting', 'Comment'].includes(p.type) ? 0 : 1);
  return posts.sort((a, b) => rank(a) - rank(b));
}
