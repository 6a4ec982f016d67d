-- Issue 19 item 4: a police liaison per council. A liaison is a user of one council who sees
-- only the cases an officer explicitly referred to them (police_referrals), can read their
-- evidence, download police packs, and add notes or updates (case_notes). Every one of those
-- actions is also a custody event; these tables hold the current state, the log the history.

-- SQLite cannot change a CHECK constraint in place: rebuild users with 'liaison' allowed.
-- Other tables reference users(id) by name, so the new table takes its place unchanged;
-- deferring foreign keys lets the drop and rename happen inside the migration's transaction.
PRAGMA defer_foreign_keys = on;

CREATE TABLE users_new (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  name TEXT NOT NULL,
  email TEXT,
  -- 'service' is the mail filter's principal: it may file mail and read actions, nothing else.
  -- 'liaison' is a named police contact: only the cases referred to them (auth/scope.ts).
  role TEXT NOT NULL CHECK (role IN ('councillor', 'officer', 'admin', 'service', 'liaison')),
  -- Exhibit references are "<initials>/<n>", unique per council and stable for life.
  initials TEXT NOT NULL,
  exhibit_seq INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  disabled_at TEXT,
  UNIQUE (council_id, initials)
);
INSERT INTO users_new (id, council_id, name, email, role, initials, exhibit_seq, created_at, disabled_at)
  SELECT id, council_id, name, email, role, initials, exhibit_seq, created_at, disabled_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

PRAGMA defer_foreign_keys = off;

-- "Referred" means exactly this: an officer chose a case and a liaison of the same council
-- (POST /api/v1/referrals, custody 'case_referred'). A free-text police reference on a case
-- does not open it to anyone. Withdrawing closes it again; the row stays for the record.
CREATE TABLE police_referrals (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  liaison_id TEXT NOT NULL REFERENCES users(id),
  referred_by TEXT NOT NULL REFERENCES users(id),
  referred_at TEXT NOT NULL,
  withdrawn_by TEXT REFERENCES users(id),
  withdrawn_at TEXT
);
-- One live referral of a case to a given liaison at a time.
CREATE UNIQUE INDEX police_referrals_live ON police_referrals(case_id, liaison_id) WHERE withdrawn_at IS NULL;
CREATE INDEX police_referrals_liaison ON police_referrals(council_id, liaison_id, withdrawn_at);

-- A note (for the record) or an update (progress on the investigation) added to a case by its
-- liaison. Append-only, like the custody log that records each one.
CREATE TABLE case_notes (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  author_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('note', 'update')),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX case_notes_case ON case_notes(case_id, created_at);

CREATE TRIGGER case_notes_no_update BEFORE UPDATE ON case_notes
BEGIN SELECT RAISE(ABORT, 'case notes are append-only'); END;
CREATE TRIGGER case_notes_no_delete BEFORE DELETE ON case_notes
BEGIN SELECT RAISE(ABORT, 'case notes are append-only'); END;
