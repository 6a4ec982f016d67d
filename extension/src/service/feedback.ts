import type { CaptureOutcome } from './messages.ts';

/** What the toolbar badge and the notification say after a capture started without the popup. */
export interface Feedback {
  badge: string;
  color: string;
  /** The toolbar button's tooltip until the next capture. */
  title: string;
  notification: { title: string; message: string };
}

const GREEN = '#0b6e3a';
const AMBER = '#8a5300';
const RED = '#b00020';

/**
 * The shortcut and the right-click menu have no popup to answer in, so the councillor is told
 * here: filed (with its exhibit reference), waiting (and why), held for a look, or failed.
 */
export function feedbackFor(outcome: CaptureOutcome): Feedback {
  switch (outcome.status) {
    case 'filed':
      return {
        badge: '✓',
        color: GREEN,
        title: `Wardguard: filed as ${outcome.receipt.exhibitRef}`,
        notification: { title: `Filed as ${outcome.receipt.exhibitRef}`, message: `"${outcome.receipt.title}" is in your Wardguard evidence.` },
      };
    case 'queued': {
      const why = outcome.lastError ? outcome.lastError.message : 'the Wardguard server could not be reached';
      return {
        badge: '…',
        color: AMBER,
        title: `Wardguard: captured, waiting to send (${why})`,
        notification: { title: 'Captured, waiting to send', message: `Kept safely in this browser and sent automatically: ${why}.` },
      };
    }
    case 'held':
      return {
        badge: '!',
        color: AMBER,
        title: 'Wardguard: captured, needs a look before filing',
        notification: {
          title: 'Captured: please check it',
          message: outcome.warnings[0]
            ? `${outcome.warnings[0]} Open Wardguard to file it anyway or delete it.`
            : 'Open Wardguard to file it anyway or delete it.',
        },
      };
    case 'failed':
      return {
        badge: '×',
        color: RED,
        title: `Wardguard: not captured (${outcome.message})`,
        notification: { title: 'Not captured', message: outcome.message },
      };
  }
}
