// A realistic councillor's inbox for the mail-filter bench (issue 14): short text mail,
// HTML newsletters, a few large attachments, 5 % abusive of which some are threats and
// threats to life. At 10,000 messages it is ~213 MB, the mix the issue measured.
import { bigAttachment, multipart, textMessage, ABUSE, CLEAN, THREAT, THREAT_TO_LIFE, type Built } from '../../mail-filter/test/messages.ts';

export interface MixCounts {
  messages: number;
  text: number;
  html: number;
  attachments: number;
  abusive: number;
  threats: number;
  threatsToLife: number;
  bytes: number;
  largestBytes: number;
}

const PROSE = [
  'The bins on Orchard Road were not collected again this week and the street smells.',
  'Could you tell me when the planning committee will look at the application for the old mill?',
  'Thank you for coming to the residents meeting on Tuesday, it was good to be heard.',
  'The street lights by the school have been out for a fortnight and parents are worried.',
  'I disagree strongly with the parking charges and I will say so at the next election.',
  'Our allotment association would like to invite you to the open day in June.',
];

const crlf = (lines: string[]) => lines.join('\r\n');
const prose = (i: number, bytes: number) => {
  let out = '';
  for (let k = 0; out.length < bytes; k++) out += `${PROSE[(i + k) % PROSE.length]} `;
  return out.slice(0, bytes);
};

/** ~32 KB: a text part and a table-heavy HTML part, as mailing-list software sends them. */
function newsletter(i: number, lead: string): Built {
  const rows = Array.from(
    { length: 75 },
    (_, r) =>
      `<tr><td style="padding:8px;font-family:Arial,sans-serif;color:#333">${prose(i + r, 180)}</td><td><a href="https://news.example/item/${i}/${r}">Read more</a></td></tr>`,
  ).join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Newsletter ${i}</title></head><body><p>${lead}</p><table width="600" cellpadding="0" cellspacing="0">${rows}</table></body></html>`;
  return multipart(
    [crlf(['Content-Type: text/plain; charset=utf-8', '', `${lead}\r\n\r\n${prose(i, 8_000)}`]), crlf(['Content-Type: text/html; charset=utf-8', '', html])],
    { subject: `Community newsletter ${i}`, contentType: 'multipart/alternative' },
  );
}

/**
 * Builds the mix for `messages` messages and hands each one to `deliver`, in arrival order.
 * Every 20th message is abusive (5 %); of those every 5th a threat and every 10th a threat
 * to life. 32 % are HTML newsletters; 15 in 10,000 (at least one) carry a 2-10 MB attachment,
 * one of them abusive, so a large filing is timed too.
 */
export function buildMix(messages: number, deliver: (raw: string) => void): MixCounts {
  const counts: MixCounts = { messages, text: 0, html: 0, attachments: 0, abusive: 0, threats: 0, threatsToLife: 0, bytes: 0, largestBytes: 0 };
  const attachments = Math.max(1, Math.round((messages * 15) / 10_000));
  const attachmentEvery = Math.floor(messages / attachments);
  for (let i = 0; i < messages; i++) {
    let lead = CLEAN;
    if (i % 20 === 7) {
      const k = Math.floor(i / 20);
      lead = k % 10 === 0 ? THREAT_TO_LIFE : k % 5 === 0 ? THREAT : ABUSE;
      counts.abusive += 1;
      if (lead === THREAT) counts.threats += 1;
      if (lead === THREAT_TO_LIFE) counts.threatsToLife += 1;
    }
    let built: Built;
    if (i % attachmentEvery === attachmentEvery - 1 && counts.attachments < attachments) {
      const size = (2 + ((counts.attachments * 7) % 9)) * 1024 * 1024; // 2-10 MB
      const abusive = counts.attachments === 0;
      if (abusive && lead === CLEAN) counts.abusive += 1;
      built = bigAttachment(Math.round(size * 0.74), `${abusive ? ABUSE : lead}\r\n\r\n${prose(i, 1_500)}`);
      counts.attachments += 1;
    } else if (i % 25 < 8) {
      built = newsletter(i, lead);
      counts.html += 1;
    } else {
      built = textMessage(`${lead}\r\n\r\n${prose(i, 2_400)}`, { subject: `Message ${i}` });
      counts.text += 1;
    }
    counts.bytes += built.raw.length;
    counts.largestBytes = Math.max(counts.largestBytes, built.raw.length);
    deliver(built.raw);
  }
  return counts;
}
