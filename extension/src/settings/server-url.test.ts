import { describe, expect, it } from 'vitest';
import { normaliseServerUrl, originPattern, parseServerUrl } from './server-url.ts';

describe('server address typed at pairing', () => {
  it('keeps only the origin, so the permission asked for is that one server', () => {
    expect(normaliseServerUrl(' https://wardguard.example.gov.uk/dashboard?x=1 ')).toBe('https://wardguard.example.gov.uk');
    expect(originPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/*');
  });

  it('reads an address typed without https:// as https', () => {
    expect(normaliseServerUrl('wardguard.example.gov.uk')).toBe('https://wardguard.example.gov.uk');
    expect(normaliseServerUrl('wardguard.example.gov.uk:8443/x')).toBe('https://wardguard.example.gov.uk:8443');
  });

  it('refuses plain http to another machine, and says why', () => {
    const r = parseServerUrl('http://wardguard.example.gov.uk');
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('unencrypted') });
    expect(normaliseServerUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(normaliseServerUrl('http://localhost:8787')).toBe('http://localhost:8787');
  });

  it('refuses anything that is not a web address, with a reason for each', () => {
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', '', 'wardguard', 'https://exa mple']) {
      const r = parseServerUrl(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });
});
