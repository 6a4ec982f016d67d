-- Rules-of-Engagement replies (issue 7): council-edited templates, every edit a new
-- version, and replies that record which version they used.
CREATE TABLE reply_templates (
  council_id TEXT NOT NULL REFERENCES councils(id),
  key TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),   -- NULL for Wardguard's built-in wording
  created_at TEXT NOT NULL,
  PRIMARY KEY (council_id, key, version)
);

-- A reply moves approved → sending (claimed by the mail filter) → sent | failed. Claiming
-- is a compare-and-set, so a reply can be handed out for sending once only.
CREATE TABLE replies (
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
  state TEXT NOT NULL CHECK (state IN ('approved', 'sending', 'sent', 'failed')),
  approved_by TEXT NOT NULL REFERENCES users(id),
  approved_at TEXT NOT NULL,
  claimed_at TEXT,
  finished_at TEXT,
  smtp_message_id TEXT,
  detail TEXT
);
CREATE INDEX replies_recipient ON replies(council_id, recipient, template_key, approved_at);
CREATE INDEX replies_pending ON replies(council_id, mailbox, state);
