// Characters that draw nothing, in one place for every package. Abusers put them inside a word
// ("ki\u2066ll") so that a filter reads two harmless fragments while the reader sees one word.
// Unicode names the whole family, so the list follows Unicode instead of being kept by hand:
// Default_Ignorable_Code_Point (joiners, soft hyphen, variation selectors, tag characters,
// Hangul fillers…) and Bidi_Control (direction marks, embeddings, overrides, isolates).

/** One invisible character: test a single character with it. */
export const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/u;

/**
 * The bidi controls that reorder what follows them ("Trojan Source"). A document shown to a
 * person should make these visible rather than drop them; a classifier simply drops them.
 */
export const REORDERING = /[\u202a-\u202e\u2066-\u2069]/u;

const INVISIBLE_ALL = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/gu;

/**
 * The text without its invisible characters.
 *
 * @example stripInvisible('ki\u2066ll') // 'kill'
 */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_ALL, '');
}
