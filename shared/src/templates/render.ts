import { WardguardError } from '../errors.ts';
import { isTemplateVariable, type TemplateVariable } from './variables.ts';

export interface ReplyTemplateText {
  subject: string;
  body: string;
}
export interface RenderedReply {
  subject: string;
  text: string;
  html: string;
}
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const MAX_VALUE_LENGTH = 500;

/** The variables a template uses; throws UNKNOWN_TEMPLATE_VARIABLE for any it may not. */
export function templateVariables(t: ReplyTemplateText): TemplateVariable[] {
  const found = new Set<TemplateVariable>();
  for (const part of [t.subject, t.body]) {
    for (const m of part.matchAll(PLACEHOLDER)) {
      const name = m[1]!;
      if (!isTemplateVariable(name)) {
        throw new WardguardError('UNKNOWN_TEMPLATE_VARIABLE', `{{${name.slice(0, 40)}}} is not a template variable.`, { variable: name });
      }
      found.add(name);
    }
  }
  const stray = /\{\{|\}\}/.exec([t.subject, t.body].join('\n').replace(PLACEHOLDER, ''));
  if (stray) throw new WardguardError('MALFORMED_TEMPLATE', 'A "{{" or "}}" in the template is not part of a variable.');
  return [...found];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function valueFor(name: TemplateVariable, values: TemplateValues, where: 'subject' | 'body'): string {
  const v = values[name];
  if (v === undefined || v.trim() === '') {
    throw new WardguardError('MISSING_TEMPLATE_VALUE', `The template needs a value for {{${name}}}.`, { variable: name });
  }
  if (v.length > MAX_VALUE_LENGTH) throw new WardguardError('TEMPLATE_VALUE_TOO_LONG', `{{${name}}} is longer than ${MAX_VALUE_LENGTH} characters.`);
  // A line break in a subject would start a new header (header injection).
  if (where === 'subject' && /[\r\n]/.test(v)) throw new WardguardError('TEMPLATE_VALUE_INVALID', `{{${name}}} cannot contain a line break in the subject.`);
  return v.trim();
}

/**
 * Renders a reply for both MIME parts. Unknown or missing variables are errors, never
 * blanks; values are inserted as plain text in the text part and HTML-escaped in the
 * HTML part, so a sender's name cannot inject markup into the council's email.
 */
export function renderReply(t: ReplyTemplateText, values: TemplateValues): RenderedReply {
  templateVariables(t);
  const fill = (s: string, where: 'subject' | 'body', encode: (v: string) => string) =>
    s.replace(PLACEHOLDER, (_, name: string) => encode(valueFor(name as TemplateVariable, values, where)));
  const subject = fill(t.subject, 'subject', (v) => v)
    .replace(/\s+/g, ' ')
    .trim();
  const text = fill(t.body, 'body', (v) => v).replace(/\r\n?/g, '\n');
  const paragraphs = t.body
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => `<p>${fill(escapeHtml(p), 'body', escapeHtml).replace(/\n/g, '<br>')}</p>`);
  const html = `<!doctype html><html><body>${paragraphs.join('\n')}</body></html>`;
  return { subject, text, html };
}
