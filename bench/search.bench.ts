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
import { applyMigrations, runWrangler, sqlString as q, startWorker } from '../scripts/lib/wrangler.ts';
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

function seedSql(councilId: string, councillors: string[], officerId: string) {
  const lines: string[] = [];
  const seeded: Seeded[] = [];
  const sha = '0'.repeat(64);
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 37 * 60_000).toISOString();
  let exhibit = 0;
  for (let i = 0; i < RECORDS; i++) {
    const councillor = councillors[i % councillors.length]!;
    const when = at(i);
    const slot = i % 10;
    if (slot < 4) {
      // A filed message: the evidence item and record as mail/store-mail.ts writes them, then its
      // body text as search/mail-text.ts puts it in the same batch.
      const item = randomUUID();
      const record = randomUUID();
      const subject = sentence(5);
      const body = sentence(60);
      const ref = `BM/${++exhibit}`;
      lines.push(
        `INSERT INTO evidence_items (id, council_id, councillor_id, kind, exhibit_ref, title, metadata, captured_at, captured_by, received_at, idempotency_key, manifest_sha256) VALUES (${q(item)}, ${q(councilId)}, ${q(councillor)}, 'email', ${q(ref)}, 'Quarantined email', '{}', ${q(when)}, ${q(officerId)}, ${q(when)}, ${q(`mail:${record}`)}, ${q(sha)});`,
        `INSERT INTO mail_records (id, council_id, councillor_id, mailbox, message_id, source_sha256, source_size, item_id, sender, recipients, subject, sent_at, received_at, verdict, severity, severity_rank, state, created_at) VALUES (${q(record)}, ${q(councilId)}, ${q(councillor)}, 'cllr@council.example', ${q(`<${record}@bench>`)}, ${q(sha)}, 100, ${q(item)}, ${q(`Sender ${i} <sender${i}@example.net>`)}, 'cllr@council.example', ${q(subject)}, ${q(when)}, ${q(when)}, '{"severity":"abuse","evidence":[]}', 'abuse', 2, 'quarantined', ${q(when)});`,
        `UPDATE search_fts SET body = ${q(body)} WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'message' AND record_id = ${q(record)});`,
        `UPDATE search_docs SET body_pending = 0 WHERE kind = 'message' AND record_id = ${q(record)};`,
      );
      seeded.push({ id: record, text: `${subject} ${body}` });
    } else if (slot < 7) {
      const item = randomUUID();
      const title = sentence(6);
      const post = sentence(35);
      const metadata = JSON.stringify({ url: `https://x.example/status/${i}`, post: { platform: 'x', authorHandle: `@handle${i}`, postText: post } });
      lines.push(
        `INSERT INTO evidence_items (id, council_id, councillor_id, kind, exhibit_ref, title, metadata, captured_at, captured_by, received_at, idempotency_key, manifest_sha256) VALUES (${q(item)}, ${q(councilId)}, ${q(councillor)}, 'web_capture', ${q(`BM/${++exhibit}`)}, ${q(title)}, ${q(metadata)}, ${q(when)}, ${q(councillor)}, ${q(when)}, ${q(`cap-${item}`)}, ${q(sha)});`,
      );
      seeded.push({ id: item, text: `${title} ${post}` });
    } else if (slot === 7) {
      const item = randomUUID();
      const what = sentence(40);
      const impact = sentence(10);
      lines.push(
        `INSERT INTO evidence_items (id, council_id, councillor_id, kind, exhibit_ref, title, metadata, captured_at, captured_by, received_at, idempotency_key, manifest_sha256) VALUES (${q(item)}, ${q(councilId)}, ${q(councillor)}, 'diary', ${q(`BM/${++exhibit}`)}, ${q(what.slice(0, 80))}, '{}', ${q(when)}, ${q(councillor)}, ${q(when)}, ${q(`diary:${item}`)}, ${q(sha)});`,
        `INSERT INTO diary_versions (item_id, version, occurred_at, what_happened, impact, edited_by, edited_at) VALUES (${q(item)}, 1, ${q(when)}, ${q(what)}, ${q(impact)}, ${q(councillor)}, ${q(when)});`,
      );
      seeded.push({ id: item, text: `${what} ${impact}` });
    } else if (slot === 8) {
      const id = randomUUID();
      const title = sentence(6);
      lines.push(
        `INSERT INTO cases (id, council_id, councillor_id, title, status, created_by, created_at, updated_at) VALUES (${q(id)}, ${q(councilId)}, ${q(councillor)}, ${q(title)}, 'open', ${q(officerId)}, ${q(when)}, ${q(when)});`,
      );
      seeded.push({ id, text: title });
    } else {
      const id = randomUUID();
      const name = `${pick(words)} ${pick(words)}`;
      const notes = sentence(20);
      const aliases = JSON.stringify([zipfWord()]);
      const handles = JSON.stringify([{ platform: 'x', handle: `@perp${i}`, accountId: String(1_000_000 + i) }]);
      const emails = JSON.stringify([`perp${i}@example.org`]);
      lines.push(
        `INSERT INTO perpetrators (id, council_id, display_name, aliases, handles, emails, notes, created_by, created_at, updated_at) VALUES (${q(id)}, ${q(councilId)}, ${q(name)}, ${q(aliases)}, ${q(handles)}, ${q(emails)}, ${q(notes)}, ${q(officerId)}, ${q(when)}, ${q(when)});`,
      );
      seeded.push({ id, text: `${name} ${notes} ${JSON.parse(aliases)[0]}` });
    }
  }
  return { sql: lines.join('\n'), seeded };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'wg-bench-search-'));
  const store = { persistTo: dir };
  await applyMigrations(store);
  const councilId = await createCouncil('Bench Council', store);
  const officer = await createUser(store, councilId, { name: 'Bench Officer', role: 'officer' }, { label: 'bench' });
  const councillors = [
    (await createUser(store, councilId, { name: 'Bench Councillor One', role: 'councillor' })).id,
    (await createUser(store, councilId, { name: 'Bench Councillor Two', role: 'councillor' })).id,
  ];
  const seedStart = performance.now();
  const { sql, seeded } = seedSql(councilId, councillors, officer.id);
  const sqlFile = join(dir, 'seed.sql');
  writeFileSync(sqlFile, sql);
  await runWrangler(['d1', 'execute', 'DB', '--local', '--persist-to', dir, '--file', sqlFile]);
  const seedSeconds = (performance.now() - seedStart) / 1000;
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
      { label: 'exhibit reference', q: 'BM/4242' },
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
