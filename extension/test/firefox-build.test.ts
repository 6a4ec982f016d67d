import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExtension } from './chromium.ts';

// Build: `wxt build -b firefox --mv3` (no browser is started: Firefox is not on the test machine).
// Checks that the one code base gives Firefox a manifest it accepts with the same permission model.
describe('the Firefox build', () => {
  it('has a gecko id, background scripts instead of a service worker, activeTab, the shortcut, and no site access or pageCapture', async () => {
    const dir = await buildExtension('firefox');
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.browser_specific_settings?.gecko?.id).toBe('extension@wardguard.org');
    expect(manifest.background.scripts).toEqual(['background.js']);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.permissions).toContain('activeTab');
    expect(manifest.permissions).not.toContain('pageCapture'); // Chrome only; MHTML is recorded as unavailable
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.commands['capture-evidence'].suggested_key.default).toBe('Alt+Shift+E');
    await expect(readFile(join(dir, 'background.js'), 'utf8')).resolves.toContain('capture-evidence');
  }, 120_000);
});
