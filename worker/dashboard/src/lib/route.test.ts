import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './route.ts';

describe('dashboard routes', () => {
  it('opens a diary entry, an item custody log and the admin pages from their addresses', () => {
    expect(parseRoute('#/home')).toEqual({ name: 'home' });
    expect(parseRoute('#/diary')).toEqual({ name: 'diary' });
    expect(parseRoute(href('diary', 'item 1'))).toEqual({ name: 'diary-entry', id: 'item 1' });
    expect(parseRoute('#/custody')).toEqual({ name: 'custody' });
    expect(parseRoute(href('custody', 'abc'))).toEqual({ name: 'custody', itemId: 'abc' });
    expect(parseRoute('#/users')).toEqual({ name: 'users' });
    expect(parseRoute('#/referred')).toEqual({ name: 'referred' });
    expect(parseRoute(href('referred', 'case 1'))).toEqual({ name: 'referred-case', id: 'case 1' });
  });

  it('falls back to the overview (home, for a councillor) on an unknown or empty address; the queue has its own', () => {
    expect(parseRoute('')).toEqual({ name: 'overview' });
    expect(parseRoute('#/overview')).toEqual({ name: 'overview' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'overview' });
    expect(parseRoute('#/queue')).toEqual({ name: 'queue' });
  });
});
