// Who a reply may go to: exactly one mailbox, written plainly. A From header is the sender's
// own text, so "Troll <a@evil.example,victim@elsewhere.example>" would otherwise make the
// council e-mail someone who never wrote. No comments, quotes, groups, lists or routes: an
// address that needs any of them is refused and the officer is told why.

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const MAILBOX = new RegExp(`^${ATOM}(?:\\.${ATOM})*@${LABEL}(?:\\.${LABEL})+$`);

/**
 * True when `address` is one plain mailbox (local@domain, at most 254 characters, local part at
 * most 64) that can go into a To header and an SMTP envelope as it is.
 *
 * @example isSingleMailbox('gary@example.net') // true
 * @example isSingleMailbox('a@evil.example,victim@elsewhere.example') // false
 */
export function isSingleMailbox(address: string): boolean {
  if (address.length > 254 || !MAILBOX.test(address)) return false;
  return address.indexOf('@') <= 64;
}
