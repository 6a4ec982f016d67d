import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { postMetadataSchema } from '@wardguard/shared/evidence/post-metadata';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const EXTENSION_DIR = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = 'scripts/extract.ts';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', SCRIPT, ...args], { cwd: EXTENSION_DIR });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('npm run extract', () => {
  it('prints the metadata of a saved page as JSON', async () => {
    const { code, stdout } = await cli('src/extract/fixtures/x-status.html', '--url', 'https://x.com/angry_payer99/status/1763210000000000001');
    expect(code).toBe(0);
    const metadata = postMetadataSchema.parse(JSON.parse(stdout));
    expect(metadata).toMatchObject({ platform: 'x', authorId: '1500000000000000099', postTimestamp: '2024-03-01T10:02:33.000Z' });
  });

  it('passes --selection through to pick the selected post', async () => {
    const { code, stdout } = await cli(
      'src/extract/fixtures/linkedin-post.html',
      '--url',
      'https://www.linkedin.com/feed/update/urn:li:activity:7170000000000000001/',
      '--selection',
      'it is incitement',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ authorHandle: 'sally-example-99' });
  });

  it('fails clearly for a missing file', async () => {
    const { code, stdout, stderr } = await cli('src/extract/fixtures/nope.html', '--url', 'https://x.com/a/status/1');
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/file not found: .*nope\.html/);
  });

  it('fails clearly for a bad or missing URL', async () => {
    const bad = await cli('src/extract/fixtures/x-status.html', '--url', 'x.com/a/status/1');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/not a valid URL/);
  });

  it('reads the address from the saved page when --url is left out, and says so', async () => {
    const { code, stdout } = await cli('src/extract/fixtures/x-status.html');
    expect(code).toBe(0);
    const metadata = postMetadataSchema.parse(JSON.parse(stdout));
    expect(metadata).toMatchObject({ platform: 'x', postId: '1763210000000000001' });
    expect(metadata.warnings).toContain('Page address read from the saved page (canonical): https://x.com/angry_payer99/status/1763210000000000001');
  });

  it('asks for --url when the page gives no clue where it came from', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'extract-cli-'));
    const file = join(dir, 'anonymous.html');
    await writeFile(file, '<html><body><p>Hand-written page with no address and no platform markup.</p></body></html>');
    const missing = await cli(file);
    await rm(dir, { recursive: true });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/missing --url/);
  });
});
