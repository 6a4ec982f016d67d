import { z } from 'zod';

/** What a message was flagged for. `self_harm` is a welfare signal about the sender, never a threat to others. */
export const CATEGORIES = ['threat_to_life', 'threat', 'doxxing', 'harassment', 'hate', 'insult', 'sexual', 'profanity', 'self_harm'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Worst first. `review` means the text could not be read (empty, image-only, encrypted, malformed). */
export const SEVERITIES = ['threat_to_life', 'threat', 'abuse', 'profanity', 'clean', 'review'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const categorySchema = z.enum(CATEGORIES);
export const severitySchema = z.enum(SEVERITIES);

export const evidenceSchema = z.object({
  category: categorySchema,
  /** The original characters (not the normalised form), so an officer sees what was sent. */
  phrase: z.string(),
  /** UTF-16 offsets into the field's text (body: `input.body`, or `bodyText` when it came from HTML). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  source: z.enum(['rule', 'model']),
  rule: z.string().optional(),
  field: z.enum(['subject', 'body']),
});
export type Evidence = z.infer<typeof evidenceSchema>;

const scoresSchema = z.object(Object.fromEntries(CATEGORIES.map((c) => [c, z.number().min(0).max(1)])) as Record<Category, z.ZodNumber>);

export const verdictSchema = z.object({
  severity: severitySchema,
  categories: z.array(categorySchema),
  scores: scoresSchema,
  evidence: z.array(evidenceSchema),
  version: z.string(),
  /** True when the sender may be at risk of self-harm: route to a welfare contact, not the police. */
  welfare: z.boolean().optional(),
  /** Text the body offsets refer to when the message was HTML-only. */
  bodyText: z.string().optional(),
  /** Quoted replies and signature, kept for the record but not scored. */
  email: z.object({ quoted: z.string(), signature: z.string() }).optional(),
  /** Why the verdict is `review` (e.g. EMPTY_INPUT, MALFORMED_LINE). */
  error: z.string().optional(),
});
export type Verdict = z.infer<typeof verdictSchema>;

export function emptyScores(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
}
