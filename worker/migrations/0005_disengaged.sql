-- A perpetrator the council has disengaged from (Rules of Engagement, cessation): their
-- mail is still quarantined and recorded, but marked as needing no reply.
ALTER TABLE perpetrators ADD COLUMN disengaged_at TEXT;
ALTER TABLE perpetrators ADD COLUMN disengaged_by TEXT REFERENCES users(id);
