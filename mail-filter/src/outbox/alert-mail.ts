import { smtpTransport } from '../smtp/transport.ts';
import type { MailAlert } from '@wardguard/shared/api/mail';
import type { Config } from '../config.ts';

type AlertsConfig = NonNullable<Config['alerts']>;

/** What the duty officer is told. No message text: only who, when and where to look. */
export interface AlertNotice {
  alertId: string | null;
  /** The Worker's record of the message; null while it is only in the filter's spool. */
  recordId: string | null;
  councillor: string;
  mailbox: string;
  from: string;
  exhibitRef: string | null;
  receivedAt: string;
  repeat: number;
  /** True when the Worker was unreachable and the record is still in the filter's spool. */
  spooled: boolean;
}

export const noticeFromAlert = (a: MailAlert): AlertNotice => ({
  alertId: a.id,
  recordId: a.recordId,
  councillor: a.councillorName,
  mailbox: a.mailbox,
  from: a.from,
  exhibitRef: a.exhibitRef,
  receivedAt: a.createdAt,
  repeat: a.notifyCount,
  spooled: false,
});

/**
 * Sends threat-to-life alerts to the duty officers through the filter's SMTP. `dashboardUrl`
 * (the Worker's address, which serves the dashboard) lets the e-mail link straight to the message.
 */
export function createAlertMailer(cfg: AlertsConfig, dashboardUrl?: string) {
  const base = dashboardUrl?.replace(/\/+$/, '');
  // A stalled mail server must not hold up quarantining for nodemailer's default minutes.
  const transport = smtpTransport(cfg.smtp, { connectMs: 15_000, socketMs: 30_000 });
  return {
    async send(n: AlertNotice): Promise<void> {
      const again = n.repeat > 0 ? ` (reminder ${n.repeat}: not yet acknowledged)` : '';
      await transport.sendMail({
        from: cfg.from,
        to: cfg.to,
        subject: `[Wardguard] THREAT TO LIFE in ${n.councillor}'s mailbox${again}`,
        priority: 'high',
        headers: { 'X-Wardguard-Alert': n.alertId ?? 'spooled' },
        text: [
          `A message in ${n.councillor}'s mailbox (${n.mailbox}) may contain a threat to life.`,
          '',
          `From: ${n.from}`,
          `Received: ${n.receivedAt}`,
          n.exhibitRef ? `Exhibit: ${n.exhibitRef}` : 'Exhibit: not yet filed (the Worker cannot be reached or did not answer).',
          n.alertId ? `Alert: ${n.alertId}` : '',
          ...(base ? [n.recordId ? `Open it: ${base}/#/message/${encodeURIComponent(n.recordId)}` : `Review queue: ${base}/`] : []),
          '',
          ...(n.spooled
            ? [
                'It is moved to Quarantine and flagged as soon as the mail filter holds its record safely; until then it stays in the inbox.',
                'Once the Worker is back it is filed and alerted again in the Wardguard dashboard, where it must be acknowledged.',
              ]
            : [
                'It has been moved to Quarantine and flagged. Review it in the Wardguard dashboard and acknowledge this alert;',
                'this message repeats until someone does.',
              ]),
          'If anyone is in immediate danger, call 999.',
        ].join('\n'),
      });
    },
    close(): void {
      transport.close();
    },
  };
}
export type AlertMailer = ReturnType<typeof createAlertMailer>;
