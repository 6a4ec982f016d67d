// The one place the mail filter touches the shared classifier: if its API moves, only
// this file changes.
import { classify } from '@wardguard/shared/classify/index';
import { emptyScores, type Severity, type Verdict } from '@wardguard/shared/classify/verdict';

export type { Severity, Verdict };

export interface ScoreInput {
  subject: string;
  text: string;
  html: string | null;
}

/** Scores a message; a classifier that throws yields `review` (fail closed), never `clean`. */
export function scoreMessage(input: ScoreInput): Verdict {
  try {
    return classify({ subject: input.subject, body: input.text, ...(input.html ? { html: input.html } : {}) });
  } catch (err) {
    return reviewVerdict(`CLASSIFIER_FAILED: ${(err as Error).message}`.slice(0, 200));
  }
}

/** A verdict for mail that could not be read at all (parse failure, image only…). */
export function reviewVerdict(error: string): Verdict {
  return { severity: 'review', categories: [], scores: emptyScores(), evidence: [], version: 'mail-filter', error };
}

const ORDER: Severity[] = ['threat_to_life', 'threat', 'abuse', 'profanity', 'clean'];

/** Whether a verdict is at or above the account's quarantine level; `review` always is. */
export function shouldQuarantine(severity: Severity, quarantineAt: Exclude<Severity, 'clean' | 'review'>): boolean {
  if (severity === 'review') return true;
  return ORDER.indexOf(severity) <= ORDER.indexOf(quarantineAt);
}

export const isThreat = (s: Severity): boolean => s === 'threat' || s === 'threat_to_life';
