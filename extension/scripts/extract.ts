/**
 * Prints the post metadata extracted from a saved page, as JSON.
 *
 *   npm run extract -- saved-page.html --url https://x.com/someone/status/123 [--selection "text"]
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { extractPost } from '../src/extract/index.ts';

const USAGE = 'Usage: npm run extract -- <saved-page.html> --url <original url> [--selection <selected text>]';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const parsed = (() => {
    try {
      return parseArgs({
        allowPositionals: true,
        options: { url: { type: 'string' }, selection: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      });
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  })();
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file) fail('missing saved-page file');
  if (extra.length > 0) fail(`unexpected arguments: ${extra.join(' ')}`);
  const url = parsed.values.url;
  if (!url) fail('missing --url (the address the page was saved from)');
  let pageUrl: URL;
  try {
    pageUrl = new URL(url);
  } catch {
    fail(`not a valid URL: ${url}`);
  }
  if (pageUrl.protocol !== 'https:' && pageUrl.protocol !== 'http:') fail(`URL must be http(s): ${url}`);

  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file}: ${code ?? String(error)}`);
  }
  const { document } = parseHTML(html);
  const selection = parsed.values.selection;
  const metadata = extractPost(document as unknown as Document, pageUrl.href, selection ? { selectionText: selection } : {});
  process.stdout.write(`${JSON.stringify(metadata, null, 2)}\n`);
}

await main();
