import { detectAbuse } from './abuse.ts';
import { detectBackoffThreats } from './backoff.ts';
import { dedupeHits, severityOf } from './combine.ts';
import { judgeSymbolsOnly } from './emoji.ts';
import type { Hit } from './hit.ts';
import { originalPhrase } from './hit.ts';
import { htmlToText } from './html-text.ts';
import { isHostile } from './hostile.ts';
import { IDENTITY_GROUPS } from './lexicon.ts';
import type { LinearModel } from './model.ts';
import { defaultModel } from './model.ts';
import { normalise } from './normalise.ts';
import type { Normalised, Token } from './normalise.ts';
import { splitEmail } from './split-email.ts';
import { detectThreats } from './threat.ts';
import type { Category, Evidence, Verdict } from './verdict.ts';
import { emptyScores } from './verdict.ts';
import { VOCABULARY } from './vocabulary.ts';
import { memoByWord } from './word-ids.ts';

export const CLASSIFIER_VERSION = '1.0.0';

/** Version string stamped on verdicts: rules version + model version. */
export function classifierVersion(model: LinearModel | null = defaultModel()): string {
  return `${CLASSIFIER_VERSION}+${model ? model.version : 'rules'}`;
}

export interface ClassifyInput {
  subject?: string;
  body: string;
  html?: string;
}

export interface ClassifyOptions {
  /** Swap the shipped model (tests, experiments). `null` runs rules only. */
  model?: LinearModel | null;
  /** Treat the body as a whole email: strip quoted replies and signature before scoring. Default true. */
  email?: boolean;
}

const GROUP_WORDS = new Set(IDENTITY_GROUPS.split(/\s+/).filter((w) => w && w !== 'people'));
// Words that point a sentence at a person.
const ADDRESSED = new Set(`you u ya your ur youre you're yourself yourselves he she him her`.split(' '));
const ARMOURED = /-----BEGIN (?:PGP|SMIME|ENCRYPTED)|^Content-Type: application\/(?:pkcs7|pgp)/m;

type Field = 'subject' | 'body';
interface FieldResult {
  field: Field;
  n: Normalised;
  hits: Hit[];
}

/**
 * Decide how dangerous a message is and say why. Rules find threats, slurs and insults
 * (every flag names the phrase and rule); a small learned model adds identity-based hate and
 * insults the rules miss. Offsets in evidence point into `input.subject` / `input.body`
 * (or `verdict.bodyText` when the body came from HTML).
 *
 * @example classify({ body: "I know where you live" }).severity // 'threat'
 */
export function classify(input: ClassifyInput, options: ClassifyOptions = {}): Verdict {
  const model = options.model === undefined ? defaultModel() : options.model;
  const version = classifierVersion(model);
  let body = typeof input.body === 'string' ? input.body : '';
  let bodyText: string | undefined;
  if (body.trim() === '' && typeof input.html === 'string' && input.html.trim() !== '') {
    bodyText = htmlToText(input.html);
    body = bodyText;
  }
  const parts = options.email === false ? { own: body, quoted: '', signature: '', signed: '' } : splitEmail(body);
  const results: FieldResult[] = [];
  if (input.subject?.trim()) results.push(scoreField('subject', input.subject, model));
  const armoured = ARMOURED.test(body);
  const ownReadable = parts.own.trim() !== '' && !armoured && /\p{L}{2}/u.test(parts.own);
  if (ownReadable) results.push(scoreField('body', parts.own, model));
  // A sign-off alone ("Thank you") is a readable message, and a threat written under the
  // sign-off is still a threat: the signature is scored for threats only.
  const signedReadable = parts.signed.trim() !== '' && !armoured && /\p{L}{2}/u.test(parts.signed);
  if (signedReadable) results.push(threatsOnly(scoreField('body', parts.signed, model)));
  const readable = ownReadable || signedReadable;

  const scores = emptyScores();
  const evidence: Evidence[] = [];
  const categories = new Set<Category>();
  for (const r of results) {
    for (const h of r.hits) {
      categories.add(h.category);
      scores[h.category] = Math.max(scores[h.category], h.score);
      const source = h.rule.startsWith('model') ? 'model' : 'rule';
      evidence.push({ category: h.category, ...originalPhrase(r.n, h), source, rule: h.rule, field: r.field });
    }
  }
  let severity = severityOf(categories);
  let error: string | undefined;
  const symbols = !readable && severity === 'clean' && !ARMOURED.test(body) ? judgeSymbolsOnly(parts.own.trim() ? parts.own : body) : null;
  if (symbols !== null && symbols !== 'clean') {
    const at = body.indexOf(body.trim());
    categories.add(symbols.category);
    scores[symbols.category] = symbols.score;
    evidence.push({
      category: symbols.category,
      phrase: body.trim(),
      start: at,
      end: at + body.trim().length,
      source: 'rule',
      rule: symbols.rule,
      field: 'body',
    });
    severity = severityOf(categories);
  } else if (!readable && severity === 'clean' && symbols === null) {
    severity = 'review';
    error = ARMOURED.test(body) ? 'ENCRYPTED_BODY' : body.trim() === '' ? 'EMPTY_BODY' : 'UNREADABLE_BODY';
  }
  const verdict: Verdict = {
    severity,
    categories: [...categories],
    scores,
    evidence,
    version,
  };
  if (categories.has('self_harm')) verdict.welfare = true;
  if (bodyText !== undefined) verdict.bodyText = bodyText;
  if (parts.quoted || parts.signature) verdict.email = { quoted: parts.quoted, signature: parts.signature };
  if (error) verdict.error = error;
  return verdict;
}

