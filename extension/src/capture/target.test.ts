import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { findCropElement, findGestureTarget } from './target.ts';

const page = () =>
  parseHTML(`<html><body><header>Site</header>
    <article id="p1"><p>first</p><img src="https://cdn.example/a.png"></article>
    <article id="p2"><p>second <a href="https://example.org/u/troll">@troll</a></p></article></body></html>`).document as unknown as Document;

describe('finding the post the councillor pointed at', () => {
  it('crops the post around a right-clicked image', () => {
    const doc = page();
    const target = findGestureTarget(doc, { srcUrl: 'https://cdn.example/a.png' });
    expect(target?.tagName).toBe('IMG');
    expect(findCropElement(doc, target)?.id).toBe('p1');
  });

  it('crops the post around a right-clicked link', () => {
    const doc = page();
    expect(findCropElement(doc, findGestureTarget(doc, { linkUrl: 'https://example.org/u/troll' }))?.id).toBe('p2');
  });

  it('falls back to the first post on the page when there was no gesture, and to nothing on a page without posts', () => {
    expect(findCropElement(page(), null)?.id).toBe('p1');
    const bare = parseHTML('<html><body><p>hello</p></body></html>').document as unknown as Document;
    expect(findCropElement(bare, findGestureTarget(bare, { linkUrl: 'https://nowhere.example/' }))).toBeNull();
  });
});
