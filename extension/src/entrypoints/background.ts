import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createWardguard, FLUSH_ALARM, type Wardguard } from '../service/service.ts';
import { isRequest, type CaptureOutcome } from '../service/messages.ts';
import { feedbackFor } from '../service/feedback.ts';

const MENU_ID = 'wardguard-capture';
const COMMAND = 'capture-evidence';

declare global {
  // Exposed on the service worker's global so the end-to-end tests can drive it with sw.evaluate.
  var wardguard: Wardguard | undefined;
  // The last shortcut/menu feedback, for the end-to-end tests.
  var wardguardLastFeedback: import('../service/feedback.ts').Feedback | undefined;
}

export default defineBackground(() => {
  const wg = createWardguard();
  globalThis.wardguard = wg;

  browser.runtime.onInstalled.addListener((details) => {
    // A new install has nothing to do until it is paired: open the page that pairs it.
    if (details.reason === 'install') void browser.runtime.openOptionsPage().catch(() => undefined);
    browser.contextMenus
      .removeAll()
      .then(() => browser.contextMenus.create({ id: MENU_ID, title: 'Capture as evidence', contexts: ['page', 'selection', 'image', 'link', 'video'] }));
    void wg.flush(true);
  });
  // Browser restarted (or extension reloaded): send everything that waited, whatever its back-off.
  browser.runtime.onStartup.addListener(() => void wg.flush(true));
  // Any other wake-up of the service worker: send what is due.
  void wg.flush();
  browser.alarms.onAlarm.addListener((alarm) => {
    // The alarm is set for the earliest due bundle; once awake, try everything that waits.
    if (alarm.name === FLUSH_ALARM) void wg.flush(true);
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || !tab) return;
    const targetElementId = (info as { targetElementId?: number }).targetElementId;
    void tell(
      wg.captureTab(tab, {
        trigger: 'context-menu',
        ...(info.selectionText ? { selectionText: info.selectionText } : {}),
        ...(info.srcUrl ? { srcUrl: info.srcUrl } : {}),
        ...(info.linkUrl ? { linkUrl: info.linkUrl } : {}),
        ...(targetElementId !== undefined ? { targetElementId } : {}),
      }),
    );
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== COMMAND) return;
    void tell(tab ? wg.captureTab(tab, { trigger: 'shortcut' }) : wg.captureActiveTab({ trigger: 'shortcut' }));
  });

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    // Only the extension's own pages (popup, options, even when opened in a tab) may ask;
    // web pages and content scripts never get an answer.
    const fromOwnPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(`${location.origin}/`);
    if (!fromOwnPage || !isRequest(message)) return false;
    const answer = (() => {
      switch (message.type) {
        case 'capture':
          return wg.captureActiveTab({ trigger: 'popup', caseId: message.caseId, note: message.note });
        case 'status':
          return wg.status();
        case 'confirm':
          return wg.confirm(message.id, message.note);
        case 'discard':
          return wg.discard(message.id);
        case 'retry':
          return wg.flush(true);
      }
    })();
    answer.then(sendResponse, (e: unknown) => sendResponse({ status: 'failed', code: 'INTERNAL', message: String(e) }));
    return true;
  });
});

/** Badge, tooltip and a notification: the shortcut and the menu have no popup to answer in. */
async function tell(capture: Promise<CaptureOutcome>): Promise<void> {
  const outcome = await capture.catch((e: unknown): CaptureOutcome => ({ status: 'failed', code: 'INTERNAL', message: String(e) }));
  const f = feedbackFor(outcome);
  globalThis.wardguardLastFeedback = f;
  await Promise.all([
    browser.action.setBadgeText({ text: f.badge }),
    browser.action.setBadgeBackgroundColor({ color: f.color }),
    browser.action.setTitle({ title: f.title }),
    browser.notifications
      .create({
        type: 'basic',
        iconUrl: (browser.runtime as unknown as { getURL(path: string): string }).getURL('/icon/128.png'),
        title: f.notification.title,
        message: f.notification.message,
      })
      .catch(() => undefined),
  ]).catch(() => undefined);
}
