import type { PackIndexEntry } from '@wardguard/shared';
import { diaryEntry } from './diary.ts';
import { byteSize, inZone, KIND_LABEL, platformName, thousands, utc } from './format.ts';
import { writeEmailNotes, writeEmailText, type ExhibitEmailText } from './emails.ts';
import type { ExhibitImage } from './images.ts';
import type { ReportDiaryEntry, ReportEmailNotes } from './types.ts';
import { ALERT, CONTENT_WIDTH, GREY, LABEL_WIDTH, type ReportWriter } from './writer.ts';

/** A tall screenshot is shown over at most this many pages, shrunk further if it needs more. */
export const MAX_IMAGE_PAGES = 8;
const POST_TEXT_CHARS = 6000;
const RECEIVED_HOPS = 20;

/** What only a police pack prints beside an exhibit's own fields. */
export interface ExhibitExtras {
  /** False in a platform pack: no council attribution of the exhibit to a person. */
  police: boolean;
  diary?: ReportDiaryEntry | undefined;
  emailText?: ExhibitEmailText | null | undefined;
  emailNotes?: ReportEmailNotes | undefined;
}

/** One exhibit from a new page: everything the evidence standard asks for, then its image. */
export function writeExhibit(w: ReportWriter, e: PackIndexEntry, image: ExhibitImage | null, extras: ExhibitExtras): void {
  const { diary, emailText, emailNotes } = extras;
  w.runningHead = null;
  w.newPage();
  w.runningHead = `Exhibit ${e.exhibitRef} (continued)`;
  w.altered = false;
  w.line(e.exhibitRef, { font: 'bold', size: 26 });
  w.paragraph(e.title, { font: 'bold', size: 12, maxChars: 400 });
  w.line([KIND_LABEL[e.kind], platformName(e.platform)].filter(Boolean).join(' on '), { size: 9, color: GREY });
  w.gap(4);

  if (e.kind === 'web_capture' || e.url || e.permalink) {
    section(w, 'Where it was');
    w.field('URL', e.url);
    if (e.canonicalUrl && e.canonicalUrl !== e.url) w.field('Canonical URL', e.canonicalUrl);
    w.field('Permalink', e.permalink);
    w.field('Author profile URL', e.authorProfileUrl);
    if (e.replyTo) w.field('In reply to', e.replyTo);
    section(w, 'Who posted it');
    w.field('Author handle', e.authorHandle);
    w.field('Display name', e.authorDisplayName);
    w.field('Numeric author ID', e.authorId, { font: 'mono' });
    w.field('Post ID', e.postId, { font: 'mono' });
  }
  if (e.perpetrator && extras.police) w.field('Attributed to', `${e.perpetrator.displayName} (the council's record)`);

  if (e.email) {
    section(w, 'Email');
    w.field('From', e.email.from);
    w.field('To', e.email.to.join(', '), { maxChars: 2000 });
    w.field('Date', utc(e.email.date));
    w.field('Subject', e.email.subject, { maxChars: 1000 });
    w.field('Message-ID', e.email.messageId, { font: 'mono', size: 8 });
    // Each hop is cut on its own, so one hostile header cannot push the rest of the chain off the page.
    const hops = e.email.receivedChain;
    w.field('Received chain', hops.length ? `${thousands(hops.length)} Received header(s), in the order they appear:` : null);
    hops.slice(0, RECEIVED_HOPS).forEach((hop, i) => w.paragraph(`${i + 1}. ${hop}`, { size: 8, indent: LABEL_WIDTH, maxChars: 400 }));
    if (hops.length > RECEIVED_HOPS)
      w.paragraph(`... and ${thousands(hops.length - RECEIVED_HOPS)} more Received headers (see message.eml)`, { size: 8, indent: LABEL_WIDTH, color: GREY });
  }

  section(w, 'When');
  if (e.kind === 'web_capture' || e.postTime || e.postTimeText) {
    w.field('Posted (UTC)', utc(e.postTime));
    w.field('Posted (as the page showed it)', e.postTimeText);
  }
  w.field('Captured (UTC)', utc(e.capturedAt));
  w.field('Captured (local time)', inZone(e.capturedAt, e.captureTimeZone));

  section(w, 'How it was captured');
  w.field('Captured by', e.capturedBy);
  w.field('Tool', e.tool);
  w.field('User agent', e.userAgent, { size: 8 });
  w.field('Changes made to the page', e.pageActions.length ? e.pageActions.join('\n') : e.kind === 'web_capture' ? 'none recorded' : null);

  if (e.postText) {
    section(w, 'Text of the post (as read from the page)');
    w.paragraph(e.postText, { size: 9, maxChars: POST_TEXT_CHARS });
  }
  if (emailText) writeEmailText(w, emailText);
  if (emailNotes) writeEmailNotes(w, emailNotes);
  if (diary) {
    section(w, "Councillor's diary entry");
    diaryEntry(w, diary);
  }

  section(w, `Files (${thousands(e.files.length)})`);
  for (const f of e.files) {
    w.ensure(26);
    w.paragraph(`${f.path}    ${byteSize(f.size)}    ${f.mediaType}`, { size: 8.5, maxChars: 600 });
    w.paragraph(`SHA-256 ${f.sha256}`, { font: 'mono', size: 7.5, indent: 10 });
  }

  if (w.altered) {
    w.gap(4);
    w.paragraph(
      "Some text on this page was changed to print it: characters the report's fonts cannot show (emoji, non-Latin scripts, " +
        'control characters) appear as ?, look-alike letters are printed plainly, and direction-changing marks appear as [U+....]. ' +
        'index.json and the original files hold the exact text.',
      { font: 'italic', size: 7.5, color: ALERT },
    );
  }
  if (image) writeImage(w, image);
  w.runningHead = null;
}

function section(w: ReportWriter, title: string): void {
  w.gap(5);
  w.ensure(40);
  w.line(title, { font: 'bold', size: 10 });
  w.gap(1);
}

function writeImage(w: ReportWriter, image: ExhibitImage): void {
  w.gap(6);
  if (!image.printed) {
    w.paragraph(image.note, { font: 'italic', size: 8.5, color: ALERT, maxChars: 1500 });
    return;
  }
  const captionHeight = 26;
  const full = w.pageRoom - captionHeight;
  const scale = Math.min(1, CONTENT_WIDTH / image.width);
  let width = image.width * scale;
  let height = image.height * scale;
  // Shrink rather than leave a sliver on a page of its own (or run past the page limit).
  const pages = Math.min(MAX_IMAGE_PAGES, Math.max(1, Math.ceil(height / full - 0.4)));
  if (height > full * pages) {
    const shrink = (full * pages) / height;
    width *= shrink;
    height *= shrink;
  }
  const caption = `Image: ${image.path} (${image.width} x ${image.height} pixels, scaled to fit${pages > 1 ? `, over ${pages} pages` : ''}; the file is the original)`;
  if (height + captionHeight > w.room) w.newPage();
  w.paragraph(caption, { size: 7.5, color: GREY, maxChars: 600 });
  for (let offset = 0; offset < height - 0.5; ) {
    if (w.room < 24) w.newPage();
    const visible = Math.min(w.room, height - offset);
    w.image(image.ref, width, height, offset, visible);
    offset += visible;
  }
}
