import { describe, expect, it } from 'vitest';
import { assertSafeArtifactName, isSafeArtifactName } from './artifact-name.ts';

describe('artifact names', () => {
  it.each(['screenshot.png', 'page-full.png', 'message.eml', 'a', 'capture_2026-11-23T10.00.00Z.html'])('accepts the plain file name %s', (n) =>
    expect(isSafeArtifactName(n)).toBe(true),
  );
  it.each(['../etc/passwd', '..', 'a/b.png', '/abs.png', 'C:\\x.png', 'nul\0.png', '.hidden', 'a..b', '', 'x'.repeat(200), 'é.png'])(
    'refuses %j, which could escape the folder it is written to',
    (n) => {
      expect(isSafeArtifactName(n)).toBe(false);
      expect(() => assertSafeArtifactName(n)).toThrow(expect.objectContaining({ code: 'INVALID_ARTIFACT_NAME' }));
    },
  );
});
