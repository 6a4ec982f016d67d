import { describe, expect, it } from 'vitest';
import { packReadme } from './readme.ts';

const base = {
  packId: 'pack-1',
  variant: 'police',
  platform: null,
  council: { id: 'c1', name: 'Example Borough Council' },
  createdAt: '2026-11-20T10:00:00.000Z',
  recipient: 'DC Jones',
  exhibits: 3,
  publicKey: { algorithm: 'Ed25519', raw: 'q83vEjb3jXqL9bE0s1Hq3tCnQ8mUo2dUe1b4aZcY0uI=', fingerprint: 'ab'.repeat(32) },
} as const;
const links = { keyUrl: 'https://wardguard.example.gov.uk/.well-known/wardguard-pack-key', verifyUrl: 'https://wardguard.example.gov.uk/#/verify' };

describe('README.txt', () => {
  it("sends a reader with only the pack to the council's verify page and published key first, and to npx only with --no-install", () => {
    const text = packReadme(base, links);
    expect(text).toContain(links.verifyUrl);
    expect(text).toContain(links.keyUrl);
    expect(text.indexOf(links.verifyUrl)).toBeLessThan(text.indexOf('npx'));
    expect(text).toContain(`npx --no-install wardguard-verify pack.zip --key ${links.keyUrl}`);
    // A bare `npx wardguard-verify` would fetch whatever anyone published under that name.
    expect(text).not.toMatch(/npx (?!--no-install )/);
    expect(text).toContain(base.publicKey.fingerprint);
  });

  it('describes a platform pack without any scope title', () => {
    const text = packReadme({ ...base, variant: 'platform', platform: 'x' }, links);
    expect(text).toContain('platform pack for X');
  });
});
