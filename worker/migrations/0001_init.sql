-- Wardguard evidence store: councils, people, tokens, cases, perpetrators,
-- evidence items with their artifacts, diary versions and the custody log.

CREATE TABLE councils (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  name TEXT NOT NULL,
  email TEXT,
  -- 'service' is the mail filter's principal: it may file mail and read actions, nothing else.
  role TEXT NOT NULL CHECK (role IN ('councillor', 'officer', 'admin', 'service')),
  -- Exhibit references are "<initials>/<n>", unique per council and stable for life.
  initials TEXT NOT NULL,
  exhibit_seq INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  disabled_at TEXT,
  UNIQUE (council_id, initials)
);

CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('personal', 'service')),
  -- SHA-256 of the bearer token; the token itself is shown once and never stored.
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  last_used_at TEXT
);
CREATE INDEX tokens_user ON tokens(user_id);

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  councillor_id TEXT NOT NULL REFERENCES users(id),
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'referred', 'closed')),
  police_reference TEXT,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX cases_councillor ON cases(council_id, councillor_id);

CREATE TABLE perpetrators (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  display_name TEXT NOT NULL,
  aliases TEXT NOT NULL DEFAULT '[]',
  handles TEXT NOT NULL DEFAULT '[]',
  emails TEXT NOT NULL DEFAULT '[]',
  notes TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX perpetrators_council ON perpetrators(council_id);

CREATE TABLE evidence_items (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  councillor_id TEXT NOT NULL REFERENCES users(id),
  case_id TEXT REFERENCES cases(id),
  perpetrator_id TEXT REFERENCES perpetrators(id),
  kind TEXT NOT NULL CHECK (kind IN ('web_capture', 'email', 'upload', 'diary')),
  exhibit_ref TEXT NOT NULL,
  title TEXT NOT NULL,
  metadata TEXT NOT NULL DEFAULT '{}',
  captured_at TEXT NOT NULL,
  captured_by TEXT NOT NULL REFERENCES users(id),
  received_at TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  -- Device signature over the manifest (extension captures); NULL when unsigned.
  signature_key_sha256 TEXT,
  signature TEXT,
  UNIQUE (councillor_id, idempotency_key),
  UNIQUE (council_id, exhibit_ref)
);
CREATE INDEX evidence_case ON evidence_items(case_id);
CREATE INDEX evidence_councillor ON evidence_items(council_id, councillor_id, received_at);

CREATE TABLE artifacts (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES evidence_items(id),
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  r2_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  UNIQUE (item_id, name)
);

-- Diary entries are evidence items of kind 'diary'; every edit is a new version.
CREATE TABLE diary_versions (
  item_id TEXT NOT NULL REFERENCES evidence_items(id),
  version INTEGER NOT NULL,
  occurred_at TEXT NOT NULL,
  what_happened TEXT NOT NULL,
  impact TEXT NOT NULL,
  edited_by TEXT NOT NULL REFERENCES users(id),
  edited_at TEXT NOT NULL,
  PRIMARY KEY (item_id, version)
);

-- Append-only, hash-chained: hash = SHA-256(prev_hash || canonical JSON of the event).
-- seq is assigned by the writer (tail + 1) so two concurrent appends cannot both
-- chain onto the same predecessor: the loser hits the primary key and retries.
CREATE TABLE custody_events (
  seq INTEGER PRIMARY KEY,
  council_id TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  item_id TEXT,
  case_id TEXT,
  details TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE INDEX custody_item ON custody_events(item_id);

CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody_events
BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END;
CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody_events
BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END;
