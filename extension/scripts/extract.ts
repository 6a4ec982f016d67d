/**
 * Prints the post metadata extracted from a saved page, as JSON.
 *
 *   npm run extract -- saved-page.html [--url https://x.com/someone/status/123] [--selection "text"]
 *
 * Without --url the address is read from the page (MHTML header, "saved from" comment, canonical
 * link, og:url, app links, embedded JSON) or inferred from the platform's markup; the warnings
 * say which. Wayback Machine copies give the original address and the archive time.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { extractSavedPage } from '../src/extract/saved-page.ts';

const USAGE = 'Usage: npm run extract -- <saved-page.html|.mhtml> [--url <original url>] [--selection <selected text>]';

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
  let pageUrl: URL | undefined;
  if (url !== undefined) {
    try {
      pageUrl = new URL(url);
    } catch {
      fail(`not a valid URL: ${url}`);
    }
    if (pageUrl.protocol !== 'https:' && pageUrl.protocol !== 'http:') fail(`URL must be http(s): ${url}`);
  }

  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file}: ${code ?? String(error)}`);
  }
  const selection = parsed.values.selection;
  const { metadata, source } = extractSavedPage(html, (h) => parseHTML(h).document as unknown as Document, {
    ...(pageUrl ? { url: pageUrl.href } : {}),
    ...(selection ? { selectionText: selection } : {}),
  });
  if (!source.url) fail('missing --url: the page does not say which address it was saved from');
  process.stdout.write(`${JSON.stringify(metadata, null, 2)}\n`);
}

await main();
