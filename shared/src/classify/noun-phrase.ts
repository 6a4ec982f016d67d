import { BARE_GROUP_WORDS, DET_WORDS, OWNED_WORDS, PERSON_WORDS, PRONOUN_WORDS, SUBJECT_PRONOUNS } from './threat-lexicon.ts';

// The noun phrases of the threat patterns (TARGET and SUBJECT in threat-lexicon.ts), matched by
// walking the normalised text through word tries. They used to be regex alternations of ~170
// words; V8 spent 10–70 ms compiling each pattern that embedded one, which made the first
// threat a process saw cost up to a second. These functions give exactly the ends the regex
// could reach, in the order its backtracking would try them, so the patterns mean the same.

interface Trie {
  next: Map<number, Trie>;
  /** Position of the word in its list (regex alternation order), or -1. */
  order: number;
}

function buildTrie(list: readonly string[]): Trie {
  const root: Trie = { next: new Map(), order: -1 };
  list.forEach((word, order) => {
    let node = root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map(), order: -1 }));
      node = child;
    }
    if (node.order === -1) node.order = order;
  });
  return root;
}

const BARE = buildTrie(BARE_GROUP_WORDS);
const DET = buildTrie(DET_WORDS);
const PERSON = buildTrie(PERSON_WORDS);
const OWNED = buildTrie(OWNED_WORDS);
const PRONOUN = buildTrie(PRONOUN_WORDS);
const SUBJECT_PRONOUN = buildTrie(SUBJECT_PRONOUNS);
// SUBJECT's optional determiner was written `(?:${DET} )?`, which the regex reads as
// `(?:the next|the|…|ur|yer )?`: only "yer" takes a space, the others must be glued to the next
// word, so in practice the subject starts after its determiner ("kinds of women", not "those
// kinds of women"). Kept as it was: where the subject starts decides the negation check
// ("Am I wrong to think that those kinds of …").
const SUBJECT_LEAD = buildTrie([...DET_WORDS.slice(0, -1), `${DET_WORDS[DET_WORDS.length - 1]} `]);

/** Ends of every listed word that starts at `at`, in list order (as a regex alternation tries them). */
function wordEnds(trie: Trie, text: string, at: number): number[] {
  const found: Array<[number, number]> = [];
  let node: Trie | undefined = trie;
  for (let i = at; i < text.length; i++) {
    node = node.next.get(text.charCodeAt(i));
    if (!node) break;
    if (node.order !== -1) found.push([node.order, i + 1]);
  }
  if (found.length > 1) found.sort((a, b) => a[0] - b[0]);
  return found.map((f) => f[1]);
}

/** A regex word character: [A-Za-z0-9_]. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
}

/** Regex `\b` at `i`. */
export function isBoundary(text: string, i: number): boolean {
  const before = i > 0 && isWordChar(text.charCodeAt(i - 1));
  const after = i < text.length && isWordChar(text.charCodeAt(i));
  return before !== after;
}

/** `[a-z'*]+` from `at`: where the run ends (=== at when there is none). */
function runEnd(text: string, at: number): number {
  let i = at;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || c === 39 || c === 42)) break;
  }
  return i;
}

/** `word\b` at `at`. */
function wordAt(text: string, at: number, word: string): boolean {
  return text.startsWith(word, at) && isBoundary(text, at + word.length);
}

const NOT_AFTER_GROUP = ['are', 'is', 'have', 'will', 'should', 'and'];
const NOT_FILLER = ['and', 'or', 'but', 'if', 'for'];
const POSSESSIVE = ["'s", "s'", "'"];

/**
 * TARGET: `(?:BARE_GROUP(?: people)?(?! (?:are|is|have|will|should|and)\b)`
 * `| DET(?: (?!and\b|or\b|but\b|if\b|for\b)[a-z'*]+){0,2} PERSONs?(?:(?:'s|s'|') OWNED)?`
 * `| PRONOUN)\b(?!')` — every end reachable from `at`, in backtracking order, without repeats.
 */
