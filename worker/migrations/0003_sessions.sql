-- Dashboard sign-in: a personal token is exchanged for a session cookie. The session
-- hangs off the token, so revoking the token ends every session made from it.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,           -- SHA-256 of the cookie value; the value itself is never stored
  token_id TEXT NOT NULL REFERENCES tokens(id),
  csrf TEXT NOT NULL,                  -- must come back in X-Wardguard-CSRF on every write
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,            -- absolute limit
  last_seen_at TEXT NOT NULL,          -- idle limit is measured from here
  ended_at TEXT
);
CREATE INDEX sessions_token ON sessions(token_id);
