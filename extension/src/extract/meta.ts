import { safeQueryAll } from './text.ts';

// Per-extraction cache: `extractPost` calls `forgetMeta` when done, because a live page changes.
const cache = new WeakMap<Document, Map<string, string[]>>();

export function forgetMeta(doc: Document): void {
  cache.delete(doc);
}

function metaIndex(doc: Document): Map<string, string[]> {
  let index = cache.get(doc);
  if (index) return index;
  index = new Map();
  for (const el of safeQueryAll(doc, 'meta')) {
    const key = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
    const content = el.getAttribute('content');
    if (!key || content === null || content.trim() === '') continue;
    const k = key.trim().toLowerCase();
    const list = index.get(k) ?? [];
    list.push(content.trim());
    index.set(k, list);
  }
  cache.set(doc, index);
  return index;
}

/** The first non-empty `<meta>` content among `names` (matched on property, name or itemprop), or null. */
export function readMeta(doc: Document, ...names: string[]): string | null {
  const index = metaIndex(doc);
  for (const name of names) {
    const value = index.get(name.toLowerCase())?.[0];
    if (value) return value;
  }
  return null;
}

/** Every content value for `name`, e.g. all `og:image` tags. */
export function readMetaAll(doc: Document, name: string): string[] {
  return metaIndex(doc).get(name.toLowerCase()) ?? [];
}

/** The href of the first `<link rel=…>` whose rel list includes `rel` (and whose type matches, if given). */
export function readLink(doc: Document, rel: string, type?: string): string | null {
  for (const el of safeQueryAll(doc, 'link[rel]')) {
    const rels = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rels.includes(rel)) continue;
    if (type && el.getAttribute('type') !== type) continue;
    const href = el.getAttribute('href');
    if (href && href.trim() !== '') return href.trim();
  }
  return null;
}
