import { LEXICON_WORDS, IDENTITY_GROUPS } from './lexicon.ts';

// Words the normaliser aims for when "kiiiill" or "k i l l u" could be read more than one way.
const THREAT_WORDS = `kill die dead death murder stab shoot hang burn bomb rape hurt beat punch knife gun bullet
  you your will going hate scum vile women woman people gay trans black muslims immigrants disabled jews
  cut throat neck slit choke strangle execute lynch noose`;

export const VOCABULARY: ReadonlySet<string> = new Set([
  ...LEXICON_WORDS,
  ...THREAT_WORDS.split(/\s+/).filter(Boolean),
  ...IDENTITY_GROUPS.split(/\s+/).filter(Boolean),
]);
