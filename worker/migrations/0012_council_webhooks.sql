-- Each council's own duty and digest webhooks, set by its admin (PATCH /api/v1/council).
-- NULL: none of its own. The deployment-wide ALERT_WEBHOOK_URL / DIGEST_WEBHOOK_URL serve a
-- council only while no council has a hook of its own, or the deployment has one council
-- (mail/webhook-target.ts): a council's alert never goes to another council's hook.
ALTER TABLE councils ADD COLUMN alert_webhook_url TEXT;
ALTER TABLE councils ADD COLUMN digest_webhook_url TEXT;
