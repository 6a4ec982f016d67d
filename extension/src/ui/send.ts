import { browser } from 'wxt/browser';
import type { CaptureOutcome, Request, StatusView } from '../service/messages.ts';

/** Asks the background; typed by request. */
export function ask(req: Extract<Request, { type: 'capture' | 'confirm' }>): Promise<CaptureOutcome>;
export function ask(req: Extract<Request, { type: 'status' }>): Promise<StatusView>;
export function ask(req: Extract<Request, { type: 'discard' | 'retry' }>): Promise<unknown>;
export function ask(req: Request): Promise<unknown> {
  return browser.runtime.sendMessage(req);
}
