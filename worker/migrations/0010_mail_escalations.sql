-- Escalating a message as a threat (issue 6): one server decision that keeps the message in
-- quarantine, records the police referral and links the case and perpetrator. The referral
-- is stored here rather than in a note, so it can be listed, exported and shown with the
-- message. One escalation per message: a second one is a conflict, not a second referral.
CREATE TABLE mail_escalations (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  record_id TEXT NOT NULL UNIQUE REFERENCES mail_records(id),
  -- The police's own reference (crime or incident number); null when not yet given one.
  police_reference TEXT,
  case_id TEXT REFERENCES cases(id),
  perpetrator_id TEXT REFERENCES perpetrators(id),
  note TEXT,
  escalated_by TEXT NOT NULL REFERENCES users(id),
  escalated_at TEXT NOT NULL
);
CREATE INDEX mail_escalations_council ON mail_escalations(council_id, escalated_at);
