/** How the address of a saved page was found, best first. */
export type PageSourceHow = 'given' | 'mhtml' | 'saved-from' | 'wayback' | 'canonical' | 'og:url' | 'app-link' | 'embedded-json' | 'markup';

export interface PageSource {
  /** The original address (for an archive copy, the archived page's own address). */
  url: string | null;
  how: PageSourceHow | null;
  /** True when the page does not state its address and it was guessed from the markup. */
  inferred: boolean;
  /** Set when the page is a Wayback Machine copy. */
  archive: { archiveUrl: string; archivedAt: string | null } | null;
}

const WAYBACK = /^https?:\/\/(?:web\.)?archive\.org\/web\/(\d{4,14})[a-z_]*\/(.+)$/i;
/** How much of the page is searched for embedded addresses: saved pages can be megabytes. */
const SCAN_CHARS = 200_000;

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** `20200115075749` → `2020-01-15T07:57:49.000Z`; shorter Wayback stamps are padded with the start of the period. */
export function waybackTime(stamp: string): string | null {
  const s = stamp
    .padEnd(14, '0')
    .replace(/^(\d{4})(00)/, '$101')
    .replace(/^(\d{6})(00)/, '$101');
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, se);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Splits a Wayback Machine address into the original address and the archive time; null if it is not one. */
export function unwrapWayback(address: string): { original: string; archivedAt: string | null } | null {
  const m = WAYBACK.exec(address.trim());
  if (!m?.[1] || !m[2]) return null;
  let original = m[2];
  if (/^https?:\/(?!\/)/i.test(original)) original = original.replace(/^(https?):\//i, '$1://');
  if (!/^https?:\/\//i.test(original)) original = `http://${original}`;
  const url = httpUrl(original);
  return url ? { original: url, archivedAt: waybackTime(m[1]) } : null;
}

/** The address in a `<!-- saved from url=(0042)https://… -->` comment (Internet Explorer / Edge / Chrome "save as"). */
export function savedFromComment(html: string): string | null {
  const m = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4_096));
  return httpUrl(m?.[1]);
}

/** Reads the address from app-link meta tags (`al:android:url`, `al:ios:url`) where they map back to the web. */
function appLinkUrl(doc: Document): string | null {
  for (const name of ['al:web:url', 'al:android:url', 'al:ios:url']) {
    const content = doc.querySelector(`meta[property="${name}"]`)?.getAttribute('content') ?? '';
    const web = httpUrl(content);
    if (web) return web;
    const tweet = /^twitter:\/\/status\?(?:status_)?id=(\d+)/.exec(content);
    if (tweet) return `https://twitter.com/i/web/status/${tweet[1]}`;
    const user = /^twitter:\/\/user\?screen_name=(\w+)/.exec(content);
    if (user) return `https://twitter.com/${user[1]}`;
    const yt = /^vnd\.youtube:\/\/(www\.youtube\.com\/watch\?v=[\w-]+)/.exec(content);
    if (yt) return `https://${yt[1]}`;
    const ig = /^instagram:\/\/user\?username=([\w.]+)/.exec(content);
    if (ig) return `https://www.instagram.com/${ig[1]}/`;
  }
  return null;
}

