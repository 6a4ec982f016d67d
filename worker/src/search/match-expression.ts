import { SEARCH_WORDS_MAX } from '@wardguard/shared/api/search';

/** A character the index keeps as part of a word (SQLite's unicode61: letters, numbers, private use). */
const WORD_CHAR = /[\p{L}\p{N}\p{Co}]/u;
/** A word of letters and digits only, with a letter: the kind whose start is worth matching. */
const PLAIN_WORD = /^(?=.*\p{L})[\p{L}\p{M}\p{N}]{2,}$/u;

export interface MatchExpression {
  /** The FTS5 MATCH expression: every word quoted, so nothing typed is read as search syntax. */
  match: string;
  /** The words searched for. */
  words: string[];
}

/**
 * Turns what someone typed into an FTS5 query that cannot fail or mean more than they typed:
 * each whitespace-separated word becomes a quoted string (FTS5's only escape is `""` for `"`),
 * so `OR`, `NEAR(`, `*`, `col:` and quotes are just words. A word of several tokens (`AK/3`,
 * `bob@evil.example`) is matched as that sequence. Every word must appear; the last one also
 * matches as the start of a word when it is a plain word (`garytro` finds `garytroll`).
 * Words with nothing the index keeps (`*`, `--`) are dropped; null when none is left.
 *
 * @example
 * toMatchExpression('AK/3 OR garytro') // { match: '"AK/3" "OR" "garytro"*', words: ['AK/3', 'OR', 'garytro'] }
 */
export function toMatchExpression(typed: string): MatchExpression | null {
  const words = typed
    .replace(/\p{Cc}/gu, ' ')
    .split(/\s+/u)
    .filter((w) => WORD_CHAR.test(w))
    .slice(0, SEARCH_WORDS_MAX);
  if (words.length === 0) return null;
  const last = words.length - 1;
  const match = words
    .map((w, i) => {
      const quoted = `"${w.replaceAll('"', '""')}"`;
      return i === last && PLAIN_WORD.test(w) ? `${quoted}*` : quoted;
    })
    .join(' ');
  return { match, words };
}
