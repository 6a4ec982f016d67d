import type { PackIndexEntry } from '@wardguard/shared';
import { byteSize, thousands, utc } from './format.ts';
import type { ReportEmailNotes, ReportInput, ReportMailDecision } from './types.ts';
import { ALERT, GREY, LABEL_WIDTH, type ReportWriter } from './writer.ts';

export const EMAIL_BUDGET_BYTES = 48 * 1024 * 1024;
/** Parsing a message holds it, its decoded parts and attachments in memory at once. */
export const EMAIL_MAX_BYTES = 8 * 1024 * 1024;
export const EMAIL_TEXT_BUDGET_CHARS = 1_500_000;
/** About five pages: the wording of almost any message, and a bound on one hostile one. */
export const EMAIL_TEXT_CHARS = 30_000;
/** Printed even past the text budget, so no email in the report is without its opening words. */
const EMAIL_EXCERPT_CHARS = 2_000;
const DECISIONS_SHOWN = 50;

export type ExhibitEmailText = { printed: true; text: string; fromHtml: boolean; maxChars: number; path: string } | { printed: false; note: string };

const emlFile = (entry: PackIndexEntry) => entry.files.find((f) => f.mediaType === 'message/rfc822' || f.name.toLowerCase().endsWith('.eml'));

/**
 * Reads each email exhibit's text while the parse budget lasts, as the image printer does for
 * screenshots: one message in memory at a time, and past the budget the page names the file.
 */
export function createEmailReader(loadEmailText: ReportInput['loadEmailText'], budgetBytes = EMAIL_BUDGET_BYTES, budgetChars = EMAIL_TEXT_BUDGET_CHARS) {
  let usedBytes = 0;
  let usedChars = 0;

  async function forExhibit(entry: PackIndexEntry): Promise<ExhibitEmailText | null> {
    const file = entry.kind === 'email' ? emlFile(entry) : undefined;
    if (!file) return null;
    if (file.size > EMAIL_MAX_BYTES)
      return { printed: false, note: `Text not printed: the message is larger than 8 MB (${byteSize(file.size)}); see ${file.path}.` };
    if (usedBytes + file.size > budgetBytes) return { printed: false, note: `Text not printed to keep the report small; see ${file.path}.` };
    usedBytes += file.size;
    let loaded: Awaited<ReturnType<ReportInput['loadEmailText']>>;
    try {
      loaded = await loadEmailText(entry);
    } catch {
      return { printed: false, note: `The text could not be read for printing; see ${file.path}.` };
    }
    if (!loaded) return null;
    const maxChars = Math.max(EMAIL_EXCERPT_CHARS, Math.min(EMAIL_TEXT_CHARS, budgetChars - usedChars));
    usedChars += Math.min(loaded.text.length, maxChars);
    return { printed: true, text: loaded.text, fromHtml: loaded.fromHtml, maxChars, path: file.path };
  }

  return { forExhibit };
}

function section(w: ReportWriter, title: string): void {
  w.gap(5);
  w.ensure(40);
  w.line(title, { font: 'bold', size: 10 });
  w.gap(1);
}

/** The message's own words, wrapped and carried over as many pages as they need. */
export function writeEmailText(w: ReportWriter, body: ExhibitEmailText): void {
  section(w, 'Text of the email');
  if (!body.printed) {
    w.paragraph(body.note, { font: 'italic', size: 8.5, color: ALERT, maxChars: 1500 });
    return;
  }
  w.paragraph(
    body.fromHtml
      ? `The message has no plain-text part: this is its HTML part converted from the HTML to text (images and link targets left out). ${body.path} is the original.`
      : `As decoded from ${body.path}, the original.`,
    { size: 7.5, color: GREY, maxChars: 600 },
  );
  w.gap(2);
  if (body.text.trim() === '') w.paragraph('(The message has no text.)', { font: 'italic', size: 9, color: GREY });
  else w.paragraph(body.text, { size: 9, maxChars: body.maxChars });
}

const DECIDED: Record<string, string> = {
  release: "Released to the councillor's inbox",
  keep: 'Kept in quarantine',
  not_abuse: 'Marked as not abuse and released',
};

function label(d: ReportMailDecision): string {
  if (d.action === 'mail_decided') return (d.decision && DECIDED[d.decision]) ?? `Decided: ${d.decision ?? 'unknown'}`;
  if (d.action === 'mail_escalated') return 'Escalated to the police';
  if (d.action === 'alert_acknowledged') return 'Threat alert acknowledged';
  return d.action;
}

/** The referral to the police and every officer's decision on the message, as the custody log records them. */
export function writeEmailNotes(w: ReportWriter, notes: ReportEmailNotes): void {
  if (notes.escalation) {
    const e = notes.escalation;
    section(w, 'Escalation to the police');
    w.field('Police reference', e.policeReference ?? 'none given at the time', { maxChars: 200 });
    w.field('Escalated', `${utc(e.at) ?? '-'} by ${e.by}`, { maxChars: 400 });
    w.field('Note', e.note, { maxChars: 2000 });
  }
  if (notes.decisions.length === 0) return;
  section(w, "Officers' decisions on this message");
  for (const d of notes.decisions.slice(0, DECISIONS_SHOWN)) {
    w.ensure(24);
    w.paragraph(`${utc(d.at) ?? '-'}  ${label(d)} by ${d.by}`, { size: 8.5, maxChars: 500 });
    if (d.reason) w.paragraph(`Reason: ${d.reason}`, { size: 8.5, indent: 16, maxChars: 2000 });
    // The escalation's note is already printed in full just above.
    const repeated = d.action === 'mail_escalated' && d.note === notes.escalation?.note;
    if (d.note && !repeated) w.paragraph(`Note: ${d.note}`, { size: 8.5, indent: 16, maxChars: 2000 });
  }
  const more = notes.decisions.length - DECISIONS_SHOWN;
  if (more > 0) w.paragraph(`... and ${thousands(more)} more (see custody/custody.jsonl)`, { size: 8, indent: LABEL_WIDTH, color: GREY });
  w.paragraph('From the custody log (custody/custody.jsonl in this pack), where each is a hash-chained event.', { size: 7.5, color: GREY });
}
