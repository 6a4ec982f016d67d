import type { TemplateKey } from './built-in.ts';

/** One saved version of a council's reply template (version 1 is Wardguard's wording). */
export interface TemplateVersionView {
  key: TemplateKey;
  version: number;
  name: string;
  subject: string;
  body: string;
  /** Null for the built-in wording. */
  createdBy: string | null;
  createdAt: string;
}
