import type { MailAlert } from '@wardguard/shared/api/mail';

const WEBHOOK_TIMEOUT_MS = 5000;

/**
 * Pushes a threat-to-life alert to the council's duty webhook (ALERT_WEBHOOK_URL).
 * Never throws: the alert row is the durable part and keeps repeating until an officer
 * acknowledges it; a webhook that is down must not stop the message being filed.
 * The body carries no message text, only whose it is and where to look.
 */
export async function sendAlertWebhook(
  url: string | undefined,
  alert: MailAlert,
  repeat: number,
  about: { councilId: string; councilName: string; link: string | null },
): Promise<boolean> {
  if (!url) return false;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'wardguard.threat_to_life',
        // One hook may serve several councils: say whose alert it is, and where to open it.
        councilId: about.councilId,
        councilName: about.councilName,
        link: about.link,
        alertId: alert.id,
        recordId: alert.recordId,
        councillorId: alert.councillorId,
        councillorName: alert.councillorName,
        exhibitRef: alert.exhibitRef,
        severity: alert.severity,
        createdAt: alert.createdAt,
        repeat,
      }),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    return res.ok;
  } catch (err) {
    console.error('alert webhook failed', String(err));
    return false;
  }
}
