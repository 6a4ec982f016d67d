#!/usr/bin/env node
// `npx wardguard-verify pack.zip --key <key>`: checks an evidence pack offline.
// Node 20 cannot run TypeScript itself, so the CLI is loaded through tsx (as the repo's
// other scripts are), in this process. Everything Node-specific is handed in from here.
import { open, readFile } from 'node:fs/promises';
import { tsImport } from 'tsx/esm/api';

const { runVerifyCli } = await tsImport('../src/pack/cli.ts', import.meta.url);

process.exitCode = await runVerifyCli(process.argv.slice(2), {
  openFile: (path) => open(path, 'r'),
  readTextFile: (path) => readFile(path, 'utf8'),
  fetch: (url) => fetch(url, { redirect: 'follow' }),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