/** Addresses pages carry in their own scripts: Wayback's `__wm.wombat(...)`, YouTube's canonical, Reddit's permalink. */
function embeddedUrl(html: string): { url: string; wayback?: { stamp: string } } | null {
  const head = html.slice(0, SCAN_CHARS);
  const wombat = /__wm\.wombat\(\s*"([^"]{1,2048})"\s*,\s*"(\d{4,14})"/.exec(head);
  if (wombat?.[1] && wombat[2]) {
    const url = httpUrl(wombat[1]);
    if (url) return { url, wayback: { stamp: wombat[2] } };
  }
  const canonical = /"canonicalUrl"\s*:\s*"(https?:[^"]{1,2048})"/.exec(head);
  const url = httpUrl(canonical?.[1]?.replace(/\\\//g, '/'));
  return url ? { url } : null;
}

const MARKUP_HOMES: [RegExp, string][] = [
  [/<div[^>]+id="siteTable"|reddit\.com\/static\/|class="[^"]*\bredditname\b/i, 'https://www.reddit.com/'],
  [/\bdata-tweet-id=|abs\.twimg\.com|<meta[^>]+name="twitter:site"[^>]+content="@twitter"/i, 'https://twitter.com/'],
  [/\bytInitialPlayerResponse\b|s\.ytimg\.com\/yts\//i, 'https://www.youtube.com/'],
  [/static\.cdninstagram\.com|instagramstatic|instagr\.am\//i, 'https://www.instagram.com/'],
  [/static\.xx\.fbcdn\.net|"__comet_req"/i, 'https://www.facebook.com/'],
  [/\bSIGI_STATE\b|tiktokcdn\.com/i, 'https://www.tiktok.com/'],
];

function markupHome(html: string): string | null {
  const head = html.slice(0, SCAN_CHARS);
  return MARKUP_HOMES.find(([re]) => re.test(head))?.[1] ?? null;
}

function finish(url: string, how: PageSourceHow, inferred = false): PageSource {
  const wayback = unwrapWayback(url);
  if (wayback) return { url: wayback.original, how, inferred, archive: { archiveUrl: url, archivedAt: wayback.archivedAt } };
  return { url, how, inferred, archive: null };
}

/**
 * Works out which address a saved page came from when nobody says: the MHTML header, a
 * "saved from url" comment, the canonical link, og:url, app links, embedded JSON, and last the
 * platform recognised from its markup (then `inferred` is true and the address is the platform's
 * home page). Wayback Machine copies come back as the original address plus the archive time.
 *
 * @example
 * const source = locatePage(document, html, { mhtmlLocation });
 * if (source.inferred) warn(`address inferred from markup: ${source.url}`);
 */
export function locatePage(doc: Document, html: string, hints: { mhtmlLocation?: string | null } = {}): PageSource {
  const mhtml = httpUrl(hints.mhtmlLocation);
  if (mhtml) return finish(mhtml, 'mhtml');
  const savedFrom = savedFromComment(html);
  if (savedFrom) return finish(savedFrom, 'saved-from');
  const embedded = embeddedUrl(html);
  if (embedded?.wayback) {
    const archiveUrl = `https://web.archive.org/web/${embedded.wayback.stamp}/${embedded.url}`;
    return { url: embedded.url, how: 'wayback', inferred: false, archive: { archiveUrl, archivedAt: waybackTime(embedded.wayback.stamp) } };
  }
  const canonical = httpUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'));
  if (canonical) return finish(canonical, 'canonical');
  const og = httpUrl(doc.querySelector('meta[property="og:url"], meta[name="og:url"]')?.getAttribute('content'));
  if (og) return finish(og, 'og:url');
  const app = appLinkUrl(doc);
  if (app) return finish(app, 'app-link');
  if (embedded) return finish(embedded.url, 'embedded-json');
  const home = markupHome(html);
  if (home) return { url: home, how: 'markup', inferred: true, archive: null };
  return { url: null, how: null, inferred: false, archive: null };
}

/** A one-line account of where the address came from, for the capture's warnings. */
export function describeSource(source: PageSource): string[] {
  const lines: string[] = [];
  if (!source.url) return ['The page does not say which address it was saved from, and its platform was not recognised'];
  if (source.inferred) {
    lines.push(`Page address inferred from the page's markup: ${source.url}; the page does not state its own address`);
  } else if (source.how !== 'given') {
    lines.push(`Page address read from the saved page (${source.how}): ${source.url}`);
  }
  if (source.archive) {
    lines.push(`Wayback Machine copy of ${source.url}, archived ${source.archive.archivedAt ?? 'at an unknown time'} (${source.archive.archiveUrl})`);
  }
  return lines;
}
