/** An email body cut into what the sender wrote, what they quoted and their signature. */
export interface EmailParts {
  /**
   * The body with quoted and signature characters replaced by spaces (newlines kept), so it
   * has the same length as the input and offsets found in it point into the original body.
   */
  own: string;
  quoted: string;
  signature: string;
  /** The body with everything but the signature replaced by spaces, like `own`. */
  signed: string;
}

const REPLY_HEADER = /^\s*On\b.{0,300}\bwrote:\s*$/;
const REPLY_HEADER_START = /^\s*On\b.{0,200}$/;
const WROTE_END = /\bwrote:\s*$/;
const FORWARD = /^\s*-{2,}\s*(?:Original Message|Forwarded message)\s*-{2,}\s*$/i;
const OUTLOOK_FROM = /^\s*\*?From:\*?\s+\S/;
const OUTLOOK_META = /^\s*\*?(?:Sent|Date|To|Subject):\*?\s/;
const OUTLOOK_RULE = /^\s*_{10,}\s*$/;
const SIG_DELIMITER = /^-- ?$/;
const DEVICE = /^\s*(?:Sent from my \w+|Sent from (?:Outlook|Mail|Yahoo Mail|Gmail)|Get Outlook for \w+|Sent via \w+)/i;
const SIGN_OFF =
  /^\s*(?:kind regards|regards|best regards|warm regards|warmest regards|best wishes|many thanks|thanks|thank you|thanks again|cheers|yours sincerely|yours faithfully|yours truly|sincerely|best|all the best|respectfully|yours)[,.!]?\s*$/i;
const SIGNATURE_MAX_LINES = 8;

interface Line {
  text: string;
  start: number;
  end: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const part of text.split('\n')) {
    out.push({ text: part, start: at, end: at + part.length });
    at += part.length + 1;
  }
  return out;
}

/** Index of the first line of a quoted reply block (everything after it is quoted), or -1. */
function findReplyBlock(ls: Line[]): number {
  for (let i = 0; i < ls.length; i++) {
    const t = ls[i]!.text;
    if (REPLY_HEADER.test(t) || FORWARD.test(t)) return i;
    if (REPLY_HEADER_START.test(t) && ls[i + 1] && WROTE_END.test(ls[i + 1]!.text) && !WROTE_END.test(t)) return i;
    if (OUTLOOK_FROM.test(t) || (OUTLOOK_RULE.test(t) && ls[i + 1] && OUTLOOK_FROM.test(ls[i + 1]!.text))) {
      const window = ls.slice(i + 1, i + 6).map((l) => l.text);
      if (window.some((w) => OUTLOOK_META.test(w))) return i;
    }
  }
  return -1;
}

function findSignature(ls: Line[], until: number): number {
  for (let i = 0; i < until; i++) if (SIG_DELIMITER.test(ls[i]!.text) || DEVICE.test(ls[i]!.text)) return i;
  for (let i = 0; i < until; i++) {
    if (!SIGN_OFF.test(ls[i]!.text)) continue;
    const rest = ls.slice(i + 1, until).filter((l) => l.text.trim() !== '').length;
    if (rest <= SIGNATURE_MAX_LINES) return i;
  }
  return -1;
}

/**
 * Separate the sender's own words from quoted replies ("> " lines, "On … wrote:", Outlook
 * "From: … Sent: …" blocks) and the signature ("-- ", "Sent from my iPhone", a sign-off near
 * the end). A councillor's own words quoted back must not make a reply look abusive, and a
 * signature must not either; both are kept so the record stays complete.
 *
 * @example splitEmail('Fix it.\n\nOn Mon, Cllr Smith wrote:\n> Thanks').quoted // 'On Mon, Cllr Smith wrote:\n> Thanks'
 */
export function splitEmail(body: string): EmailParts {
  const text = body.replace(/\r\n?/g, (m) => (m.length === 2 ? ' \n' : '\n'));
  const ls = lines(text);
  const reply = findReplyBlock(ls);
  const ownUntil = reply === -1 ? ls.length : reply;
  const sig = findSignature(ls, ownUntil);
  const quotedParts: string[] = [];
  const sigParts: string[] = [];
  const signed: string[] = [];
  const own = ls.map((l, i) => {
    const inReply = reply !== -1 && i >= reply;
    const inSig = sig !== -1 && i >= sig && i < ownUntil;
    const isQuoteLine = /^\s*>/.test(l.text);
    const blank = ' '.repeat(l.text.length);
    signed.push(inSig && !inReply && !isQuoteLine ? l.text : blank);
    if (inReply || isQuoteLine) quotedParts.push(l.text);
    else if (inSig) sigParts.push(l.text);
    else return l.text;
    return blank;
  });
  return { own: own.join('\n'), quoted: quotedParts.join('\n').trim(), signature: sigParts.join('\n').trim(), signed: signed.join('\n') };
}
