-- Mail filter (issue 4): the review queue of quarantined mail, the action queue the
-- filter polls for officers' decisions, and threat-to-life alerts.

-- One row per distinct message per mailbox: the filter may file the same message many
-- times (restarts, retries); the unique key makes every repeat a no-op.
CREATE TABLE mail_records (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  councillor_id TEXT NOT NULL REFERENCES users(id),
  mailbox TEXT NOT NULL,
  message_id TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  source_size INTEGER NOT NULL,
  -- The original .eml is evidence: an item of kind 'email' with its artifact in R2.
  item_id TEXT NOT NULL REFERENCES evidence_items(id),
  sender TEXT NOT NULL,
  recipients TEXT NOT NULL,
  subject TEXT NOT NULL,
  sent_at TEXT,
  received_at TEXT NOT NULL,
  received_chain TEXT NOT NULL DEFAULT '[]',
  unreadable TEXT,
  verdict TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('threat_to_life', 'threat', 'abuse', 'profanity', 'clean', 'review')),
  -- 0 = threat to life … so the queue sorts threats first with a plain ORDER BY.
  severity_rank INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('quarantined', 'released', 'kept', 'not_abuse')),
  created_at TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT REFERENCES users(id),
  UNIQUE (council_id, mailbox, message_id, source_sha256)
);
CREATE INDEX mail_records_queue ON mail_records(council_id, state, severity_rank, received_at);

-- Decisions for the filter to carry out in the mailbox; acknowledged once applied.
CREATE TABLE mail_actions (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  record_id TEXT NOT NULL REFERENCES mail_records(id),
  mailbox TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('release', 'keep', 'not_abuse')),
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  acked_at TEXT,
  outcome TEXT
);
CREATE INDEX mail_actions_pending ON mail_actions(council_id, mailbox, acked_at, created_at);

-- A threat to life stays "due" for re-notification until an officer acknowledges it.
CREATE TABLE mail_alerts (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  record_id TEXT NOT NULL UNIQUE REFERENCES mail_records(id),
  created_at TEXT NOT NULL,
  last_notified_at TEXT,
  notify_count INTEGER NOT NULL DEFAULT 0,
  acknowledged_at TEXT,
  acknowledged_by TEXT REFERENCES users(id)
);
CREATE INDEX mail_alerts_open ON mail_alerts(council_id, acknowledged_at);
