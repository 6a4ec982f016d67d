import { describe, expect, it } from 'vitest';
import { bundleManifestSchema, sha256Hex } from '@wardguard/shared';
import { sealArtifact } from './artifact.ts';
import { buildManifest, manifestTitle } from './manifest.ts';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('sealing a capture', () => {
  it('records the SHA-256 and size of every file as computed in the browser', async () => {
    const a = await sealArtifact('viewport.png', 'image/png', png);
    expect(a.size).toBe(11);
    expect(a.sha256).toBe(await sha256Hex(png));
    const html = await sealArtifact('page.html', 'text/html', '<p>café</p>');
    expect(html.size).toBe(new TextEncoder().encode('<p>café</p>').byteLength);
  });

  it('builds a manifest the Worker accepts, with the note inside the signed metadata', async () => {
    const a = await sealArtifact('viewport.png', 'image/png', png);
    const { manifest, text } = buildManifest({
      idempotencyKey: 'wg-ext:1234-abcd',
      title: 'Post by @troll',
      capturedAt: '2026-11-23T21:00:00.000Z',
      caseId: 'case-1',
      note: '  seen at 9pm  ',
      metadata: { url: 'https://x.com/troll/status/1' },
      artifacts: [a],
    });
    expect(bundleManifestSchema.parse(JSON.parse(text))).toEqual(manifest);
    expect(manifest.metadata).toEqual({ url: 'https://x.com/troll/status/1', note: 'seen at 9pm' });
    expect(manifest.artifacts).toEqual([{ name: 'viewport.png', mediaType: 'image/png', size: 11, sha256: a.sha256 }]);
    expect(manifest.caseId).toBe('case-1');
  });

  it('leaves the case out when none was chosen, and refuses a manifest with no files', async () => {
    const a = await sealArtifact('viewport.png', 'image/png', png);
    const { manifest } = buildManifest({
      idempotencyKey: 'wg-ext:abcdefgh',
      title: 't',
      capturedAt: '2026-11-23T21:00:00Z',
      caseId: null,
      metadata: {},
      artifacts: [a],
    });
    expect('caseId' in manifest).toBe(false);
    expect(() => buildManifest({ idempotencyKey: 'wg-ext:abcdefgh', title: 't', capturedAt: '2026-11-23T21:00:00Z', metadata: {}, artifacts: [] })).toThrow();
  });

  it('gives an untitled or very long page a title the Worker accepts', () => {
    expect(manifestTitle('   ', 'https://example.org/a')).toBe('https://example.org/a');
    expect(manifestTitle('x'.repeat(500), 'u')).toHaveLength(300);
  });
});
