import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';

// Violent verbs in play (play.ts): trash talk about a match and banter that laughs at itself are
// not threats; the same verbs without the game or the laugh, or a laugh taken back, still are.
const verdict = (body: string) => classify({ body }, { model: null });
const THREATS = ['threat', 'threat_to_life'];

describe('sport and banter', () => {
  it.each([
    "We're going to murder you lot on Saturday, the Rovers are going down 3-0.",
    'Quiz night: planning v highways. We are going to slaughter you.',
    "I'm going to strangle you for that pun, haha.",
    "Eat the last of the biscuits again and I'm going to kill you x",
  ])('"%s" is not a threat', (body) => expect(THREATS).not.toContain(verdict(body).severity));

  it.each([
    "I'm going to kill you after the match on Saturday.",
    "I'm going to stab you haha.",
    "I'll kill you lol. Only joking, or am I.",
    "We're going to murder you, councillor, mark my words.",
  ])('"%s" is still a threat', (body) => expect(THREATS).toContain(verdict(body).severity));
});
