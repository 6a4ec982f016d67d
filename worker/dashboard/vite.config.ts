import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

// The officers' dashboard, built to worker/public and served as the Worker's static assets.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('../public', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or styles: the CSP in public/_headers forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
