// Search latency on 10,000 records (WG_BENCH_SEARCH_RECORDS scales it) against a real local
// Worker (wrangler dev, local D1): the full-text search (GET /api/v1/search, FTS5) next to a
// baseline measured in the same run on the same data, scope and filters: every word found with
// LIKE '%word%' over the same stored text (GET /api/v1/search/like-baseline, bench routes only).
// Both go through HTTP, auth and the same query shape; GET /api/v1/me is the floor they share.
// Records are messages (with body text), web captures, diary entries, cases and perpetrators,
// seeded straight into D1 so the migration's triggers index them as the Worker's writes do.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FileMail } from '@wardguard/shared/api/mail';
import { applyMigrations, ensureAssetsDir, runWrangler, startWorker } from '../scripts/lib/wrangler.ts';
import { insertItemSql, insertRecordSql, insertVersionSql, mailTextSql, type NewItem } from '../worker/src/db/evidence-sql.ts';
import { insertCaseSql, insertPerpetratorSql } from '../worker/src/db/casework-sql.ts';
import { inlineSql, type SqlCommand } from '../worker/src/db/sql-command.ts';
import { createCouncil, createUser } from '../scripts/lib/principals.ts';

const RECORDS = Number(process.env.WG_BENCH_SEARCH_RECORDS ?? 10_000);
const RUNS = 30;
const SAMPLED_RECORDS = 100;
const VOCABULARY = 8_000;

/** Deterministic, so every run searches the same data. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(19);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

// Made-up words with a Zipf distribution, as in real text: a few very common, most rare.
const SYLLABLES = ['ba', 'ke', 'lo', 'mi', 'nu', 'pra', 'sto', 'vel', 'dar', 'qui', 'zen', 'mor', 'tas', 'fe', 'gri', 'hul', 'jan', 'wex', 'yor', 'cal'];
const words: string[] = [];
for (const seen = new Set<string>(); words.length < VOCABULARY; ) {
  const n = 2 + Math.floor(rand() * 3);
  const w = Array.from({ length: n }, () => pick(SYLLABLES)).join('');
  if (!seen.has(w)) seen.add(w), words.push(w);
}
const cumulative: number[] = [];
words.reduce((sum, _, r) => (cumulative.push(sum + 1 / (r + 1)), sum + 1 / (r + 1)), 0);
function zipfWord(): string {
  const x = rand() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return words[lo]!;
}
const sentence = (n: number) => Array.from({ length: n }, zipfWord).join(' ');

interface Seeded {
  /** The id search answers with for it. */
  id: string;
  text: string;
}

