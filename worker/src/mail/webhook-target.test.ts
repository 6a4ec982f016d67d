import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { pickWebhook } from './webhook-target.ts';

const SHARED = 'https://duty.hosting.example/hook';
const OWN = 'https://duty.own.example/hook';
const config = readConfig({ ...env, ALERT_WEBHOOK_URL: SHARED });
const none = { alertWebhookUrl: null, digestWebhookUrl: null };

describe('which hook a council alert goes to', () => {
  it("uses the council's own hook first, and its alert hook for the digest when it has no digest hook", () => {
    const census = { councils: 3, withHooks: 1 };
    expect(pickWebhook(config, { alertWebhookUrl: OWN, digestWebhookUrl: null }, 'alert', census)).toBe(OWN);
    expect(pickWebhook(config, { alertWebhookUrl: OWN, digestWebhookUrl: null }, 'digest', census)).toBe(OWN);
  });

  it("uses the deployment's hook for a single council, or while no council has its own, and never once another council has one", () => {
    expect(pickWebhook(config, none, 'alert', { councils: 1, withHooks: 0 })).toBe(SHARED);
    expect(pickWebhook(config, none, 'alert', { councils: 4, withHooks: 0 })).toBe(SHARED);
    expect(pickWebhook(config, none, 'digest', { councils: 4, withHooks: 0 })).toBe(SHARED);
    expect(pickWebhook(config, none, 'alert', { councils: 4, withHooks: 1 })).toBeNull();
    expect(pickWebhook(readConfig({ ...env }), none, 'alert', { councils: 1, withHooks: 0 })).toBeNull();
  });
});
