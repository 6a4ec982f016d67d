import type { Category } from './verdict.ts';

/**
 * How a listed word counts:
 * - `swear`: profanity on its own; never abuse by itself ("this fucking pothole").
 * - `insult`: abuse when aimed at someone ("you twat", "councillors are wankers"), else profanity.
 * - `mild`: ordinary words that insult only when aimed at someone; otherwise ignored.
 * - `slur`: identity slur; abuse when aimed at someone or a group, profanity otherwise
 *   (weak slurs with everyday homonyms, e.g. "fags" = cigarettes, "hoe" = garden tool).
 * - `hard_slur`: abuse wherever it appears as a whole word.
 */
export type Strength = 'swear' | 'insult' | 'mild' | 'slur' | 'hard_slur';

export interface LexEntry {
  category: Category;
  strength: Strength;
}

// Mild British words (bloody, damn, crap, hell, sod) are left out on purpose: flagging them
// would bury officers in angry-but-fair complaints about potholes.
const SWEARS = `fuck fucks fucking fuckin fucked fecking feck shit shits shitty shite shitting bullshit
  bollocks piss pissing goddamn motherfucking`;
const INSULTS = `twat twats twatting cunt cunts dickhead dickheads prick pricks wanker wankers bellend bellends tosser tossers
  knobhead knobheads arsehole arseholes asshole assholes bastard bastards bitch bitches bitchy slag slags whore whores
  slut sluts scumbag scumbags scum pillock pillocks douche douchebag
  shithead shitheads dumbass dumbasses jackass motherfucker motherfuckers fucker fuckers fuckwit fuckwits cockwomble
  nonce nonces paedo paedos pedo pedos thot thots skank skanks retard retards spastic spaz gobshite dipshit dumbfuck
  dickface twatface shitbag hoe hoes pussy pussies ass`;
// Everyday words too (a dog, a door knob, a garden hoe, "idiot" in fair criticism): only count when aimed at someone.
const MILD = `dick dicks cock cocks knob twit idiot idiots moron morons cretin cretins imbecile imbeciles numpty plonker
  mong mongs retarded bimbo wench`;
const SLURS = `fag fags dyke dykes coon coons queers homo homos poof poofs poofter poofters nigga niggas niggaz bender benders`;
const HARD_SLURS = `nigger niggers faggot faggots tranny trannies shemale shemales paki pakis chink chinks spic spics kike kikes
  wog wogs gook gooks raghead ragheads towelhead towelheads gyppo gyppos pikey pikeys kaffir wetback wetbacks beaner beaners
  muzzie muzzies rapefugee rapefugees golliwog golliwogs yid yids sandnigger sandniggers jihadis lezza lesbo lesbos
  camel-jockey dindu`;
const SEXUAL = `blowjob blowjobs cumshot titties dildo nudes wank wanking jizz`;

function add(map: Map<string, LexEntry>, words: string, category: Category, strength: Strength): void {
  for (const w of words.split(/\s+/)) if (w) map.set(w, { category, strength });
}

export const LEXICON: ReadonlyMap<string, LexEntry> = (() => {
  const m = new Map<string, LexEntry>();
  add(m, SWEARS, 'profanity', 'swear');
  add(m, INSULTS, 'insult', 'insult');
  add(m, MILD, 'insult', 'mild');
  add(m, SEXUAL, 'sexual', 'insult');
  add(m, SLURS, 'hate', 'slur');
  add(m, HARD_SLURS, 'hate', 'hard_slur');
  return m;
})();

/** Words the normaliser should aim for when undoing repeats and spacing. */
export const LEXICON_WORDS: readonly string[] = [...LEXICON.keys()];

/** Groups people are attacked for being: the targets of hate rules and group threats. */
export const IDENTITY_GROUPS = `women woman girls men trans transgender gay gays lesbians lesbian bisexual homosexuals queer
  black blacks muslims muslim islam jews jew jewish immigrants immigrant migrants migrant refugees refugee asylum
  foreigners foreigner disabled cripples gypsies gypsy travellers traveller pakistanis asians asian chinese indians
  africans arabs arab christians catholics hindus sikhs poles romanians polish romanian mexicans people`;
