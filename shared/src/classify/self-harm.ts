import { clauseBefore } from './context.ts';
import type { Hit } from './hit.ts';
import { execAll } from './hit.ts';
import { memoByWord } from './word-ids.ts';

// Self-harm: a welfare signal about the sender ("I want to kill myself"), never a threat to
// others. Checked sentence by sentence by detectThreats.

const w = (words: string) => words.split(/\s+/).filter(Boolean);

// Self-harm, each regex with the words it cannot match without (one from each group).
const SELF_HARM: ReadonlyArray<{ re: RegExp; need: string[][] }> = [
  {
    re: /\b(?:i|i'm|im|i am|i've|ive)(?: really| just| seriously| honestly)?(?: want| wanna| going| gonna| am going| will| might| feel like| need| have been thinking about| keep thinking about| thought about| think about| plan| am planning| 'm going|'ll)?(?: to)? (?:kill|killing|hurt|hurting|harm|harming|cut|cutting|end|ending|top|hang) (?:myself|my self|my life|it all|mine)\b/g,
    need: [w('kill killing hurt hurting harm harming cut cutting end ending top hang'), w('myself self life all mine')],
  },
  {
    re: /\b(?:suicidal|suicide|take my own life|taking my own life|end my life|ending my life|end it all|ending it all|kms|self[- ]harm|self[- ]harming)\b/g,
    need: [w('suicidal suicide life all kms self')],
  },
  {
    re: /\b(?:i|i'm|im|i am)(?: just)? (?:don'?t|do not|no longer) (?:want|wanna) to (?:live|be alive|be here|go on|exist|wake up)\b/g,
    need: [w('want wanna'), w('live alive here on exist up')],
  },
  {
    re: /\b(?:i'?d|i would|i am|i'm|im|everyone would be|they'?d all be|my family would be) (?:be )?better off dead\b/g,
    need: [w('better'), w('off'), w('dead')],
  },
  {
    re: /\b(?:no (?:reason|point) (?:in )?(?:to )?(?:living|live|going on))\b/g,
    need: [w('reason point'), w('living live going')],
  },
  {
    re: /\bbetter off (?:if|without) (?:i was|i were|me|i'm|i am)(?: dead| gone| not here| around)?\b/g,
    need: [w('better'), w('off')],
  },
];

// A sentence is only checked when it holds one of these words.
const SELF_HARM_SET = new Set(w(`myself self life suicidal suicide kms live alive dead reason all mine`));
/**
 * Per word: bit 0 when it may start the self-harm check at all, then one bit per need group of
 * each SELF_HARM regex. A regex word can end inside a token at ' or * ("life's"), so the parts
 * of the word count too.
 */
const SELF_HARM_GROUP_BIT: number[][] = [];
let selfHarmBit = 1;
for (const { need } of SELF_HARM) SELF_HARM_GROUP_BIT.push(need.map(() => (selfHarmBit <<= 1)));
export const selfHarmBits = memoByWord((word) => {
  let bits = SELF_HARM_SET.has(word) ? 1 : 0;
  const parts = [word, ...word.split(/['*]/)];
  SELF_HARM.forEach(({ need }, k) =>
    need.forEach((group, g) => {
      if (parts.some((part) => group.includes(part))) bits |= SELF_HARM_GROUP_BIT[k]![g]!;
    }),
  );
  return bits;
});

/** Self-harm hits in text[from, to), when the sentence's words (`sentenceBits`, from selfHarmBits) allow any. */
export function scanSelfHarm(text: string, from: number, to: number, sentenceBits: number, hits: Hit[]): void {
  if (!(sentenceBits & 1)) return;
  const sub = text.slice(from, to);
  for (const [k, { re }] of SELF_HARM.entries()) {
    if (!SELF_HARM_GROUP_BIT[k]!.every((bit) => sentenceBits & bit)) continue;
    for (const m of execAll(re, sub)) {
      const h: Hit = { category: 'self_harm', rule: 'self-harm', nStart: from + m.index, nEnd: from + m.index + m[0].length, score: 0.9 };
      if (/\b(?:not|never|n't)\b/.test(clauseBefore(text, h.nStart).split(/\s+/).slice(-3).join(' '))) continue;
      hits.push(h);
    }
  }
}
