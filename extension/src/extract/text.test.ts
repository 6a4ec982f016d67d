import { describe, expect, it } from 'vitest';
import { parseDocument } from './fixtures/load.ts';
import { htmlToText, visibleText } from './text.ts';

describe('visibleText', () => {
  it("keeps the author's line breaks and emoji, drops scripts and layout whitespace", () => {
    const doc = parseDocument(`<div id="t">
      <span>Line one</span><br><span>Line two </span><img alt="😡" src="e.svg">
      <script>var x = "hidden";</script><style>.a{}</style>
      <div>Block</div><div>Next block</div>
    </div>`);
    expect(visibleText(doc.querySelector('#t'))).toBe('Line one\nLine two 😡\nBlock\nNext block');
  });
});

describe('htmlToText', () => {
  it('turns status HTML into text without touching the DOM', () => {
    expect(htmlToText('<p>Hi <a href="x">@<span>jane</span></a> &amp; co&#39;s<br>next &#x1F621;</p><p>two</p><img src=x onerror=alert(1)>')).toBe(
      "Hi @jane & co's\nnext 😡\n\ntwo",
    );
  });
});
