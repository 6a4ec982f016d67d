import { describe, expect, it } from 'vitest';
import { wantsCompression } from './client.ts';

const imap = (host: string, compress?: boolean) => ({
  host,
  port: 993,
  secure: true,
  user: 'u',
  password: 'p',
  ...(compress === undefined ? {} : { compress }),
});

describe('IMAP COMPRESS=DEFLATE', () => {
  it('is asked for by default, but not from a server on this host, where it only costs CPU at both ends', () => {
    expect(wantsCompression(imap('outlook.office365.com'))).toBe(true);
    expect(wantsCompression(imap('10.0.0.5'))).toBe(true);
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) expect(wantsCompression(imap(host))).toBe(false);
  });
  it('follows the config when it says', () => {
    expect(wantsCompression(imap('127.0.0.1', true))).toBe(true);
    expect(wantsCompression(imap('outlook.office365.com', false))).toBe(false);
  });
});
