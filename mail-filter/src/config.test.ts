import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from './config.ts';
import { createImapClient } from './imap/client.ts';

const valid = () => ({
  worker: { url: 'http://127.0.0.1:8787', token: 'wg_0123456789abcdef0123456789' },
  spoolDir: './spool',
  accounts: [{ id: 'alice@council.example', councillorId: 'u1', imap: { host: 'imap.example', port: 993, user: 'alice', password: 'pw' } }],
});

const errorOf = (raw: unknown): string => {
  try {
    parseConfig(raw, '/etc/wardguard');
  } catch (err) {
    return (err as Error).message;
  }
  return '(accepted)';
};

describe('mail filter config', () => {
  it('fills in the defaults an operator would expect: Quarantine folder, profanity and above, TLS on', () => {
    const c = parseConfig(valid(), '/etc/wardguard');
    expect(c.accounts[0]).toMatchObject({ folders: { inbox: 'INBOX', quarantine: 'Quarantine' }, quarantineAt: 'profanity', imap: { secure: true } });
    expect(c.spoolDir).toBe('/etc/wardguard/spool');
    expect(c.pollSeconds).toBe(30);
  });

  it('bounds fetches by bytes by default and names a batch setting out of range', () => {
    expect(parseConfig(valid(), '/etc/wardguard').batch).toEqual({ fetchBytes: 16 * 1024 * 1024, fetchMessages: 100, filingConcurrency: 4 });
    expect(parseConfig({ ...valid(), batch: { fetchBytes: 64 * 1024 * 1024 } }, '/etc/wardguard').batch).toMatchObject({
      fetchBytes: 64 * 1024 * 1024,
      filingConcurrency: 4,
    });
    expect(errorOf({ ...valid(), batch: { fetchBytes: 1000 } })).toMatch(/batch\.fetchBytes/);
    expect(errorOf({ ...valid(), batch: { filingConcurrency: 0 } })).toMatch(/batch\.filingConcurrency/);
    expect(errorOf({ ...valid(), batch: { fetchMessages: 2.5 } })).toMatch(/batch\.fetchMessages/);
  });

  it('names the bad field when a port is not a number', () => {
    const raw = valid();
    (raw.accounts[0]!.imap as Record<string, unknown>).port = '993';
    expect(errorOf(raw)).toMatch(/accounts\.0\.imap\.port/);
  });

  it('refuses an account with both a password and an OAuth2 token, or neither', () => {
    const both = valid();
    (both.accounts[0]!.imap as Record<string, unknown>).accessToken = 'tok';
    expect(errorOf(both)).toMatch(/accounts\.0\.imap: give exactly one of password, accessToken or accessTokenFile/);
    const fileAndPassword = valid();
    (fileAndPassword.accounts[0]!.imap as Record<string, unknown>).accessTokenFile = 'token';
    expect(errorOf(fileAndPassword)).toMatch(/accounts\.0\.imap: give exactly one of/);
    const neither = valid();
    delete (neither.accounts[0]!.imap as Record<string, unknown>).password;
    expect(errorOf(neither)).toMatch(/accounts\.0\.imap/);
  });

  it('refuses a config with no mailboxes, a bad Worker URL, or the same account twice', () => {
    expect(errorOf({ ...valid(), accounts: [] })).toMatch(/accounts: configure at least one mailbox/);
    expect(errorOf({ ...valid(), worker: { url: 'not a url', token: 'wg_0123456789abcdef0123456789' } })).toMatch(/worker\.url/);
    const twice = valid();
    twice.accounts.push({ ...twice.accounts[0]! });
    expect(errorOf(twice)).toMatch(/id "alice@council.example" appears twice/);
  });

  it('refuses a quarantine level of clean, which would let nothing through review', () => {
    const raw = valid();
    (raw.accounts[0] as Record<string, unknown>).quarantineAt = 'clean';
    expect(errorOf(raw)).toMatch(/accounts\.0\.quarantineAt/);
  });

  it('takes an OAuth2 token file instead of a password, relative to the config file, and reads it again for every connection', () => {
    const raw = valid();
    const imap = raw.accounts[0]!.imap as Record<string, unknown>;
    delete imap.password;
    imap.accessTokenFile = 'tokens/alice.token';
    const c = parseConfig(raw, '/etc/wardguard');
    expect(c.accounts[0]!.imap).toMatchObject({ accessTokenFile: '/etc/wardguard/tokens/alice.token' });
    expect(c.accounts[0]!.imap.password).toBeUndefined();

    const dir = mkdtempSync(join(tmpdir(), 'wg-token-'));
    try {
      const file = join(dir, 'alice.token');
      writeFileSync(file, 'token-one\n');
      const auth = (cfg: (typeof c.accounts)[0]['imap']) => (createImapClient(cfg) as unknown as { options: { auth: Record<string, string> } }).options.auth;
      const cfg = { ...c.accounts[0]!.imap, accessTokenFile: file };
      expect(auth(cfg)).toEqual({ user: 'alice', accessToken: 'token-one' });
      writeFileSync(file, 'token-two\n');
      expect(auth(cfg)).toEqual({ user: 'alice', accessToken: 'token-two' });
      rmSync(file);
      expect(() => createImapClient(cfg)).toThrow(/IMAP_TOKEN_UNREADABLE|Cannot read the OAuth2 access token file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives up on a Worker that does not answer after 10 s by default, and refuses a filing timeout that is not 1 to 120 whole seconds', () => {
    expect(parseConfig(valid(), '/etc/wardguard').worker.filingTimeoutSeconds).toBe(10);
    expect(parseConfig({ ...valid(), worker: { ...valid().worker, filingTimeoutSeconds: 3 } }, '/etc/wardguard').worker.filingTimeoutSeconds).toBe(3);
    for (const bad of [0, 121, 2.5, '5'])
      expect(errorOf({ ...valid(), worker: { ...valid().worker, filingTimeoutSeconds: bad } })).toMatch(/worker\.filingTimeoutSeconds/);
  });

  it("sends messages up to 50 MiB whole by default (the Worker's default limit), and refuses a limit under 1 MiB", () => {
    expect(parseConfig(valid(), '/etc/wardguard').worker.maxMessageBytes).toBe(50 * 1024 * 1024);
    expect(parseConfig({ ...valid(), worker: { ...valid().worker, maxMessageBytes: 2 * 1024 * 1024 } }, '/etc/wardguard').worker.maxMessageBytes).toBe(
      2 * 1024 * 1024,
    );
    for (const bad of [1000, 1.5e6 + 0.5, '50MB'])
      expect(errorOf({ ...valid(), worker: { ...valid().worker, maxMessageBytes: bad } })).toMatch(/worker\.maxMessageBytes/);
  });
});
