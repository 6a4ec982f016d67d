import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './queue-cursor.ts';

describe('the mail queue cursor', () => {
  it('comes back as the same position', () => {
    const key = { rank: 2, receivedAt: '2026-12-08T00:34:04.000Z', id: '0b1d6a52-5f0e-4c3e-9a55-0c2a8e1f4d77' };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
  });

  it('can go in a query string as it is: no +, / or = for a URL to mangle', () => {
    // Standard base64 of this key has a '+', which a query string reads as a space.
    const key = { rank: 0, receivedAt: '2026-12-08T00:34:04.000Z', id: 'z>' };
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(new URLSearchParams(`after=${cursor}`).get('after')!)).toEqual(key);
  });

  it('still reads a cursor handed out before, in standard base64', () => {
    expect(decodeCursor('WzAsIjIwMjYtMTItMDhUMDA6MzQ6MDQuMDAwWiIsIno+Il0')).toEqual({ rank: 0, receivedAt: '2026-12-08T00:34:04.000Z', id: 'z>' });
  });

  it('is null for anything this Worker did not make', () => {
    for (const bad of ['not-a-cursor', '', 'W10', '%%%']) expect(decodeCursor(bad)).toBeNull();
  });
});
