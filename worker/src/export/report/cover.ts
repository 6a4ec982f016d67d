import type { ReportInput } from './types.ts';
import { platformName, thousands, utc } from './format.ts';
import { textWidth } from './fonts.ts';
import { ALERT, CONTENT_WIDTH, GREY, type ReportWriter } from './writer.ts';
import { platformScopeTitle } from '../platform-scope.ts';

/**
 * The offences a reader may want to consider (evidence standard, "per case"). Wardguard does
 * not decide offences: the police pack prints them as empty boxes for the reader to tick.
 */
export const OFFENCES: readonly { title: string; detail: string }[] = [
  {
    title: 'Malicious Communications Act 1988, s.1',
    detail: 'Sending a letter or electronic communication that is indecent or grossly offensive, with intent to cause distress or anxiety.',
  },
  {
    title: 'Communications Act 2003, s.127',
    detail: 'Sending by a public electronic communications network a message that is grossly offensive, indecent, obscene or menacing.',
  },
  {
    title: 'Protection from Harassment Act 1997',
    detail: 'Harassment (s.2), putting people in fear of violence (s.4), stalking (s.2A, s.4A): a course of conduct, on at least two occasions.',
  },
  {
    title: 'Online Safety Act 2023, s.179 (false communications)',
    detail: 'Sending a message the sender knows to be false, intending it to cause non-trivial psychological or physical harm to a likely audience.',
  },
  {
    title: 'Online Safety Act 2023, s.181 (threatening communications)',
    detail: 'Sending a message that threatens death or serious harm, intending or reckless as to whether the recipient fears it will be carried out.',
  },
];

const COMMAND_MIN_SIZE = 6;

const SCOPE_LABEL: Record<ReportInput['scope']['kind'], string> = { case: 'Case', perpetrator: 'Perpetrator', selection: 'Selected exhibits' };

export function writeCover(w: ReportWriter, input: ReportInput): void {
  const police = input.variant === 'police';
  w.newPage();
  w.line(input.council.name, { font: 'bold', size: 13, color: GREY });
  w.gap(4);
  w.line(police ? 'Evidence pack: police' : `Evidence pack: ${platformName(input.platform) ?? 'platform'} trust and safety`, { font: 'bold', size: 24 });
  w.paragraph(police ? `${SCOPE_LABEL[input.scope.kind]}: ${input.scope.title}` : platformScopeTitle(input.platform, input.exhibits.length), {
    font: 'bold',
    size: 13,
    maxChars: 300,
  });
  w.gap(6);
  w.rule();
  if (police) policeFields(w, input);
  else platformFields(w, input);
  w.gap(6);
  targetNote(w, input);
  w.gap(8);
  offences(w, police);
  w.gap(8);
  verification(w, input);
}

function policeFields(w: ReportWriter, input: ReportInput): void {
  if (input.caseInfo) {
    if (input.caseInfo.title !== input.scope.title) w.field('Case', input.caseInfo.title, { maxChars: 300 });
    w.field('Case status', input.caseInfo.status);
    w.field('Police reference', input.caseInfo.policeReference ?? 'none recorded yet');
  }
  commonFields(w, input);
}

/** Worded for a trust-and-safety team: the fields their report forms ask for, nothing internal. */
function platformFields(w: ReportWriter, input: ReportInput): void {
  w.field('Reported by', `${input.createdBy}, ${input.council.name} (a UK local authority)`);
  w.field('On behalf of', input.councillor ? `${input.councillor.name}, an elected member of ${input.council.name}` : 'an elected member of the council');
  w.field(
    'Content reported',
    `${thousands(input.exhibits.length)} item(s) on ${platformName(input.platform) ?? 'your platform'}; each has its own page below with its URL, IDs and times`,
  );
  const accounts = new Map<string, string>();
  for (const e of input.exhibits) {
    const key = e.authorId ?? e.authorHandle;
    if (!key || accounts.has(key)) continue;
    accounts.set(key, [e.authorHandle, e.authorId && `ID ${e.authorId}`, e.authorProfileUrl].filter(Boolean).join(' - '));
  }
  const shown = [...accounts.values()].slice(0, 12);
  const more = accounts.size - shown.length;
  w.field(
    'Reported accounts',
    shown.length ? shown.join('\n') + (more > 0 ? `\n... and ${thousands(more)} more (see the timeline)` : '') : 'not identified on the pages captured',
    { maxChars: 3000 },
  );
  w.field(
    'What we ask',
    `Please review these items under your policies on harassment, threats and the targeting of elected officials, and preserve the content and account data while you do (see preservation/${input.platform ?? '<platform>'}.txt in the pack).`,
  );
  commonFields(w, input);
}