/** The records as the Worker writes them (worker/src/db/evidence-sql.ts, casework-sql.ts), straight into D1. */
function seedSql(councilId: string, councillors: string[], officerId: string) {
  const commands: SqlCommand[] = [];
  const seeded: Seeded[] = [];
  const sha = '0'.repeat(64);
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 37 * 60_000).toISOString();
  const item = (id: string, councillorId: string, when: string, f: Pick<NewItem, 'kind' | 'title' | 'metadata' | 'capturedBy' | 'idempotencyKey'>) =>
    insertItemSql({ id, councilId, councillorId, caseId: null, perpetratorId: null, capturedAt: when, receivedAt: when, manifestSha256: sha, ...f });
  for (let i = 0; i < RECORDS; i++) {
    const councillor = councillors[i % councillors.length]!;
    const when = at(i);
    const slot = i % 10;
    if (slot < 4) {
      // A filed message: the evidence item, its record and its body text, as mail/store-mail.ts writes them.
      const itemId = randomUUID();
      const record = randomUUID();
      const subject = sentence(5);
      const body = sentence(60);
      const mail: FileMail = {
        councillorId: councillor,
        mailbox: 'cllr@council.example',
        messageId: `<${record}@bench>`,
        sourceSha256: sha,
        sourceSize: 100,
        from: `Sender ${i} <sender${i}@example.net>`,
        to: 'cllr@council.example',
        subject,
        sentAt: when,
        receivedAt: when,
        receivedChain: [],
        unreadable: null,
        // No categories or scores: the index takes the subject, sender and body.
        verdict: { severity: 'abuse', categories: [], scores: {} as FileMail['verdict']['scores'], evidence: [], version: 'bench' },
      };
      commands.push(
        ...item(itemId, councillor, when, { kind: 'email', title: 'Quarantined email', metadata: {}, capturedBy: officerId, idempotencyKey: `mail:${record}` }),
        insertRecordSql({ id: record, councilId, itemId, createdAt: when, mail }),
        ...mailTextSql(record, body),
      );
      seeded.push({ id: record, text: `${subject} ${body}` });
    } else if (slot < 7) {
      const id = randomUUID();
      const title = sentence(6);
      const post = sentence(35);
      const metadata = { url: `https://x.example/status/${i}`, post: { platform: 'x', authorHandle: `@handle${i}`, postText: post } };
      commands.push(...item(id, councillor, when, { kind: 'web_capture', title, metadata, capturedBy: councillor, idempotencyKey: `cap-${id}` }));
      seeded.push({ id, text: `${title} ${post}` });
    } else if (slot === 7) {
      const id = randomUUID();
      const what = sentence(40);
      const impact = sentence(10);
      commands.push(
        ...item(id, councillor, when, { kind: 'diary', title: what.slice(0, 80), metadata: {}, capturedBy: councillor, idempotencyKey: `diary:${id}` }),
        insertVersionSql(id, { occurredAt: when, whatHappened: what, impact }, councillor, when),
      );
      seeded.push({ id, text: `${what} ${impact}` });
    } else if (slot === 8) {
      const id = randomUUID();
      const title = sentence(6);
      commands.push(insertCaseSql({ id, councilId, councillorId: councillor, title, createdBy: officerId, createdAt: when }));
      seeded.push({ id, text: title });
    } else {
      const id = randomUUID();
      const displayName = `${pick(words)} ${pick(words)}`;
      const notes = sentence(20);
      const alias = zipfWord();
      commands.push(
        insertPerpetratorSql({
          id,
          councilId,
          displayName,
          aliases: [alias],
          handles: [{ platform: 'x', handle: `@perp${i}`, accountId: String(1_000_000 + i) }],
          emails: [`perp${i}@example.org`],
          notes,
          createdBy: officerId,
          createdAt: when,
        }),
      );
      seeded.push({ id, text: `${displayName} ${notes} ${alias}` });
    }
  }
  return { sql: commands.map((c) => `${inlineSql(c)};`).join('\n'), seeded };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'wg-bench-search-'));
  const store = { persistTo: dir };
  await applyMigrations(store);
  const councilId = await createCouncil('Bench Council', store);
  const officer = await createUser(store, councilId, { name: 'Bench Officer', role: 'officer' }, { label: 'bench' });
  const first = await createUser(store, councilId, { name: 'Bench Councillor One', role: 'councillor' });
  const councillors = [first.id, (await createUser(store, councilId, { name: 'Bench Councillor Two', role: 'councillor' })).id];
  // Exhibits are numbered per councillor as the Worker numbers them; each has about 0.4 × RECORDS.
  const exhibitRef = `${first.initials}/${Math.max(1, Math.round(RECORDS * 0.21))}`;
  const seedStart = performance.now();
  const { sql, seeded } = seedSql(councilId, councillors, officer.id);
  const sqlFile = join(dir, 'seed.sql');
  writeFileSync(sqlFile, sql);
  await runWrangler(['d1', 'execute', 'DB', '--local', '--persist-to', dir, '--file', sqlFile]);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  ensureAssetsDir();
  const worker = await startWorker({ persistTo: dir, vars: { ENABLE_BENCH_ROUTES: '1' } });
  const token = officer.token!.token;
  const get = async (path: string) => {
    const t = performance.now();
    const res = await fetch(`${worker.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { results?: { id: string }[]; more?: boolean; error?: unknown };
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - t, body };
  };
  const timed = async (path: string) => {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await get(path);
      times.push(r.ms);
      hits = r.body.results?.length ?? 0;
    }
    times.sort((a, b) => a - b);
    return { p50: pct(times, 50), p95: pct(times, 95), hits };
  };

  try {
    const indexed = await get('/search?q=' + encodeURIComponent(words[0]!) + '&limit=1');
    if (!indexed.body.results?.length) throw new Error('the seeded records are not in the index');
    // Document frequency of each word, to say how many records each query matches.
    const df = new Map<string, number>();
    for (const r of seeded) for (const w of new Set(r.text.split(' '))) df.set(w, (df.get(w) ?? 0) + 1);
    const byRank = (rank: number) => words[rank]!;
    const rare = [...df.entries()].find(([, n]) => n === 1)![0];
    const onePercent = [...df.entries()].sort((a, b) => Math.abs(a[1] - RECORDS / 100) - Math.abs(b[1] - RECORDS / 100))[0]![0];
    const queries: { label: string; q: string; filters?: string }[] = [
      { label: 'one record (its rarest word)', q: rare },
      { label: '~1 % of records', q: onePercent },
      { label: 'most common word', q: byRank(0) },
      { label: 'two common words', q: `${byRank(1)} ${byRank(2)}` },
      { label: 'start of a word', q: byRank(40).slice(0, 5) },
      { label: 'e-mail address', q: `perp${RECORDS - 1}@example.org` },
      { label: 'exhibit reference', q: exhibitRef },
      { label: '~1 %, one councillor, 5 months', q: onePercent, filters: `&councillorId=${councillors[0]}&from=2026-02-01&to=2026-06-30` },
    ];

    for (let i = 0; i < 5; i++) await get('/me'), await get(`/search?q=${byRank(i)}`), await get(`/search/like-baseline?q=${byRank(i)}`);
    const floor = await timed('/me');
    console.log(`search over ${RECORDS} records (seeded in ${seedSeconds.toFixed(1)} s), ${RUNS} requests each, 20 results a page, local wrangler dev`);
    console.log(`  floor: GET /me (HTTP + auth)                  median ${ms(floor.p50)}   p95 ${ms(floor.p95)}`);
    for (const { label, q: words, filters = '' } of queries) {
      const path = `?q=${encodeURIComponent(words)}&limit=20${filters}`;
      const fts = await timed(`/search${path}`);
      const like = await timed(`/search/like-baseline${path}`);
      const matching = df.has(words) ? `, ${df.get(words)} records hold it` : '';
      console.log(
        `  ${`${label}: "${words}"`.padEnd(46)} FTS median ${ms(fts.p50)} p95 ${ms(fts.p95)} | LIKE median ${ms(like.p50)} p95 ${ms(like.p95)} | LIKE/FTS ${(like.p50 / fts.p50).toFixed(1)}x (${fts.hits}/${like.hits} shown${matching})`,
      );
    }

    // Any record, by a word from it: its rarest word, searched as an officer would type it.
    let found = 0;
    const times: number[] = [];
    for (let i = 0; i < SAMPLED_RECORDS; i++) {
      const r = seeded[Math.floor(rand() * seeded.length)]!;
      const word = [...new Set(r.text.split(' '))].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0))[0]!;
      const res = await get(`/search?q=${encodeURIComponent(word)}&limit=100`);
      times.push(res.ms);
      if (res.body.results?.some((x) => x.id === r.id)) found += 1;
    }
    times.sort((a, b) => a - b);
    console.log(
      `  ${SAMPLED_RECORDS} random records, each by its rarest word: found ${found}/${SAMPLED_RECORDS}, median ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}, slowest ${ms(times[times.length - 1]!)}`,
    );
  } finally {
    await worker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
