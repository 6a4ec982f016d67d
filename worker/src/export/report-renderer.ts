// TEMPORARY until ./report/ lands.
import { PDFDocument } from 'pdf-lib';
import type { ReportInput } from './report-input.ts';
export async function renderReport(input: ReportInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(`Pack ${input.packId}`);
  return doc.save();
}
