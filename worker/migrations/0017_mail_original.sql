-- The whole original of a message filed as a reduced copy (issue 14): the mail filter uploads
-- it to R2 in parts after filing; it is kept only once its SHA-256 and size are the record's.

-- One row per record whose original is on its way or stored. `upload_id` names the R2
-- multipart upload in progress (a new start aborts the old one); `stored_at` is set, and
-- `upload_id` cleared, once the completed object was read back and matched.
CREATE TABLE mail_originals (
  record_id TEXT PRIMARY KEY REFERENCES mail_records(id),
  council_id TEXT NOT NULL REFERENCES councils(id),
  r2_key TEXT NOT NULL,
  upload_id TEXT,
  part_bytes INTEGER,
  started_at TEXT NOT NULL,
  stored_at TEXT,
  size INTEGER,
  sha256 TEXT
);
