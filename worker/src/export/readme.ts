import type { PackManifest } from '@wardguard/shared';
import { platformName } from './report/format.ts';

/** Where a reader with only the pack checks it: the council's own pages, not a copy of the source. */
export interface VerifyLinks {
  /** The published public key (`<origin>/.well-known/wardguard-pack-key`). */
  keyUrl: string;
  /** The browser verifier (`<origin>/#/verify`), which needs no sign-in. */
  verifyUrl: string;
}

/** README.txt: plain-language instructions, written for someone who has never seen Wardguard. */
export function packReadme(
  m: Pick<PackManifest, 'packId' | 'variant' | 'platform' | 'council' | 'createdAt' | 'recipient' | 'publicKey' | 'exhibits'>,
  links: VerifyLinks,
): string {
  return [
    `WARDGUARD EVIDENCE PACK ${m.packId}`,
    `${m.council.name}: ${m.variant === 'police' ? 'police pack (everything)' : `platform pack for ${platformName(m.platform) ?? 'a platform'} (that platform's items only)`}`,
    `Prepared ${m.createdAt} for ${m.recipient}. ${m.exhibits} exhibit(s).`,
    '',
    'WHAT IS INSIDE',
    '  report.pdf             printable report: cover sheet, timeline, one page per exhibit',
    '  index.json, index.csv  one row per exhibit with URLs, account IDs, times and file hashes',
    '  exhibits/              the original files exactly as captured (emails as .eml)',
    '  custody/custody.jsonl  the chain of custody for these exhibits (hash-chained)',
    '  preservation/          what to ask each platform to preserve, and by when',
    '  manifest.json          every file above with its size and SHA-256',
    "  manifest.sig           the council's Ed25519 signature over manifest.json",
    '',
    'HOW TO CHECK THAT NOTHING HAS CHANGED',
    "You need only this ZIP and the council's public key; nothing needs to be installed.",
    `1. In a browser, open the council's verify page: ${links.verifyUrl}`,
    '   It needs no account or sign-in. Drop the ZIP on the page; the file never leaves your',
    '   computer. The page checks the pack against the key the council publishes.',
    `2. The council publishes its public key at ${links.keyUrl}`,
    '   The key this pack says it was signed with is printed below, but a forger could change',
    '   that too, so compare its fingerprint with the one the council gives you (its website,',
    '   or by phone):',
    `     key          ${m.publicKey.raw}`,
    `     fingerprint  ${m.publicKey.fingerprint}`,
    '3. If you already have the wardguard-verify command (a copy of the Wardguard source after',
    '   `npm install`, with Node.js 20 or later), run it from there:',
    `     npx --no-install wardguard-verify pack.zip --key ${links.keyUrl}`,
    '   --no-install makes it refuse to download a package of that name from the internet,',
    "   which could be anyone's. Without a copy of the source, use the verify page instead.",
    '',
    'The page and the command each recompute the SHA-256 of every file, check the signature and',
    'the custody chain link by link, and name any file that was changed, removed or added.',
    '',
  ].join('\n');
}
