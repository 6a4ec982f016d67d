/**
 * The frame quarantined HTML is shown in: the second line of defence behind the sanitiser, and
 * one that must hold on its own. An empty sandbox (no scripts, no forms, no popups, no
 * navigation of the page, an opaque origin) and a CSP inside the document that forbids every
 * fetch but inline data: images. No DOM here, so a test can build the same frame anywhere.
 */
export const FRAME_ATTRIBUTES = { sandbox: '', referrerpolicy: 'no-referrer' } as const;

/** The iframe's srcdoc: `html` inside a document whose own CSP blocks every remote load. */
export function frameDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"></head><body>${html}</body></html>`;
}
