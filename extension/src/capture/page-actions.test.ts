import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { expandTruncated } from './page-actions.ts';

function page(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const clicked: string[] = [];
  for (const el of document.querySelectorAll('[id]')) el.addEventListener('click', (e) => e.target === el && clicked.push(el.id));
  return { document, clicked };
}

describe('expanding a truncated post', () => {
  it('clicks only "See more"-style buttons inside the post and records each click', () => {
    const { document, clicked } = page(`
      <article id="post"><p>Councillor Brown, we know…</p>
        <button id="see">See more</button>
        <div role="button" id="show">… Show more</div>
        <a href="/more" id="link">See more</a>
        <a href="/x"><span role="button" id="in-link">Read more</span></a>
        <button id="menu">More options</button>
        <button id="follow">Follow</button>
      </article>
      <button id="outside">See more</button>`);
    const actions = expandTruncated(document.querySelector('#post')!);
    expect(clicked).toEqual(['see', 'show']);
    expect(actions).toEqual(['Clicked "See more" inside the post to show its full text', 'Clicked "… Show more" inside the post to show its full text']);
  });

  it('does nothing on a post with no truncation button', () => {
    const { document, clicked } = page('<article id="post"><p>Nothing hidden.</p><button id="like">Like</button></article>');
    expect(expandTruncated(document.querySelector('#post')!)).toEqual([]);
    expect(clicked).toEqual([]);
  });
});
