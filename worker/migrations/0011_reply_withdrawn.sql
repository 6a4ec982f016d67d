-- An officer may withdraw an approved reply until the mail filter claims it: approved →
-- withdrawn. SQLite cannot change a CHECK constraint in place, so the table is rebuilt with
-- the same columns, in the same order, and its indexes made again.
CREATE TABLE replies_v2 (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  record_id TEXT NOT NULL REFERENCES mail_records(id),
  mailbox TEXT NOT NULL,
  recipient TEXT NOT NULL,
  template_key TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  in_reply_to TEXT NOT NULL,
  override_reason TEXT,
  state TEXT NOT NULL CHECK (state IN ('approved', 'sending', 'sent', 'failed', 'withdrawn')),
  approved_by TEXT NOT NULL REFERENCES users(id),
  approved_at TEXT NOT NULL,
  claimed_at TEXT,
  finished_at TEXT,
  smtp_message_id TEXT,
  detail TEXT
);
INSERT INTO replies_v2 SELECT id, council_id, record_id, mailbox, recipient, template_key, template_version, subject, text_body, html_body, in_reply_to, override_reason, state, approved_by, approved_at, claimed_at, finished_at, smtp_message_id, detail FROM replies;
DROP TABLE replies;
ALTER TABLE replies_v2 RENAME TO replies;
CREATE INDEX replies_recipient ON replies(council_id, recipient, template_key, approved_at);
CREATE INDEX replies_pending ON replies(council_id, mailbox, state);