function commonFields(w: ReportWriter, input: ReportInput): void {
  w.field('Pack ID', input.packId, { font: 'mono' });
  w.field('Created', `${utc(input.createdAt)} by ${input.createdBy}`);
  w.field('Prepared for', input.recipient, { maxChars: 300 });
  w.field('Exhibits', thousands(input.exhibits.length));
}

/** A command to type is of no use broken over two lines: shrink it to fit one if that keeps it legible. */
function command(w: ReportWriter, text: string): void {
  const indent = 20;
  const fits = (CONTENT_WIDTH - indent) / textWidth(w.fonts.mono, text, 1);
  w.paragraph(text, { font: 'mono', size: Math.max(COMMAND_MIN_SIZE, Math.min(8, Math.floor(fits * 10) / 10)), indent, maxChars: 400 });
}

function targetNote(w: ReportWriter, input: ReportInput): void {
  const who = input.councillor ? `${input.councillor.name} is` : 'The person targeted is';
  w.paragraph(
    `${who} an elected member of ${input.council.name}: a "person of public prominence" in the terms of the CPS guidance on ` +
      'social media and other electronic communications. Prosecutors weigh both the freedom to criticise people in public life ' +
      'robustly and the public interest in protecting those who serve the public from abuse and threats.',
    { size: 9, maxChars: 800 },
  );
}

function offences(w: ReportWriter, police: boolean): void {
  w.ensure(140);
  w.line(police ? 'Offences for the reader to consider' : 'UK law that may apply (for your legal team)', { font: 'bold', size: 11 });
  w.paragraph('Wardguard and the council do not decide whether any offence was committed; this list is for the reader.', { size: 8, color: GREY });
  w.gap(3);
  for (const o of OFFENCES) {
    if (police) w.checkbox(o.title, o.detail);
    else {
      w.line(o.title, { font: 'bold', size: 9 });
      w.paragraph(o.detail, { size: 8, color: GREY });
      w.gap(3);
    }
  }
}

function verification(w: ReportWriter, input: ReportInput): void {
  w.ensure(150);
  w.line('How to check this pack', { font: 'bold', size: 11 });
  w.paragraph(
    'This report is one file of a signed ZIP. The files under exhibits/ are the originals; where this printed summary and a file ' +
      'differ, the file is the evidence. To check that no file has changed since the council signed the pack, either:',
    { size: 8.5 },
  );
  // The browser page first: it needs nothing installed. npx only with --no-install, because a
  // bare `npx wardguard-verify` would download whatever anyone has published under that name.
  w.paragraph("1. open the council's verify page in a browser (no sign-in needed) and drop the ZIP on it; the file never leaves your computer:", {
    size: 8.5,
    indent: 8,
  });
  w.paragraph(input.verifyUrl, { font: 'mono', size: 8, indent: 20, maxChars: 300 });
  w.paragraph('2. or, where the wardguard-verify command is already installed (a copy of the Wardguard source), run:', { size: 8.5, indent: 8 });
  command(w, `npx --no-install wardguard-verify pack.zip --key ${input.keyUrl}`);
  w.gap(4);
  w.field("Council's public key", input.publicKey.raw, { font: 'mono', size: 8 });
  w.field('Key fingerprint', input.publicKey.fingerprint, { font: 'mono', size: 8 });
  w.field('Key published at', input.keyUrl, { font: 'mono', size: 8, maxChars: 300 });
  w.paragraph('Confirm the fingerprint with the council (by phone or on its website) before relying on the signature.', { size: 8, color: ALERT });
}
