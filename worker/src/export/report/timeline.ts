import type { PackIndexEntry } from '@wardguard/shared';
import { incidentTime, KIND_LABEL, platformName, thousands, utc } from './format.ts';
import type { ReportInput } from './types.ts';
import { ALERT, GREY, type ReportWriter } from './writer.ts';

/** Two incidents by the same person can be a course of conduct (PHA 1997); as on the dashboard. */
export const COURSE_OF_CONDUCT_MIN = 2;

export interface TimelineGroup {
  title: string;
  /** Aliases, handles, addresses: how the reader recognises this person elsewhere. */
  details: string[];
  entries: PackIndexEntry[];
  /** Entries that are incidents (a diary entry describes one, it is not one). */
  incidents: number;
  attributed: boolean;
}

/**
 * Exhibits grouped by who is behind them, each group in timeline order, groups in order of
 * their first incident and the unattributed last. A police pack groups by the council's
 * perpetrator records; a platform pack carries none of those, so it groups by the platform's
 * own account (numeric ID, else handle), which is what a trust-and-safety team acts on.
 */
export function groupTimeline(input: Pick<ReportInput, 'variant' | 'exhibits' | 'perpetrators'>): TimelineGroup[] {
  const people = new Map(input.perpetrators.map((p) => [p.id, p]));
  const groups = new Map<string, TimelineGroup>();
  const rest: TimelineGroup = { title: '', details: [], entries: [], incidents: 0, attributed: false };
  for (const e of input.exhibits) {
    const key = groupKey(e, input.variant);
    let group = key ? groups.get(key) : rest;
    if (!group) {
      group = key!.startsWith('p:') ? personGroup(e, people.get(e.perpetrator!.id)) : accountGroup(e);
      groups.set(key!, group);
    }
    group.entries.push(e);
    if (e.kind !== 'diary') group.incidents++;
  }
  rest.title = input.variant === 'police' ? 'Not yet attributed to a person' : 'Account not identified';
  return rest.entries.length ? [...groups.values(), rest] : [...groups.values()];
}

function groupKey(e: PackIndexEntry, variant: ReportInput['variant']): string | null {
  if (variant === 'police') return e.perpetrator ? `p:${e.perpetrator.id}` : null;
  const account = e.authorId ?? e.authorHandle;
  return account ? `a:${e.platform ?? ''}:${account}` : null;
}

function personGroup(e: PackIndexEntry, p: ReportInput['perpetrators'][number] | undefined): TimelineGroup {
  const details = p
    ? [
        p.aliases.length ? `Also known as: ${p.aliases.join(', ')}` : '',
        p.handles.length ? `Accounts: ${p.handles.join(', ')}` : '',
        p.emails.length ? `Email addresses: ${p.emails.join(', ')}` : '',
      ].filter(Boolean)
    : [];
  return { title: p?.displayName ?? e.perpetrator!.displayName, details, entries: [], incidents: 0, attributed: true };
}

function accountGroup(e: PackIndexEntry): TimelineGroup {
  const title = [e.authorHandle, e.authorDisplayName && `(${e.authorDisplayName})`].filter(Boolean).join(' ') || `Account ${e.authorId}`;
  const details = [e.authorId ? `Numeric account ID: ${e.authorId}` : '', e.authorProfileUrl ? `Profile: ${e.authorProfileUrl}` : ''].filter(Boolean);
  return { title, details, entries: [], incidents: 0, attributed: true };
}

export function writeTimeline(w: ReportWriter, input: ReportInput): void {
  const police = input.variant === 'police';
  const groups = groupTimeline(input);
  w.newPage();
  w.runningHead = 'Timeline (continued)';
  w.line('Timeline', { font: 'bold', size: 18 });
  const people = groups.filter((g) => g.attributed).length;
  w.paragraph(
    `${thousands(input.exhibits.length)} exhibit(s) in the order they happened (posted or sent; else captured), grouped by ` +
      `${police ? 'the person the council attributes them to' : 'the account that posted them'}: ${thousands(people)} ${police ? 'person(s)' : 'account(s)'}.`,
    { size: 8.5, color: GREY },
  );
  w.gap(6);
  if (groups.length === 0) w.paragraph('This pack has no exhibits.');
  for (const g of groups) {
    w.ensure(60);
    w.rule();
    w.paragraph(g.title, { font: 'bold', size: 11, maxChars: 200 });
    for (const d of g.details) w.paragraph(d, { size: 8, color: GREY, maxChars: 1500 });
    if (g.attributed && g.incidents >= COURSE_OF_CONDUCT_MIN) {
      w.paragraph(
        police
          ? `Course of conduct: ${thousands(g.incidents)} incidents by the same person. Harassment under the Protection from Harassment Act 1997 needs conduct on at least two occasions.`
          : `Repeated behaviour: ${thousands(g.incidents)} items from the same account.`,
        { font: 'bold', size: 8.5, color: ALERT },
      );
    }
    w.gap(3);
    for (const e of g.entries) timelineEntry(w, e);
  }
  w.runningHead = null;
}

function timelineEntry(w: ReportWriter, e: PackIndexEntry): void {
  w.ensure(34);
  const where = [KIND_LABEL[e.kind], platformName(e.platform)].filter(Boolean).join(', ');
  w.line(`${utc(incidentTime(e))}    ${e.exhibitRef}    ${where}`, { font: 'bold', size: 8.5, indent: 8 });
  w.paragraph(e.title, { size: 8.5, indent: 8, maxChars: 300 });
  const source = e.email ? `From ${e.email.from}: "${e.email.subject}"` : [e.authorHandle, e.permalink ?? e.url].filter(Boolean).join('  ');
  if (source) w.paragraph(source, { size: 7.5, indent: 8, color: GREY, maxChars: 500 });
  w.gap(4);
}
