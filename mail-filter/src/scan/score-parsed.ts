import type { ParsedMessage } from './parse.ts';
import { reviewVerdict, scoreMessage, type Severity, type Verdict } from './classify.ts';

/** Worst first. Review outranks profanity: an unreadable attached message may hide anything. */
const RANK: Severity[] = ['threat_to_life', 'threat', 'abuse', 'review', 'profanity', 'clean'];

/** Why an attached message could not be read that might hide a threat (not just "no text"). */
const HIDING = /^(PARSE_FAILED|MALFORMED_MIME|ENCRYPTED|UNDECODABLE_TEXT|NESTED_TOO_DEEP)/;

const worst = (verdicts: Verdict[]): Verdict => verdicts.reduce((a, b) => (RANK.indexOf(b.severity) < RANK.indexOf(a.severity) ? b : a));

/** Every message attached at any depth, outermost first. */
const attachedOf = (p: ParsedMessage): ParsedMessage[] => p.attached.flatMap((a) => [a, ...attachedOf(a)]);

/**
 * Scores a parsed message together with the messages attached to it (a threat forwarded
 * under a clean covering note is still a threat). The worst verdict wins; an attached
 * message's verdict carries its own text as `bodyText`, the text its evidence offsets refer
 * to. Attached messages with nothing to read (empty, images only) add nothing; ones that
 * cannot be read (encrypted, broken, nested too deep, no charset makes sense) mean review.
 * With no attachments this is exactly `scoreMessage`.
 */
export function scoreParsed(parsed: ParsedMessage): Verdict {
  if (parsed.unreadable) return reviewVerdict(parsed.unreadable);
  const outer = scoreMessage(parsed);
  const scored: Verdict[] = [];
  const doubts: Verdict[] = [];
  for (const a of attachedOf(parsed)) {
    if (a.unreadable) {
      if (HIDING.test(a.unreadable)) doubts.push(reviewVerdict(`ATTACHED_MESSAGE_${a.unreadable}`.slice(0, 200)));
      continue;
    }
    const v = scoreMessage(a);
    if (v.severity === 'review') continue;
    scored.push(v.bodyText === undefined ? { ...v, bodyText: a.text } : v);
  }
  // An empty covering note is no reason for review when the attached message could be read.
  const outerCounts = outer.severity !== 'review' || scored.length === 0;
  return worst([...(outerCounts ? [outer] : []), ...scored, ...doubts]);
}
