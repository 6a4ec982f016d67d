import { Builder, toPieces } from './offset-map.ts';
import type { Mapped, Piece } from './offset-map.ts';

// Three single letters in a row, e.g. "k i l l": only then is stage 3 worth running.
export const SPACED = /(?:^|[^a-z*])[a-z*] [a-z*] [a-z*](?![a-z*])/;

// Stage 3: "k i l l" → "kill". Three or more single letters separated by single spaces.
export function rejoinSpacedLetters(m: Mapped, vocab: ReadonlySet<string>): Mapped {
  const pieces = toPieces(m, 0, m.text.length);
  const isLetter = (i: number) => i >= 0 && i < pieces.length && /[a-z*]/.test(pieces[i]!.ch);
  const isGap = (i: number) => i >= 0 && i < pieces.length && pieces[i]!.ch === ' ';
  const out = new Builder(m.text.length + 16);
  let i = 0;
  while (i < pieces.length) {
    // A single letter: letter with a non-letter on both sides.
    if (isLetter(i) && !isLetter(i - 1) && !isLetter(i + 1)) {
      const letters = [i];
      let j = i;
      while (isGap(j + 1) && isLetter(j + 2) && !isLetter(j + 3)) {
        j += 2;
        letters.push(j);
      }
      if (letters.length >= 3) {
        out.pushAll(
          splitJoined(
            letters.map((k) => pieces[k]!),
            vocab,
          ),
        );
        i = j + 1;
        continue;
      }
    }
    out.push(pieces[i]!);
    i++;
  }
  return out.done();
}

// "killu" is not a word but "kill" + "u" is; "ihate" is "i" + "hate". Only a pronoun or
// article is split off, so "k i l l e r" stays one word.
const SPLIT_HEAD = new Set(['i', 'a', 'u']);
const SPLIT_TAIL = new Set(['u', 'ya', 'you', 'yu', 'ur', 'a', 'i', 'em']);

function splitJoined(letters: Piece[], vocab: ReadonlySet<string>): Piece[] {
  const word = letters.map((p) => p.ch).join('');
  if (vocab.has(word) || vocab.size === 0) return letters;
  for (const from of [0, 1]) {
    if (from === 1 && !SPLIT_HEAD.has(word[0]!)) continue;
    for (let to = word.length; to - from >= 3; to--) {
      if (from === 0 && to === word.length) continue;
      if (to < word.length && !SPLIT_TAIL.has(word.slice(to))) continue;
      if (!vocab.has(word.slice(from, to))) continue;
      const out: Piece[] = [];
      letters.forEach((p, k) => {
        if ((k === from && k > 0) || (k === to && k < letters.length)) out.push({ ch: ' ', s: p.s, e: p.s });
        out.push(p);
      });
      return out;
    }
  }
  return letters;
}
