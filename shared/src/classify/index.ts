export { classify, classifierVersion, CLASSIFIER_VERSION } from './classify.ts';
export type { ClassifyInput, ClassifyOptions } from './classify.ts';
export { splitEmail } from './split-email.ts';
export type { EmailParts } from './split-email.ts';
export { htmlToText } from './html-text.ts';
export { normalise, toOriginalSpan } from './normalise.ts';
export type { Normalised, Token } from './normalise.ts';
export {
  CATEGORIES,
  SEVERITIES,
  categorySchema,
  severitySchema,
  evidenceSchema,
  verdictSchema,
} from './verdict.ts';
export type { Category, Severity, Evidence, Verdict } from './verdict.ts';
