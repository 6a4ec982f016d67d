import { PDFDocument } from 'pdf-lib';
import { writeCover } from './cover.ts';
import { writeDiary } from './diary.ts';
import { writeExhibit } from './exhibit-page.ts';
import { embedReportFonts } from './fonts.ts';
import { createEmailReader } from './emails.ts';
import { createImagePrinter } from './images.ts';
import { writeTimeline } from './timeline.ts';
import type { ReportInput, ReportOptions } from './types.ts';
import { ReportWriter } from './writer.ts';
import { platformScopeTitle } from '../platform-scope.ts';

export type { ReportDiaryEntry, ReportEmailNotes, ReportEmailText, ReportInput, ReportMailDecision, ReportOptions, ReportPerpetrator } from './types.ts';
export { EMAIL_BUDGET_BYTES, EMAIL_MAX_BYTES, EMAIL_TEXT_BUDGET_CHARS, EMAIL_TEXT_CHARS } from './emails.ts';
export { IMAGE_BUDGET_BYTES, IMAGE_BUDGET_PIXELS, IMAGE_MAX_BYTES } from './images.ts';

const META_CHARS = 200;

/**
 * report.pdf: cover sheet, timeline grouped by perpetrator, the councillor's diary (police
 * packs only), then one page or more per exhibit with its image; in a police pack an email's
 * page also carries its text, its escalation to the police and the officers' decisions. Never
 * fails on the content of the evidence: unprintable text is replaced with a note, images and
 * emails that cannot be printed are named instead, and only `imageBudgetBytes` of images and
 * `emailBudgetBytes` of messages are read, so a thousand-exhibit pack fits in a Worker's memory.
 *
 * @example
 * const pdf = await renderReport({ ...pack, exhibits, loadImage: (e) => readScreenshot(e) });
 * zip.add('report.pdf', pdf);
 */
export async function renderReport(input: ReportInput, options: ReportOptions = {}): Promise<Uint8Array> {
  const police = input.variant === 'police';
  // Fixed dates and no pdf-lib default metadata: the same pack renders to the same bytes.
  const doc = await PDFDocument.create({ updateMetadata: false });
  setMetadata(doc, input);
  const writer = new ReportWriter(doc, await embedReportFonts(doc));

  writeCover(writer, input);
  writeTimeline(writer, input);
  if (police && input.diary.length > 0) writeDiary(writer, input.diary);
  await writer.flush();

  const images = createImagePrinter(doc, input.loadImage, options.imageBudgetBytes, options.imageBudgetPixels);
  // A platform pack prints no email text, escalation or decision even if handed them.
  const emails = police ? createEmailReader(input.loadEmailText, options.emailBudgetBytes, options.emailTextBudgetChars) : null;
  const diaryByRef = new Map(police ? input.diary.map((d) => [d.exhibitRef, d]) : []);
  const notesByRef = new Map(police ? input.emails.map((n) => [n.exhibitRef, n]) : []);
  for (const entry of input.exhibits) {
    const image = await images.forExhibit(entry);
    const emailText = emails ? await emails.forExhibit(entry) : null;
    writeExhibit(writer, entry, image, { police, diary: diaryByRef.get(entry.exhibitRef), emailText, emailNotes: notesByRef.get(entry.exhibitRef) });
    await writer.flush();
  }

  await writer.finish(`Wardguard evidence pack ${input.packId} - report.pdf`);
  // Serialised in one pass: pdf-lib's default pause every 50 objects only adds timer round trips.
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY });
}

function setMetadata(doc: PDFDocument, input: ReportInput): void {
  const cut = (s: string) => s.slice(0, META_CHARS);
  // A platform pack names no suspect, not even in the document properties.
  doc.setTitle(
    cut(`Evidence pack ${input.packId}: ${input.variant === 'police' ? input.scope.title : platformScopeTitle(input.platform, input.exhibits.length)}`),
  );
  doc.setAuthor(cut(input.council.name));
  doc.setSubject(input.variant === 'police' ? 'Evidence pack for the police' : cut(`Evidence pack for ${input.platform ?? 'a platform'}`));
  doc.setCreator('Wardguard');
  doc.setProducer('Wardguard (pdf-lib)');
  doc.setLanguage('en-GB');
  const created = new Date(input.createdAt);
  if (!Number.isNaN(created.getTime())) {
    doc.setCreationDate(created);
    doc.setModificationDate(created);
  }
}
