-- Evidence packs (issue 8). The item list is frozen when the officer prepares the export,
-- so what a download contains does not drift if items are linked or unlinked later.
CREATE TABLE exports (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  variant TEXT NOT NULL CHECK (variant IN ('police', 'platform')),
  platform TEXT,
  scope_kind TEXT NOT NULL CHECK (scope_kind IN ('case', 'perpetrator', 'selection')),
  scope_id TEXT,
  scope_title TEXT NOT NULL,
  recipient TEXT NOT NULL,
  item_ids TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  downloads INTEGER NOT NULL DEFAULT 0,
  last_manifest_sha256 TEXT
);
CREATE INDEX exports_council ON exports(council_id, created_at);
