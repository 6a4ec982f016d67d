// `npm run classify -- --jsonl <file|->`: one JSON object per input line ({"text", "subject"?,
// "html"?, "id"?}) in, exactly one verdict JSON line per input line out, in order. Only verdicts
// go to stdout; diagnostics go to stderr. A line that cannot be parsed still gets a verdict
// (severity "review" with an error code), so the output always lines up with the input.
// Blank lines are not inputs and are skipped.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { classify } from '../src/classify/index.ts';
import type { Verdict } from '../src/classify/index.ts';
import { reviewVerdict } from './lib/review-verdict.ts';

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run classify -- --jsonl <file.jsonl | ->\n`);
  process.exit(2);
}

function verdictFor(line: string, lineNo: number): Verdict & { id?: unknown } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (err) {
    process.stderr.write(`line ${lineNo}: not JSON (${(err as Error).message})\n`);
    return reviewVerdict('MALFORMED_LINE');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    process.stderr.write(`line ${lineNo}: expected a JSON object\n`);
    return reviewVerdict('MALFORMED_LINE');
  }
  const o = input as Record<string, unknown>;
  const text = typeof o['text'] === 'string' ? o['text'] : typeof o['body'] === 'string' ? o['body'] : undefined;
  const html = typeof o['html'] === 'string' ? o['html'] : undefined;
  const id = o['id'];
  if (text === undefined && html === undefined) {
    process.stderr.write(`line ${lineNo}: no "text" string\n`);
    return { ...reviewVerdict('MISSING_TEXT'), ...(id !== undefined ? { id } : {}) };
  }
  try {
    const v = classify({
      body: text ?? '',
      ...(typeof o['subject'] === 'string' ? { subject: o['subject'] } : {}),
      ...(html !== undefined ? { html } : {}),
    });
    return id !== undefined ? { id, ...v } : v;
  } catch (err) {
    process.stderr.write(`line ${lineNo}: classifier failed (${(err as Error).message})\n`);
    return { ...reviewVerdict('CLASSIFIER_ERROR'), ...(id !== undefined ? { id } : {}) };
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--jsonl');
  const file = at === -1 ? undefined : args[at + 1];
  if (!file) usage('missing --jsonl <file>');
  const stream = file === '-' ? process.stdin : createReadStream(file);
  stream.on('error', (err: Error) => {
    process.stderr.write(`cannot read ${file}: ${err.message}\n`);
    process.exit(1);
  });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    const out = JSON.stringify(verdictFor(line, lineNo)) + '\n';
    if (!process.stdout.write(out)) await new Promise((r) => process.stdout.once('drain', r));
  }
}

await main();
