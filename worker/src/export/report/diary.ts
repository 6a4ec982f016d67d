import { utc } from './format.ts';
import type { ReportDiaryEntry } from './types.ts';
import { GREY, type ReportWriter } from './writer.ts';

/** The councillor's own contemporaneous account: police packs only (never sent to a platform). */
export function writeDiary(w: ReportWriter, entries: ReportDiaryEntry[]): void {
  w.newPage();
  w.runningHead = "Councillor's diary (continued)";
  w.line("Councillor's diary", { font: 'bold', size: 18 });
  w.paragraph(
    'Written by the councillor at the time: what happened and its effect on them. An edit never overwrites an entry; ' +
      "each is kept as a new version, and every version is in the diary exhibit's file.",
    { size: 8.5, color: GREY },
  );
  w.gap(6);
  for (const entry of entries) {
    w.ensure(70);
    w.rule();
    diaryEntry(w, entry);
    w.gap(4);
  }
  w.runningHead = null;
}

/** One entry: also printed on its own exhibit page. */
export function diaryEntry(w: ReportWriter, entry: ReportDiaryEntry): void {
  w.field('Exhibit', entry.exhibitRef, { font: 'bold' });
  w.field('When it happened', utc(entry.occurredAt));
  w.field('What happened', entry.whatHappened, { maxChars: 6000 });
  w.field('Impact', entry.impact, { maxChars: 6000 });
  const versions = entry.versions === 1 ? '1 version (never edited)' : `${entry.versions} versions; last edited ${utc(entry.editedAt)}`;
  w.field('Edit history', versions);
}
