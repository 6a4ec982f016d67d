import { describe, expect, it } from 'vitest';
import { feedbackFor } from './feedback.ts';

const receipt = { exhibitRef: 'AK/7', title: 'Reply on X', bundleId: 'b1', url: 'https://x.com/a/status/1', deliveredAt: '2026-12-07T10:00:00Z' } as never;

describe('feedback after a shortcut or right-click capture', () => {
  it('names the exhibit reference when it is filed', () => {
    const f = feedbackFor({ status: 'filed', bundleId: 'b1', receipt, warnings: [] });
    expect(f.badge).toBe('✓');
    expect(f.notification.title).toBe('Filed as AK/7');
    expect(f.title).toContain('AK/7');
  });

  it('says why a capture is waiting, and that it is kept', () => {
    const f = feedbackFor({ status: 'queued', bundleId: 'b1', warnings: [], lastError: { code: 'OFFLINE', message: 'the network is down', at: '' } });
    expect(f.notification.message).toContain('the network is down');
    expect(f.notification.message).toContain('Kept safely');
  });

  it('asks for a look when a capture is held, quoting the first warning', () => {
    const f = feedbackFor({ status: 'held', bundleId: 'b1', warnings: ['The page shows a login wall.'] });
    expect(f.badge).toBe('!');
    expect(f.notification.message).toContain('login wall');
  });

  it('says what went wrong when nothing was captured', () => {
    const f = feedbackFor({ status: 'failed', code: 'NO_TAB', message: 'No page to capture.' });
    expect(f.badge).toBe('×');
    expect(f.notification.message).toBe('No page to capture.');
  });
});
