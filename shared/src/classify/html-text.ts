import { convert } from 'html-to-text';

/**
 * HTML-only mail as plain text, so it can be scored like any other body. html-to-text parses
 * with htmlparser2 (no DOM, no Node APIs) and renders <blockquote> as "> " lines, which
 * splitEmail then recognises as quoted reply. Images, scripts and link targets are dropped.
 */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  });
}
