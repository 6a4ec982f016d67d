import type { PackManifest } from '@wardguard/shared';

/** README.txt: plain-language instructions, written for someone who has never seen Wardguard. */
export function packReadme(m: Pick<PackManifest, 'packId' | 'variant' | 'platform' | 'council' | 'createdAt' | 'recipient' | 'publicKey' | 'exhibits'>, keyUrl: string): string {
  return [
    `WARDGUARD EVIDENCE PACK ${m.packId}`,
    `${m.council.name}: ${m.variant === 'police' ? 'police pack (everything)' : `platform pack for ${m.platform} (that platform's items only)`}`,
    `Prepared ${m.createdAt} for ${m.recipient}. ${m.exhibits} exhibit(s).`,
    '',
    'WHAT IS INSIDE',
    '  report.pdf             printable report: cover sheet, timeline, one page per exhibit',
    '  index.json, index.csv  one row per exhibit with URLs, account IDs, times and file hashes',
    '  exhibits/              the original files exactly as captured (emails as .eml)',
    '  custody/custody.jsonl  the chain of custody for these exhibits (hash-chained)',
    '  preservation/          what to ask each platform to preserve, and by when',
    '  manifest.json          every file above with its size and SHA-256',
    '  manifest.sig           the council\'s Ed25519 signature over manifest.json',
    '',
    'HOW TO CHECK THAT NOTHING HAS CHANGED',
    'You need only this ZIP and the council\'s public key. Get the key (or just its fingerprint)',
    `from the council itself: it is published at ${keyUrl}`,
    'The key this pack says it was signed with is printed below, but a forger could change that',
    'too, so compare its fingerprint with the one the council gives you:',
    `  key          ${m.publicKey.raw}`,
    `  fingerprint  ${m.publicKey.fingerprint}`,
    '',
    'With Node.js (version 20 or later), in a copy of the Wardguard source after `npm install`:',
    `  npx --no-install wardguard-verify pack.zip --key ${keyUrl}`,
    '(or `node shared/bin/wardguard-verify.js pack.zip --key <key or fingerprint>`).',
    'Or in a browser: open the council\'s Wardguard dashboard, choose "Verify a pack" and drop the',
    'ZIP on the page. The file never leaves your computer.',
    '',
    'Either check recomputes the SHA-256 of every file, checks the signature, and checks the',
    'custody chain link by link. It names any file that was changed, removed or added.',
    '',
  ].join('\n');
}
