/** Visible-text helpers that work on any DOM (browser or linkedom) without recursion, so deep pages cannot blow the stack. */

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'HEAD']);

/** Marks a line break the author made (`<br>`, newline in text), as opposed to one between blocks. */
const HARD_BREAK = '\u2028';

/** Stop walking after this many characters: callers cap far lower, this only bounds the work. */
const WALK_MAX_CHARS = 200_000;

/**
 * The text a reader sees in `root`: line breaks for `<br>` and block elements, emoji `<img alt>`
 * kept, scripts and styles dropped, whitespace collapsed.
 */
export function visibleText(root: Node | null | undefined, maxChars = WALK_MAX_CHARS): string {
  if (!root) return '';
  const parts: string[] = [];
  let length = 0;
  const stack: (Node | '\n')[] = [root];
  while (stack.length > 0 && length < maxChars) {
    const node = stack.pop()!;
    if (node === '\n') {
      parts.push('\n');
      continue;
    }
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      // Indentation between elements is layout; newlines inside real text are the author's (X and
      // others render post text with pre-wrap).
      if (/^\s*$/.test(text)) parts.push(text.includes('\n') ? '\n' : ' ');
      else parts.push(text.replace(/\r\n?|\n/g, HARD_BREAK));
      length += text.length;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = (node as Element).tagName?.toUpperCase() ?? '';
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      parts.push(HARD_BREAK);
      continue;
    }
    if (tag === 'IMG') {
      const alt = (node as Element).getAttribute('alt') ?? '';
      // Emoji are images with a one- or two-character alt; photo descriptions are not post text.
      if (alt.length > 0 && alt.length <= 4) parts.push(alt);
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) stack.push('\n');
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
    if (block) stack.push('\n');
  }
  return tidyText(
    parts
      .join('')
      .replace(/[ \t\f\v\u00a0\r]+/g, ' ')
      .replace(/ *\n[ \n]*/g, '\n')
      .replace(/\n*\u2028\n*/g, HARD_BREAK)
      .replace(/\u2028/g, '\n'),
  );
}

/** Collapses runs of spaces per line and blank-line runs, and trims. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** For comparing a user's selection with page text: case, quotes and whitespace ignored. */
export function normaliseForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Trimmed text of the first element matching `selector` inside `root`, or null. */
export function textOf(root: ParentNode | null | undefined, selector: string): string | null {
  const el = safeQuery(root, selector);
  if (!el) return null;
  const text = visibleText(el);
  return text === '' ? null : text;
}

/** querySelector that returns null instead of throwing on a selector the DOM implementation rejects. */
export function safeQuery(root: ParentNode | null | undefined, selector: string): Element | null {
  if (!root) return null;
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

export function safeQueryAll(root: ParentNode | null | undefined, selector: string): Element[] {
  if (!root) return [];
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function attr(el: Element | null | undefined, name: string): string | null {
  const value = el?.getAttribute(name);
  return value === null || value === undefined || value.trim() === '' ? null : value.trim();
}

/** Resolves `href` against the page URL; null for javascript:, data: and unparsable values. */
export function absoluteUrl(href: string | null | undefined, base: URL | string): string | null {
  if (!href) return null;
  try {
    const resolved = new URL(href.trim(), base);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : null;
  } catch {
    return null;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Plain text from an HTML string held in JSON (e.g. a Mastodon status `content`). Done with string
 * rules rather than `innerHTML`, which in a live page would load images and run handlers.
 */
export function htmlToText(html: string): string {
  const text = html
    .slice(0, 200_000)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|blockquote|h\d)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? whole;
      if (lower.startsWith('#') && lower !== '#39') return safeCodePoint(parseInt(lower.slice(1), 10)) ?? whole;
      return ENTITIES[lower] ?? whole;
    });
  return tidyText(text);
}

function safeCodePoint(n: number): string | null {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : null;
}
