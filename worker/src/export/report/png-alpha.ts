import { PDFArray, PDFName, type PDFDocument, type PDFRef } from 'pdf-lib';
import { DeflateSink } from './deflate.ts';
import { joinIdat, readRows, unfilter, type PngRows } from './png-rows.ts';

/** An 8-bit PNG with an alpha channel: grey + alpha (2 channels) or RGBA (4). */
export interface AlphaPng extends PngRows {
  width: number;
  /** 2 (grey + alpha) or 4 (RGBA). */
  channels: number;
}

/**
 * Embeds an 8-bit PNG with an alpha channel (what a browser's screenshot is) without
 * re-encoding its colour. The IDAT bytes are copied as they are, read by the viewer through the
 * PNG predictor as grey + alpha or RGBA samples, under a DeviceN colour space whose tint
 * transform (a PostScript function that pops the last component) drops the alpha on the way to
 * DeviceGray or DeviceRGB. The alpha channel alone is un-filtered here, to see whether it is
 * fully opaque (it nearly always is); a soft mask is compressed only from the first row that
 * is not, with the opaque rows above it filled in.
 */
export async function embedWithAlpha(doc: PDFDocument, png: AlphaPng): Promise<PDFRef> {
  const { width, height, channels } = png;
  const context = doc.context;
  let alpha = new Uint8Array(width);
  let above = new Uint8Array(width);
  let mask: DeflateSink | null = null;
  let y = 0;
  await readRows(
    png,
    (filter, row) => {
      for (let x = 0, i = channels - 1; x < width; x++, i += channels) alpha[x] = row[i]!;
      // PNG filters each byte against the same channel of its neighbours: alone, it is 1 byte per pixel.
      unfilter(filter, alpha, above, 1);
      if (!mask && !opaque(alpha)) {
        mask = new DeflateSink();
        const opaqueRow = new Uint8Array(width).fill(255);
        for (let k = 0; k < y; k++) mask.add(opaqueRow);
      }
      mask?.add(alpha);
      [alpha, above] = [above, alpha];
      y++;
    },
    async () => mask?.flush(),
  );

  const base = { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8 };
  const found = mask as DeflateSink | null;
  const smask = found ? context.register(context.stream(await found.finish(), { ...base, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' })) : undefined;
  const stream = context.stream(joinIdat(png.idat), {
    ...base,
    ColorSpace: dropAlphaSpace(doc, channels === 2 ? 'DeviceGray' : 'DeviceRGB'),
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: channels, BitsPerComponent: 8, Columns: width },
    ...(smask ? { SMask: smask } : {}),
  });
  return context.register(stream);
}

function opaque(alpha: Uint8Array): boolean {
  for (let x = 0; x < alpha.length; x++) if (alpha[x] !== 255) return false;
  return true;
}

/**
 * [/DeviceN [colour names… /None] base {pop}]: samples of the base space's components plus a
 * last one that never marks the page. The colour names are our own, not the device's process
 * colorants, so a viewer always paints through the tint transform.
 */
function dropAlphaSpace(doc: PDFDocument, base: 'DeviceGray' | 'DeviceRGB'): PDFArray {
  const names = base === 'DeviceGray' ? ['ImageGray'] : ['ImageRed', 'ImageGreen', 'ImageBlue'];
  const unit = (n: number) => Array.from({ length: n }, () => [0, 1]).flat();
  const tint = doc.context.register(doc.context.stream('{pop}', { FunctionType: 4, Domain: unit(names.length + 1), Range: unit(names.length) }));
  return doc.context.obj([PDFName.of('DeviceN'), [...names, 'None'].map((n) => PDFName.of(n)), PDFName.of(base), tint]);
}
