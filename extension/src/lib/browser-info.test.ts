import { describe, expect, it } from 'vitest';
import { nameBrowser } from './browser-info.ts';

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('naming the browser on the exhibit', () => {
  it('says Google Chrome for Chrome, though its User-Agent only says "Chrome"', () => {
    const brands = [
      { brand: 'Google Chrome', version: '131' },
      { brand: 'Chromium', version: '131' },
      { brand: 'Not_A Brand', version: '24' },
    ];
    expect(nameBrowser(UA, brands)).toEqual({ name: 'Google Chrome', version: '131.0.0.0' });
  });

  it('says Chromium for Chromium, Microsoft Edge for Edge', () => {
    expect(
      nameBrowser(UA, [
        { brand: 'Not:A-Brand', version: '8' },
        { brand: 'Chromium', version: '131' },
      ]).name,
    ).toBe('Chromium');
    expect(
      nameBrowser(UA, [
        { brand: 'Microsoft Edge', version: '131' },
        { brand: 'Chromium', version: '131' },
      ]).name,
    ).toBe('Microsoft Edge');
  });

  it('falls back to the User-Agent where there are no client hints', () => {
    expect(nameBrowser(`${UA} Edg/131.0.2903.86`, undefined)).toEqual({ name: 'Microsoft Edge', version: '131.0.2903.86' });
    expect(nameBrowser(UA, undefined)).toEqual({ name: 'Chromium', version: '131.0.0.0' });
  });
});
