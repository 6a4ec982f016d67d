import { browser } from 'wxt/browser';
import { createApiClient } from '../api/client.ts';
import { capturePage, type CaptureRequest } from '../capture/capture-page.ts';
import { CaptureError, createTabDriver } from '../capture/tab-driver.ts';
import { createIdbStore, createReceiptLog } from '../queue/idb-store.ts';
import { createQueue } from '../queue/queue.ts';
import type { DeliveredReceipt, QueuedBundle, SendResult } from '../queue/types.ts';
import { getDeviceKey } from '../seal/key-store.ts';
import { signManifest } from '../seal/signature.ts';
import { defaultCaseItem, pairingItem } from '../settings/settings.ts';
import { readManagedSettings } from '../settings/managed.ts';
import type { CaptureOutcome, StatusView } from './messages.ts';

export const FLUSH_ALARM = 'wardguard-flush';

async function send(b: QueuedBundle): Promise<SendResult> {
  const pairing = await pairingItem.getValue();
  if (!pairing) return { ok: false, code: 'NOT_PAIRED', message: 'Not paired with a Wardguard server yet: open Options and pair.' };
  return createApiClient(pairing).upload(b);
}

/**
 * Everything the background does, behind one object the entrypoint wires to menus, commands,
 * alarms and messages (and the end-to-end tests call directly).
 */
export function createWardguard() {
  const receipts = createReceiptLog();
  const queue = createQueue({
    store: createIdbStore(),
    send,
    sign: async (text) => signManifest(await getDeviceKey(), text),
    onDelivered: (r) => receipts.add(r),
  });
  let lastCaptureError: { code: string; message: string; at: string } | null = null;

  async function afterChange(): Promise<void> {
    const wake = await queue.nextWakeAt();
    if (wake === null) await browser.alarms.clear(FLUSH_ALARM);
    else await browser.alarms.create(FLUSH_ALARM, { when: Math.max(wake, Date.now() + 1_000) });
    const list = await queue.list();
    const attention = list.some((b) => b.state !== 'pending');
    await browser.action.setBadgeText({ text: list.length ? (attention ? '!' : String(list.length)) : '' });
    await browser.action.setBadgeBackgroundColor({ color: attention ? '#b00020' : '#555' });
  }

  async function flush(force = false): Promise<number> {
    try {
      return await queue.flush({ force });
    } finally {
      await afterChange();
    }
  }

  async function receiptFor(bundleId: string): Promise<DeliveredReceipt | null> {
    return (await receipts.list()).find((r) => r.bundleId === bundleId) ?? null;
  }

  /** Captures a tab, seals and queues it, then tries to deliver it at once. */
  async function captureTab(tab: { id?: number; windowId?: number }, req: CaptureRequest): Promise<CaptureOutcome> {
    if (tab.id === undefined || tab.windowId === undefined) return { status: 'failed', code: 'NO_TAB', message: 'No page to capture.' };
    try {
      // The councillor's own default first, then the one council IT set by policy.
      const caseId = req.caseId === undefined ? ((await defaultCaseItem.getValue()) ?? (await readManagedSettings()).defaultCaseId) : req.caseId;
      const { draft, hold } = await capturePage(createTabDriver(tab.id, tab.windowId), { ...req, caseId });
      const bundle = await queue.add(draft, { hold });
      lastCaptureError = null;
      if (hold) {
        await afterChange();
        return { status: 'held', bundleId: bundle.id, warnings: draft.warnings };
      }
      return await deliver(bundle.id, draft.warnings);
    } catch (e) {
      const code = e instanceof CaptureError ? e.code : 'CAPTURE_FAILED';
      const message = e instanceof Error ? e.message : String(e);
      lastCaptureError = { code, message, at: new Date().toISOString() };
      return { status: 'failed', code, message };
    }
  }

  async function deliver(bundleId: string, warnings: string[]): Promise<CaptureOutcome> {
    await flush(true);
    const receipt = await receiptFor(bundleId);
    if (receipt) return { status: 'filed', bundleId, receipt, warnings };
    const waiting = (await queue.list()).find((b) => b.id === bundleId);
    return { status: 'queued', bundleId, warnings, lastError: waiting?.lastError ?? null };
  }

  async function captureActiveTab(req: CaptureRequest): Promise<CaptureOutcome> {
    // The page in the last focused browser window, never the popup itself (even if opened as a window).
    const win = await browser.windows.getLastFocused({ windowTypes: ['normal'] }).catch(() => null);
    const [tab] = await browser.tabs.query(win?.id !== undefined ? { active: true, windowId: win.id } : { active: true, lastFocusedWindow: true });
    return captureTab(tab ?? {}, req);
  }

  async function status(): Promise<StatusView> {
    const bundles = await queue.list();
    return {
      pairing: await pairingItem.getValue().then((p) => (p ? { serverUrl: p.serverUrl, userName: p.userName } : null)),
      queue: bundles.map((b) => ({
        id: b.id,
        state: b.state,
        title: b.draft.title,
        url: b.draft.url,
        capturedAt: b.draft.capturedAt,
        attempts: b.attempts,
        nextAttemptAt: b.nextAttemptAt,
        lastError: b.lastError,
        warnings: b.draft.warnings,
      })),
      receipts: (await receipts.list()).slice(0, 5),
      lastCaptureError,
    };
  }

  async function confirm(id: string, note?: string): Promise<CaptureOutcome> {
    const b = await queue.confirm(id, note);
    if (!b) return { status: 'failed', code: 'NOT_FOUND', message: 'That capture is no longer waiting.' };
    return deliver(b.id, b.draft.warnings);
  }

  async function discard(id: string): Promise<void> {
    await queue.discard(id);
    await afterChange();
  }

  return { captureTab, captureActiveTab, flush, status, confirm, discard, afterChange, queue };
}
export type Wardguard = ReturnType<typeof createWardguard>;
