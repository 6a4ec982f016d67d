import type { Hit } from './hit.ts';

// Weapons and death said in pictures. In a sentence they are read as words (confusables.ts maps
// them), so "I'll 🔪 you" is an ordinary threat; a message of nothing but symbols is judged here.
// The skull is left out on purpose: "💀" mostly means "I'm dead (laughing)".

/** Emoji that stand for a weapon or a death, and the word the normaliser reads for each. */
export const EMOJI_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['\u{1F52A}', ' knife '], // 🔪
  ['\u{1F5E1}', ' knife '], // 🗡 dagger
  ['\u{1F52B}', ' gun '], // 🔫
  ['\u{1F4A3}', ' bomb '], // 💣
  ['\u{26B0}', ' coffin '], // ⚰
  ['\u{1FAA6}', ' grave '], // 🪦 headstone
  ['\u{1FA78}', ' blood '], // 🩸
  ['\u{1FA93}', ' axe '], // 🪓
  ['\u{1FAA2}', ' rope '], // 🪢 knot
];
const THREAT_EMOJI = new RegExp(`[${EMOJI_WORDS.map(([e]) => e).join('')}]`, 'u');
// Pictures, punctuation, symbols, digits, spaces and the invisible joiners emoji are built from.
const SYMBOLS_ONLY = /^(?:[\p{Extended_Pictographic}\p{Emoji_Component}\p{P}\p{S}\p{N}\p{Z}\s]|\u200d|\ufe0f)+$/u;

/**
 * A message with no words at all: null when it has letters (the rules read it), else a threat
 * hit when it shows a weapon or death, or 'clean' (a thumbs-up is a readable answer, not an
 * unreadable message to review).
 */
export function judgeSymbolsOnly(text: string): Hit | 'clean' | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 500 || !SYMBOLS_ONLY.test(trimmed)) return null;
  if (!THREAT_EMOJI.test(trimmed)) return 'clean';
  return { category: 'threat', rule: 'emoji-weapon', nStart: 0, nEnd: trimmed.length, score: 0.7 };
}
