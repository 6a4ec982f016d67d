import { describe, expect, it } from 'vitest';
import { EMAIL_HTML_CHARS, htmlText, readerText } from './reader-text.ts';

describe('what a reader sees of a message', () => {
  it('is the plain part when it has words, else the HTML part as text, else nothing', () => {
    expect(readerText({ text: 'Plain words', html: '<p>HTML</p>' })).toEqual({ text: 'Plain words', fromHtml: false });
    expect(readerText({ text: ' \r\n', html: '<p>You will <b>regret</b> this</p>' })).toEqual({ text: 'You will regret this', fromHtml: true });
    expect(readerText({ text: undefined, html: undefined })).toEqual({ text: '', fromHtml: false });
  });

  it('converts only the start of a huge HTML body unless told to read it all', () => {
    const html = `<p>${'a'.repeat(EMAIL_HTML_CHARS)}</p><p>the end</p>`;
    expect(readerText({ html }).text).not.toContain('the end');
    expect(readerText({ html }, Number.POSITIVE_INFINITY).text).toContain('the end');
  });

  it('still gives the words of HTML nested too deep to convert, without scripts', () => {
    const deep = `${'<div>'.repeat(100_000)}<script>alert(1)</script>deep words${'</div>'.repeat(100_000)}`;
    const text = htmlText(deep);
    expect(text).toContain('deep words');
    expect(text).not.toContain('alert');
  });
});
