import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// `wxt build --mode test` (npm run build:test) adds `<all_urls>` so the end-to-end tests can call
// captureVisibleTab from the service worker without a real user gesture. Every other build is the
// production permission model: activeTab + the paired server's origin, granted at pairing.
//
// No webextension-polyfill: in WXT 0.20 `wxt/browser` is `globalThis.browser` on Firefox and `chrome`
// on Chromium, and in MV3 both return promises from every API this extension calls (scripting, tabs,
// pageCapture, permissions, alarms, storage, contextMenus.removeAll), so the polyfill would only
// wrap a promise API in another one. The Firefox manifest test builds and checks that target.
export default defineConfig({
  srcDir: 'src',
  webExt: { disabled: true },
  // @preact/preset-vite is typed against the workspace's Vite, WXT bundles its own: same plugin API at run time.
  vite: () => ({ plugins: [preact() as never] }),
  manifest: ({ browser, mode }) => ({
    name: 'Wardguard',
    description: 'One click captures an abusive post as evidence, signed and filed to your Wardguard case.',
    permissions: [
      'activeTab',
      'scripting',
      'contextMenus',
      'storage',
      'unlimitedStorage',
      'alarms',
      // The shortcut and the right-click menu have no popup: the result is told in a notification.
      'notifications',
      ...(browser === 'chrome' ? ['pageCapture'] : []),
    ],
    host_permissions: mode === 'test' ? ['<all_urls>'] : [],
    // Council IT can set the server address and a default case by policy (README: managed deployment).
    storage: { managed_schema: 'managed-schema.json' },
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'capture-evidence': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Capture this page as evidence',
      },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'extension@wardguard.org' } } } : {}),
  }),
});
