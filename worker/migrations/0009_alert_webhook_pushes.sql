-- Threat-to-life alerts reach the duty officer two ways, tracked apart so neither channel
-- pushes twice or waits on the other: the mail filter emails (last_notified_at and
-- notify_count, reported by the filter), and the Worker itself POSTs the webhook, first when
-- the message is filed and then from its every-minute cron until an officer acknowledges.
ALTER TABLE mail_alerts ADD COLUMN webhook_pushed_at TEXT;
ALTER TABLE mail_alerts ADD COLUMN webhook_push_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX mail_alerts_webhook_due ON mail_alerts(acknowledged_at, webhook_pushed_at);
