// A filing record for unit tests that need one but not a real message: each test names only
// the fields it is about.
import type { FileMail } from '@wardguard/shared/api/mail';
import { reviewVerdict } from '../src/scan/classify.ts';

/** A record for alice@council.example, 5 bytes, received 2026-11-23 10:00 UTC, sent to review; `over` replaces any field. */
export function fileMailRecord(over: Partial<FileMail> = {}): FileMail {
  return {
    councillorId: 'u1',
    mailbox: 'alice@council.example',
    messageId: '<t@x>',
    sourceSha256: 'a'.repeat(64),
    sourceSize: 5,
    from: 'a@x',
    to: 'b@x',
    subject: 's',
    sentAt: null,
    receivedAt: '2026-11-23T10:00:00.000Z',
    receivedChain: [],
    unreadable: null,
    verdict: reviewVerdict('x'),
    ...over,
  };
}
