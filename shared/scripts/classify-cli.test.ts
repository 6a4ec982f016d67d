import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verdictSchema } from '../src/classify/verdict.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function runCli(args: string[], input?: string) {
  const r = spawnSync('npx', ['tsx', 'shared/scripts/classify-cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmpFile(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'wardguard-cli-'));
  const file = join(dir, 'in.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('npm run classify -- --jsonl', () => {
  it('writes exactly one verdict line per input line, in input order, and nothing else on stdout', () => {
    const file = tmpFile([
      JSON.stringify({ text: 'Thank you for fixing the streetlight.' }),
      JSON.stringify({ subject: 'Planning', text: 'I know where you live.' }),
      '{this is not json',
      JSON.stringify({ text: "I'm going to kill you" }),
      JSON.stringify({ nope: 1 }),
      JSON.stringify({ text: 'The state of this fucking road.' }),
    ]);
    const { status, stdout, stderr } = runCli(['--jsonl', file]);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    const verdicts = lines.map((l) => verdictSchema.parse(JSON.parse(l)));
    expect(verdicts.map((v) => v.severity)).toEqual(['clean', 'threat', 'review', 'threat_to_life', 'review', 'profanity']);
    expect(verdicts[2]!.error).toBe('MALFORMED_LINE');
    expect(stderr).toMatch(/line 3/);
  }, 60_000);

  it('reads standard input when the file is "-"', () => {
    const input = [JSON.stringify({ text: 'You absolute twat' }), JSON.stringify({ text: 'See you at the surgery' })].join('\n');
    const { status, stdout } = runCli(['--jsonl', '-'], input);
    expect(status).toBe(0);
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).severity),
    ).toEqual(['abuse', 'clean']);
  }, 60_000);

  it('explains how to call it, on stderr only, when --jsonl is missing', () => {
    const { status, stdout, stderr } = runCli([]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/usage/);
  }, 60_000);
});