export function targetEnds(text: string, at: number): number[] {
  const out: number[] = [];
  const finish = (q: number) => {
    if (isBoundary(text, q) && text.charCodeAt(q) !== 39 && !out.includes(q)) out.push(q);
  };
  for (const e of wordEnds(BARE, text, at)) {
    for (const q of text.startsWith(' people', e) ? [e + 7, e] : [e]) {
      if (text.charCodeAt(q) === 32 && NOT_AFTER_GROUP.some((w) => wordAt(text, q + 1, w))) continue;
      finish(q);
    }
  }
  for (const d of wordEnds(DET, text, at)) {
    // (?: filler){0,2}, greedy: two fillers first, then one, then none.
    const stops = [d];
    for (let k = 0; k < 2; k++) {
      const p = stops[0]!;
      if (text.charCodeAt(p) !== 32 || NOT_FILLER.some((w) => wordAt(text, p + 1, w))) break;
      const r = runEnd(text, p + 1);
      if (r === p + 1) break;
      stops.unshift(r);
    }
    for (const p of stops) {
      if (text.charCodeAt(p) !== 32) continue;
      for (const e of wordEnds(PERSON, text, p + 1)) {
        for (const q of text.charCodeAt(e) === 115 ? [e + 1, e] : [e]) {
          for (const mark of POSSESSIVE) {
            const o = q + mark.length;
            if (text.startsWith(mark, q) && text.charCodeAt(o) === 32) for (const oe of wordEnds(OWNED, text, o + 1)) finish(oe);
          }
          finish(q);
        }
      }
    }
  }
  for (const e of wordEnds(PRONOUN, text, at)) finish(e);
  return out;
}

/**
 * SUBJECT: `(?:(?:DET_LEAD)?(?:[a-z'*]+ ){0,2}PERSON|you|he|she|they|you all|you lot)` plus any
 * `extra` words after it — every end reachable from `at`, in backtracking order. Like the regex,
 * it does not require a word boundary at the end; the rest of the pattern does.
 */
export function subjectEnds(text: string, at: number, extra: Trie | null = null): number[] {
  const out: number[] = [];
  const add = (q: number) => {
    if (!out.includes(q)) out.push(q);
  };
  const fillersThenPerson = (from: number) => {
    const stops = [from];
    for (let k = 0; k < 2; k++) {
      const p = stops[0]!;
      const r = runEnd(text, p);
      if (r === p || text.charCodeAt(r) !== 32) break;
      stops.unshift(r + 1);
    }
    for (const p of stops) for (const e of wordEnds(PERSON, text, p)) add(e);
  };
  for (const d of wordEnds(SUBJECT_LEAD, text, at)) fillersThenPerson(d);
  fillersThenPerson(at);
  for (const e of wordEnds(SUBJECT_PRONOUN, text, at)) add(e);
  if (extra) for (const e of wordEnds(extra, text, at)) add(e);
  return out;
}

/** Extra literal alternatives for a SUBJECT slot ("… hope SUBJECT|someone|somebody …"). */
export function subjectExtras(list: readonly string[]): Trie {
  return buildTrie(list);
}

const SUBJECT_REST = /^(?: all| like you| like them)*(?: really| honestly| just)? $/;

/**
 * Where the grammatical subject starts in the text just before a modal ("traitors like you
 * should …"): the leftmost match of `\bSUBJECT(?: all| like you| like them)*(?: really| honestly| just)? $`
 * in `lead`, or -1.
 */
export function subjectStartBefore(lead: string): number {
  for (let p = 0; p < lead.length; p++) {
    if (!isBoundary(lead, p)) continue;
    for (const q of subjectEnds(lead, p)) if (SUBJECT_REST.test(lead.slice(q))) return p;
  }
  return -1;
}
