import { describe, expect, it } from 'vitest';
import { normaliseServerUrl, originPattern } from './server-url.ts';

describe('server address typed at pairing', () => {
  it('keeps only the origin, so the permission asked for is that one server', () => {
    expect(normaliseServerUrl(' https://wardguard.example.gov.uk/dashboard?x=1 ')).toBe('https://wardguard.example.gov.uk');
    expect(originPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/*');
  });

  it('refuses anything that is not an http(s) address', () => {
    for (const bad of ['wardguard.example', 'javascript:alert(1)', 'file:///etc/passwd', '']) expect(normaliseServerUrl(bad)).toBeNull();
  });
});