const THREAT_CATEGORIES: ReadonlySet<Category> = new Set(['threat', 'threat_to_life', 'doxxing']);
function threatsOnly(r: FieldResult): FieldResult {
  return { ...r, hits: r.hits.filter((h) => THREAT_CATEGORIES.has(h.category)) };
}

function scoreField(field: Field, text: string, model: LinearModel | null): FieldResult {
  const n = normalise(text, { vocabulary: VOCABULARY });
  const hits = [...detectThreats(n), ...detectAbuse(n)];
  // The back-off only speaks when no threat pattern explained the message already.
  if (!hits.some((h) => h.category === 'threat' || h.category === 'threat_to_life' || h.category === 'self_harm')) {
    hits.push(...detectBackoffThreats(n));
  }
  if (model) hits.push(...modelHits(n, model, hits));
  return { field, n, hits: dedupeHits(hits) };
}

const isAddressed = memoByWord((word) => ADDRESSED.has(word));
const isGroupWord = memoByWord((word) => GROUP_WORDS.has(word));

/**
 * The model scores each sentence; a sentence above the abuse head's threshold becomes hate (if
 * it names an identity group) or insult, and one above the threat head's threshold becomes a
 * threat (`model:threat`). It only adds what the rules did not already explain.
 */
function modelHits(n: Normalised, model: LinearModel, ruleHits: Hit[]): Hit[] {
  const out: Hit[] = [];
  // Hostility may sit in the next sentence ("Women think they're special. I hate them."), so the
  // whole field is checked, once, and only when a sentence names a group.
  let hostile: boolean | undefined;
  for (const [a, b] of sentenceRanges(n.tokens)) {
    // The model looks for abuse and threats aimed at people: skip sentences that address no one
    // and name no group, and sentences that quote someone (quoted abuse is judged by the rules'
    // context checks).
    let addressed = false;
    let group = false;
    for (let k = a; k < b; k++) {
      const t = n.tokens[k]!;
      addressed ||= isAddressed(t);
      group ||= isGroupWord(t);
    }
    if (!addressed && !group) continue;
    const first = n.tokens[a]!;
    const last = n.tokens[b - 1]!;
    const quote = n.text.indexOf('"', first.nStart);
    if (quote !== -1 && quote < last.nEnd) continue;
    // A group word alone is not hostility: a sentence that names a group needs some hostile or
    // negative word in the message before the model alone may call it hate ("Gay people are
    // welcome here" stays clean; "Gay people are a disgrace" does not). See hostile.ts.
    if (group && !(hostile ??= n.tokens.some((t) => isHostile(t)))) continue;
    const sentence = { ...n, tokens: n.tokens.slice(a, b) };
    const overlaps = (h: Hit) => h.nStart < last.nEnd && first.nStart < h.nEnd;
    let p: number;
    if (model.threat && model.predictBoth) {
      const both = model.predictBoth(sentence);
      p = both.abuse;
      // The threat head speaks only where no rule already found a threat (or self-harm: "I want
      // to kill myself" is a welfare flag, not a threat).
      if (
        both.threat >= model.threat.threshold &&
        !ruleHits.some((h) => (h.category === 'threat' || h.category === 'threat_to_life' || h.category === 'self_harm') && overlaps(h))
      ) {
        out.push({ category: 'threat', rule: 'model:threat', nStart: first.nStart, nEnd: last.nEnd, score: Math.round(both.threat * 1000) / 1000 });
      }
    } else {
      p = model.predict(sentence);
    }
    if (p < model.threshold) continue;
    const covered = ruleHits.some((h) => (h.category === 'hate' || h.category === 'insult' || h.category === 'threat_to_life') && overlaps(h));
    if (covered) continue;
    const category: Category = group ? 'hate' : 'insult';
    out.push({ category, rule: 'model:linear', nStart: first.nStart, nEnd: last.nEnd, score: Math.round(p * 1000) / 1000 });
  }
  return out;
}

/** Sentences as [first, end) token ranges: split at sentence starts (3+ words each), at most 60 words. */
export function sentenceRanges(tokens: readonly Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.sentenceStart && i - start >= 3) {
      out.push([start, i]);
      start = i;
    }
    if (i + 1 - start >= 60) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < tokens.length) out.push([start, tokens.length]);
  return out;
}
