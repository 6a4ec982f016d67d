import type { Normalised } from './normalise.ts';

// Violent verbs in play: a match, a quiz or a game ("we're going to murder you lot on Saturday,
// 3-0"), and banter that laughs at itself ("I'll strangle you for that pun, haha"). Only the
// sentence holding the verb counts, and only the verbs sport and banter use; "I'll stab you"
// stays a threat whatever the emoji.

// Trash talk beats a team; banter threatens a friend with what nobody means.
const SPORT_VERBS =
  /\b(?:murder|murdering|slaughter|slaughtering|destroy|destroying|hammer|hammering|thrash|thrashing|batter|battering|annihilate|massacre|smash|smashing|bury|burying)\b/;
const BANTER_VERBS = /\b(?:murder|murdering|kill|killing|strangle|strangling|throttle|throttling|slaughter|slaughtering)\b/;
const COMPETITION =
  /\b(?:quiz|quizzes|match|game|games|fixture|five-a-side|5-a-side|five a side|5 a side|5aside|fiveaside|league|cup|derby|rovers|united|fc|kick-off|kick off|darts|pool|snooker|chess|bowls|tournament|rounders|cricket|football|rugby|netball|scrabble|monopoly|bingo|karaoke|bake off|fun run|tug of war|[0-9]+ ?- ?[0-9]+)\b/;
const LAUGHTER = /\b(?:haha+|hehe+|lol|lmao|rofl|jk)\b|[\u{1F602}\u{1F923}\u{1F606}\u{1F605}\u{1F61C}\u{1F61D}]|(?:^| )xx?$/u;
// A laugh that takes the joke back ("only joking… or am I") is not play.
const UNDONE = /\b(?:or am i|unless|not joking|no joke|deadly serious|i mean it)\b/;

/** The sentence around [nStart, nEnd), by the tokens' sentence starts. */
function sentenceOf(n: Normalised, nStart: number, nEnd: number): string {
  let from = 0;
  let to = n.text.length;
  for (const t of n.tokens) {
    if (t.sentenceStart && t.nStart <= nStart) from = t.nStart;
    if (t.sentenceStart && t.nStart >= nEnd) {
      to = t.nStart;
      break;
    }
  }
  return n.text.slice(from, to);
}

/** For `accept`: false when the harm verb is sport or banter in its own sentence. */
export function notInPlay(n: Normalised, nStart: number, nEnd: number): boolean {
  const verb = n.text.slice(nStart, nEnd);
  const sport = SPORT_VERBS.test(verb);
  const banter = BANTER_VERBS.test(verb);
  if ((!sport && !banter) || UNDONE.test(n.text)) return true;
  // The match may be named a sentence or two before ("Five-a-side tonight: planning vs highways.
  // We'll slaughter you."), so the game is looked for in the text just around the verb; the
  // laugh may close the next sentence ("… late for the quiz again! Table booked for 7.30 😂").
  if (sport && COMPETITION.test(n.text.slice(Math.max(0, nStart - 160), nEnd + 80))) return false;
  return !(banter && (LAUGHTER.test(sentenceOf(n, nStart, nEnd)) || LAUGHTER.test(n.text.slice(nEnd, nEnd + 80))));
}
