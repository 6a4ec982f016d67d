import { WardguardError } from '../errors.ts';

// Artifact names become download filenames and pack paths, so they are plain file
// names only: no separators, no "..", no control characters, no leading dot.
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isSafeArtifactName(name: string): boolean {
  return SAFE_NAME.test(name) && !name.includes('..');
}

export function assertSafeArtifactName(name: string): void {
  if (!isSafeArtifactName(name)) {
    throw new WardguardError(
      'INVALID_ARTIFACT_NAME',
      `Artifact name ${JSON.stringify(name.slice(0, 80))} is not a plain file name (letters, digits, ".", "_", "-"; no paths).`,
    );
  }
}
