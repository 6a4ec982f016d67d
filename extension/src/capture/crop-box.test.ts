import { describe, expect, it } from 'vitest';
import { cropBox } from './crop-box.ts';

describe('the post crop on a screenshot', () => {
  it('scales a rectangle that lies wholly on the image', () => {
    expect(cropBox({ x: 10, y: 20, width: 300, height: 100 }, 2, 2000, 1000)).toEqual({ x: 20, y: 40, width: 600, height: 200 });
  });

  it('keeps only the visible part of a post that starts above the screen, and nothing below it', () => {
    // 150 CSS px of the post are above the top of the viewport; 50 px show.
    expect(cropBox({ x: 0, y: -150, width: 400, height: 200 }, 1, 1280, 800)).toEqual({ x: 0, y: 0, width: 400, height: 50 });
  });

  it('clips a post that runs off the right or bottom edge', () => {
    expect(cropBox({ x: 1200, y: 700, width: 400, height: 400 }, 1, 1280, 800)).toEqual({ x: 1200, y: 700, width: 80, height: 100 });
  });

  it('gives nothing for a post wholly off the image', () => {
    expect(cropBox({ x: 0, y: -500, width: 400, height: 200 }, 1, 1280, 800)).toBeNull();
    expect(cropBox({ x: 0, y: 900, width: 400, height: 200 }, 1, 1280, 800)).toBeNull();
  });
});
