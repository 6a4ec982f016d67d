import { safeQueryAll } from './text.ts';

/** Embedded state larger than this is skipped rather than parsed (a hostile page could be gigabytes). */
const JSON_MAX_CHARS = 8_000_000;
/** Upper bound on objects visited per search, so a pathological blob cannot hang the capture. */
const WALK_MAX_NODES = 300_000;

export type JsonObject = Record<string, unknown>;

export function parseJson(text: string | null | undefined): unknown {
  if (!text || text.length > JSON_MAX_CHARS) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows `keys` through nested objects/arrays; undefined when any step is missing. */
export function getPath(value: unknown, ...keys: (string | number)[]): unknown {
  let current = value;
  for (const key of keys) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isObject(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
}

/** A string or number as a non-empty string (ids arrive as either), else null. */
export function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * Cuts the JSON object literal starting at the first `{` after `from` out of a script, respecting
 * strings, for `window.__INITIAL_STATE__ = {...};` and `var ytInitialData = {...};`.
 */
export function sliceJsonObject(source: string, from: number): string | null {
  const start = source.indexOf('{', from);
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < source.length && i - start < JSON_MAX_CHARS; i++) {
    const c = source[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return source.slice(start, i + 1);
    }
  }
  return null;
}

const ASSIGNMENT_RE =
  /(?:window\.__[A-Z_]+__|window\[["']__[A-Z_]+__["']\]|ytInitialData|ytInitialPlayerResponse|__INITIAL_STATE__|__APOLLO_STATE__|window\.___r|window\._sharedData)\s*=\s*/g;

/** Meta's server-rendered pages hand their Relay data to script calls: `requireLazy([…], function(m){ m.handle({…}) })`. */
const CALL_RE = /\bhandle(?:WithCustomApplyEach)?\(\s*(?:[A-Za-z_$][\w$.]*\s*,\s*)?(?=\{)/g;
const CALLS_PER_SCRIPT_MAX = 10;

// Per-extraction cache: `extractPost` calls `forgetEmbeddedJson` when done, because a live page changes.
const cache = new WeakMap<Document, unknown[]>();

export function forgetEmbeddedJson(doc: Document): void {
  cache.delete(doc);
}

/**
 * Every JSON blob embedded in the page: `<script type="application/json">` (Next.js, Meta's
 * `data-sjs`, TikTok rehydration data, Mastodon initial state), `data-props` on server-rendered
 * React roots, `window.__X__ = {...}` / `ytInitialData = {...}` assignments and Meta's `….handle({...})`
 * and `handleWithCustomApplyEach(ScheduledApplyEach, {...})` calls (at most 10 per script). Malformed blobs are skipped.
 */
export function readEmbeddedJson(doc: Document): unknown[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const blobs: unknown[] = [];
  for (const script of safeQueryAll(doc, 'script')) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    const text = script.textContent ?? '';
    if (type === 'application/ld+json') continue;
    if (type === 'application/json') {
      const parsed = parseJson(text);
      if (parsed !== null) blobs.push(parsed);
      continue;
    }
    if (type !== '' && type !== 'text/javascript' && type !== 'module') continue;
    if (text.length > JSON_MAX_CHARS) continue;
    for (const match of text.matchAll(ASSIGNMENT_RE)) {
      const parsed = parseJson(sliceJsonObject(text, match.index + match[0].length));
      if (parsed !== null) blobs.push(parsed);
    }
    let calls = 0;
    for (const match of text.matchAll(CALL_RE)) {
      if (++calls > CALLS_PER_SCRIPT_MAX) break;
      const parsed = parseJson(sliceJsonObject(text, match.index + match[0].length));
      if (parsed !== null) blobs.push(parsed);
    }
  }
  for (const el of safeQueryAll(doc, '[data-props]')) {
    const parsed = parseJson(el.getAttribute('data-props'));
    if (parsed !== null) blobs.push(parsed);
  }
  cache.set(doc, blobs);
  return blobs;
}

/** Objects anywhere inside `roots` that satisfy `predicate`, in document order, breadth-limited. */
export function findObjects(roots: unknown[], predicate: (obj: JsonObject) => boolean, limit = 50): JsonObject[] {
  const found: JsonObject[] = [];
  const stack: unknown[] = [...roots].reverse();
  let visited = 0;
  while (stack.length > 0 && found.length < limit && visited < WALK_MAX_NODES) {
    const value = stack.pop();
    visited++;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) if (typeof value[i] === 'object') stack.push(value[i]);
    } else if (isObject(value)) {
      if (predicate(value)) found.push(value);
      const children = Object.values(value);
      for (let i = children.length - 1; i >= 0; i--) if (typeof children[i] === 'object') stack.push(children[i]);
    }
  }
  return found;
}

export function findObject(roots: unknown[], predicate: (obj: JsonObject) => boolean): JsonObject | null {
  return findObjects(roots, predicate, 1)[0] ?? null;
}
