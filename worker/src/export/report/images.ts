import { exhibitDir, type PackIndexEntry, type PackIndexFile } from '@wardguard/shared';
import type { PDFDocument, PDFRef } from 'pdf-lib';
import { byteSize } from './format.ts';
import { embedPng, ImageError } from './png.ts';
import { printableLine } from './text.ts';
import type { ReportInput } from './types.ts';

export const IMAGE_BUDGET_BYTES = 24 * 1024 * 1024;
export const IMAGE_MAX_BYTES = 8 * 1024 * 1024;
/**
 * PNG rows are inflated and checked when embedded, so CPU follows pixels, not file size: a
 * well-compressed 1280×2400 screenshot is 14 KB but 3 Mpx. About 30 such pages fit in this.
 */
export const IMAGE_BUDGET_PIXELS = 100_000_000;
const MAX_LABEL = '8 MB';

export type ExhibitImage = { printed: true; ref: PDFRef; width: number; height: number; path: string } | { printed: false; note: string };

const PRINTABLE_TYPES = new Set(['image/png', 'image/jpeg']);
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const startsWith = (b: Uint8Array, magic: number[]) => magic.every((v, i) => b[i] === v);

/**
 * Chooses and embeds at most one image per exhibit while the embedded bytes stay within the
 * budget. A pack of a thousand screenshots would not fit in a Worker's memory, and the files
 * themselves are in the pack anyway: past the budget the page says where to find them.
 */
export function createImagePrinter(
  doc: PDFDocument,
  loadImage: ReportInput['loadImage'],
  budgetBytes = IMAGE_BUDGET_BYTES,
  budgetPixels = IMAGE_BUDGET_PIXELS,
) {
  let usedBytes = 0;
  let usedPixels = 0;

  async function forExhibit(entry: PackIndexEntry): Promise<ExhibitImage | null> {
    const candidates = entry.files.filter((f) => PRINTABLE_TYPES.has(f.mediaType));
    const room = Math.min(budgetBytes - usedBytes, IMAGE_MAX_BYTES);
    // Not even the smallest image could be printed: do not read any of them from storage.
    if (candidates.length > 0 && candidates.every((f) => f.size > room)) {
      return {
        printed: false,
        note: skipNote(
          entry,
          candidates,
          candidates.every((f) => f.size > IMAGE_MAX_BYTES),
        ),
      };
    }
    let loaded: Awaited<ReturnType<ReportInput['loadImage']>>;
    try {
      loaded = await loadImage(entry);
    } catch {
      return {
        printed: false,
        note: `The image could not be read for printing; see ${candidates.length ? candidates.map((f) => f.path).join(', ') : exhibitDir(entry.exhibitRef)}.`,
      };
    }
    if (!loaded) return null;
    const { bytes, mediaType } = loaded;
    const file = candidates.find((f) => f.size === bytes.length && f.mediaType === mediaType) ?? candidates[0];
    const path = file?.path ?? exhibitDir(entry.exhibitRef);
    if (bytes.length > IMAGE_MAX_BYTES)
      return { printed: false, note: `Image not printed: it is larger than ${MAX_LABEL} (${byteSize(bytes.length)}); see ${path}.` };
    const pixels = mediaType === 'image/png' ? pngPixels(bytes) : 0;
    if (usedBytes + bytes.length > budgetBytes || usedPixels + pixels > budgetPixels) {
      return { printed: false, note: `Image not printed to keep the report small; see ${path}.` };
    }
    try {
      const image = await embed(doc, bytes, mediaType);
      usedBytes += bytes.length;
      usedPixels += pixels;
      return { printed: true, ...image, path };
    } catch (err) {
      const why = err instanceof ImageError ? err.message : 'it is not a readable image';
      return { printed: false, note: `Image could not be printed (${printableLine(why, 160).text}); see ${path}.` };
    }
  }

  return { forExhibit };
}
export type ImagePrinter = ReturnType<typeof createImagePrinter>;

/** Width × height from the PNG header (0 when there is no header to read: embedding will say why). */
function pngPixels(bytes: Uint8Array): number {
  if (bytes.length < 24) return 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(16) * view.getUint32(20);
}

async function embed(doc: PDFDocument, bytes: Uint8Array, mediaType: string): Promise<{ ref: PDFRef; width: number; height: number }> {
  // The loader's word and the bytes must agree: a mismatch means the wrong file was handed in.
  if (mediaType === 'image/png') {
    if (!startsWith(bytes, PNG_MAGIC)) throw new ImageError('the file is not a PNG although it is labelled as one');
    return embedPng(doc, bytes);
  }
  if (mediaType === 'image/jpeg') {
    if (!startsWith(bytes, JPEG_MAGIC)) throw new ImageError('the file is not a JPEG although it is labelled as one');
    // pdf-lib copies JPEG data as it is (the reader's viewer decodes it), so this costs no pixels.
    const image = await doc.embedJpg(bytes);
    await image.embed();
    return { ref: image.ref, width: image.width, height: image.height };
  }
  throw new ImageError(`${printableLine(mediaType, 60).text} is not an image type the report can print`);
}

function skipNote(entry: PackIndexEntry, files: PackIndexFile[], tooLarge: boolean): string {
  const where = files.length === 1 ? files[0]!.path : `the image files in ${exhibitDir(entry.exhibitRef)} (${files.map((f) => f.name).join(', ')})`;
  return tooLarge ? `Image not printed: larger than ${MAX_LABEL}; see ${where}.` : `Image not printed to keep the report small; see ${where}.`;
}
