-- Issue 19 item 1: search across everything an officer may see (worker/src/search/).
--
-- search_docs holds one row per searchable record, with what search filters and scopes on;
-- search_fts (FTS5) holds its words under the same rowid. Triggers on the source tables write
-- both, so the index changes in the same statement, and so the same transaction, as the record:
-- a write that rolls back leaves no trace in the index, and nothing can be written around it.
--
-- Rules every trigger here keeps, so the index can never break or block a write path:
--   * A trigger body touches only its own table and search_docs / search_fts. SQLite re-checks
--     every trigger when a migration rebuilds a table (CREATE x_new; DROP x; ALTER … RENAME, as
--     0011 and 0014 do), and a trigger naming the dropped table makes that RENAME fail.
--   * JSON columns are read only through json_valid guards: a malformed value indexes as empty.
--   * An INSERT trigger first removes any row for the same record, so it can never collide.
--   * iif(), never CASE … END: wrangler splits migration files into statements and reads a CASE's
--     END before a ')' or ',' as nothing, which runs the rest of the file together.
-- A migration that rebuilds one of the indexed tables (cases, perpetrators, evidence_items,
-- mail_records, diary_versions) drops that table's triggers with it and must create them again
-- from this file; search/index-schema.test.ts fails until it does.
--
-- A message's body is not in D1 (the .eml is in R2): filing indexes the subject, addresses and
-- the classifier's text here, and mail/store-mail.ts writes the body text parsed from the .eml in
-- the same batch (search/mail-text.ts), clearing body_pending.

CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY,
  -- 'message' (filed mail), an evidence kind ('web_capture', 'upload', 'email', 'diary'), 'case', 'perpetrator'.
  kind TEXT NOT NULL,
  -- The mail record, evidence item, case or perpetrator id.
  record_id TEXT NOT NULL,
  -- The evidence item behind a message, capture, upload or diary entry.
  item_id TEXT,
  council_id TEXT NOT NULL,
  -- Whose record it is (NULL for perpetrators, who belong to the council).
  councillor_id TEXT,
  created_by TEXT,
  case_id TEXT,
  exhibit_ref TEXT,
  severity TEXT,
  -- Space-separated with a space at each end (' x facebook '), so one instr() matches a whole name.
  platforms TEXT NOT NULL DEFAULT ' ',
  -- A message's state (quarantined, released, kept, not_abuse) or a case's status (open, referred, closed).
  state TEXT,
  -- When it happened, as UTC ISO-8601: received, captured, occurred, opened or recorded.
  at TEXT NOT NULL,
  -- 1 while a message's body text has not been read from its .eml yet.
  body_pending INTEGER NOT NULL DEFAULT 0,
  UNIQUE (kind, record_id)
);
CREATE INDEX search_docs_item ON search_docs(item_id);
CREATE INDEX search_docs_scope ON search_docs(council_id, councillor_id, at);

-- title: subject, case title, item title, name. body: message text, post text, diary text, notes.
-- other: exhibit reference, addresses, handles, aliases, police reference, earlier diary versions.
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, other, tokenize = 'unicode61 remove_diacritics 2');

-- Cases -------------------------------------------------------------------------------------

CREATE TRIGGER search_case_insert AFTER INSERT ON cases BEGIN
  DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE kind = 'case' AND record_id = NEW.id);
  DELETE FROM search_docs WHERE kind = 'case' AND record_id = NEW.id;
  INSERT INTO search_docs (kind, record_id, council_id, councillor_id, created_by, case_id, state, at)
    VALUES ('case', NEW.id, NEW.council_id, NEW.councillor_id, NEW.created_by, NEW.id, NEW.status,
            coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', NEW.created_at), NEW.created_at));
  INSERT INTO search_fts (rowid, title, body, other)
    SELECT id, NEW.title, '', coalesce(NEW.police_reference, '') FROM search_docs WHERE kind = 'case' AND record_id = NEW.id;
END;

CREATE TRIGGER search_case_text AFTER UPDATE OF title, police_reference ON cases BEGIN
  UPDATE search_fts SET title = NEW.title, other = coalesce(NEW.police_reference, '')
    WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'case' AND record_id = NEW.id);
END;

CREATE TRIGGER search_case_state AFTER UPDATE OF status, councillor_id ON cases BEGIN
  UPDATE search_docs SET state = NEW.status, councillor_id = NEW.councillor_id WHERE kind = 'case' AND record_id = NEW.id;
END;

CREATE TRIGGER search_case_delete AFTER DELETE ON cases BEGIN
  DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE kind = 'case' AND record_id = OLD.id);
  DELETE FROM search_docs WHERE kind = 'case' AND record_id = OLD.id;
END;

-- Perpetrators: names, aliases, handles (with account ids and profile addresses), e-mail addresses, notes.

CREATE TRIGGER search_perpetrator_insert AFTER INSERT ON perpetrators BEGIN
  DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE kind = 'perpetrator' AND record_id = NEW.id);
  DELETE FROM search_docs WHERE kind = 'perpetrator' AND record_id = NEW.id;
  INSERT INTO search_docs (kind, record_id, council_id, created_by, platforms, at)
    VALUES ('perpetrator', NEW.id, NEW.council_id, NEW.created_by,
            ' ' || coalesce((SELECT group_concat(lower(trim(json_extract(value, '$.platform'))), ' ')
              FROM json_each(iif(json_valid(NEW.handles), NEW.handles, '[]')) WHERE type = 'object'), '') || ' ',
            coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', NEW.created_at), NEW.created_at));
  INSERT INTO search_fts (rowid, title, body, other)
    SELECT id, NEW.display_name, NEW.notes,
      coalesce((SELECT group_concat(value, ' ') FROM json_each(iif(json_valid(NEW.aliases), NEW.aliases, '[]')) WHERE type = 'text'), '')
      || ' ' || coalesce((SELECT group_concat(coalesce(json_extract(value, '$.handle'), '') || ' ' || coalesce(json_extract(value, '$.accountId'), '')
                  || ' ' || coalesce(json_extract(value, '$.profileUrl'), ''), ' ')
                FROM json_each(iif(json_valid(NEW.handles), NEW.handles, '[]')) WHERE type = 'object'), '')
      || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(iif(json_valid(NEW.emails), NEW.emails, '[]')) WHERE type = 'text'), '')
    FROM search_docs WHERE kind = 'perpetrator' AND record_id = NEW.id;
END;

CREATE TRIGGER search_perpetrator_text AFTER UPDATE OF display_name, aliases, handles, emails, notes ON perpetrators BEGIN
  UPDATE search_docs SET platforms = ' ' || coalesce((SELECT group_concat(lower(trim(json_extract(value, '$.platform'))), ' ')
      FROM json_each(iif(json_valid(NEW.handles), NEW.handles, '[]')) WHERE type = 'object'), '') || ' '
    WHERE kind = 'perpetrator' AND record_id = NEW.id;
  UPDATE search_fts SET title = NEW.display_name, body = NEW.notes, other =
      coalesce((SELECT group_concat(value, ' ') FROM json_each(iif(json_valid(NEW.aliases), NEW.aliases, '[]')) WHERE type = 'text'), '')
      || ' ' || coalesce((SELECT group_concat(coalesce(json_extract(value, '$.handle'), '') || ' ' || coalesce(json_extract(value, '$.accountId'), '')
                  || ' ' || coalesce(json_extract(value, '$.profileUrl'), ''), ' ')
                FROM json_each(iif(json_valid(NEW.handles), NEW.handles, '[]')) WHERE type = 'object'), '')
      || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(iif(json_valid(NEW.emails), NEW.emails, '[]')) WHERE type = 'text'), '')
    WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'perpetrator' AND record_id = NEW.id);
END;

CREATE TRIGGER search_perpetrator_delete AFTER DELETE ON perpetrators BEGIN
  DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE kind = 'perpetrator' AND record_id = OLD.id);
  DELETE FROM search_docs WHERE kind = 'perpetrator' AND record_id = OLD.id;
END;

-- Evidence items: captures (the post's text, author and address), uploads and diary entries.
-- The extension keeps the post under metadata.post; older and hand-made bundles at the top level.
-- Filed mail is also an item: the mail_records trigger below turns its doc into the message's.

CREATE TRIGGER search_item_insert AFTER INSERT ON evidence_items BEGIN
  DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE item_id = NEW.id);
  DELETE FROM search_docs WHERE item_id = NEW.id;
  INSERT INTO search_docs (kind, record_id, item_id, council_id, councillor_id, created_by, case_id, exhibit_ref, platforms, at)
    VALUES (NEW.kind, NEW.id, NEW.id, NEW.council_id, NEW.councillor_id, NEW.captured_by, NEW.case_id, NEW.exhibit_ref,
            ' ' || iif(NEW.kind = 'email', 'email', iif(json_valid(NEW.metadata), lower(trim(coalesce(json_extract(NEW.metadata, '$.post.platform'), json_extract(NEW.metadata, '$.platform'), ''))), '')) || ' ',
            coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', NEW.captured_at), NEW.captured_at));
  INSERT INTO search_fts (rowid, title, body, other)
    SELECT id, NEW.title,
      iif(json_valid(NEW.metadata), coalesce(json_extract(NEW.metadata, '$.post.postText'), json_extract(NEW.metadata, '$.postText'), ''), ''),
      NEW.exhibit_ref || iif(json_valid(NEW.metadata),
        ' ' || coalesce(json_extract(NEW.metadata, '$.post.authorHandle'), json_extract(NEW.metadata, '$.authorHandle'), '')
        || ' ' || coalesce(json_extract(NEW.metadata, '$.post.authorDisplayName'), json_extract(NEW.metadata, '$.authorDisplayName'), '')
        || ' ' || coalesce(json_extract(NEW.metadata, '$.post.authorId'), json_extract(NEW.metadata, '$.authorId'), '')
        || ' ' || coalesce(json_extract(NEW.metadata, '$.url'), '')
        || ' ' || coalesce(json_extract(NEW.metadata, '$.pageTitle'), '')
        || ' ' || coalesce(json_extract(NEW.metadata, '$.note'), ''),
      '')
    FROM search_docs WHERE item_id = NEW.id;
END;

-- Filing into a case moves the item, and the message it carries, with it.
CREATE TRIGGER search_item_case AFTER UPDATE OF case_id ON evidence_items BEGIN
  UPDATE search_docs SET case_id = NEW.case_id WHERE item_id = NEW.id;
END;

CREATE TRIGGER search_item_title AFTER UPDATE OF title ON evidence_items BEGIN
  UPDATE search_fts SET title = NEW.title WHERE rowid = (SELECT id FROM search_docs WHERE item_id = NEW.id AND kind <> 'message');
END;

CREATE TRIGGER search_item_delete AFTER DELETE ON evidence_items BEGIN
  DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE item_id = OLD.id);
  DELETE FROM search_docs WHERE item_id = OLD.id;
END;

-- Diary: the current version is the body; earlier versions stay findable (an edit never hides a word).

CREATE TRIGGER search_diary_version AFTER INSERT ON diary_versions BEGIN
  UPDATE search_docs SET at = coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', NEW.occurred_at), NEW.occurred_at)
    WHERE item_id = NEW.item_id AND kind = 'diary';
  UPDATE search_fts SET body = NEW.what_happened || char(10) || NEW.impact,
      other = coalesce((SELECT exhibit_ref FROM search_docs WHERE item_id = NEW.item_id AND kind = 'diary'), '')
        || ' ' || coalesce((SELECT group_concat(what_happened || ' ' || impact, ' ') FROM diary_versions
                            WHERE item_id = NEW.item_id AND version < NEW.version), '')
    WHERE rowid = (SELECT id FROM search_docs WHERE item_id = NEW.item_id AND kind = 'diary');
END;

-- Filed mail: subject, sender, recipients, mailbox, exhibit reference, and what the classifier read
-- (the HTML-only body's text, quoted replies, signature, flagged phrases) until the body arrives.

CREATE TRIGGER search_mail_insert AFTER INSERT ON mail_records BEGIN
  DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE kind = 'message' AND record_id = NEW.id);
  DELETE FROM search_docs WHERE kind = 'message' AND record_id = NEW.id;
  UPDATE search_docs SET kind = 'message', record_id = NEW.id, councillor_id = NEW.councillor_id, severity = NEW.severity,
      platforms = ' email ', state = NEW.state, at = coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', NEW.received_at), NEW.received_at), body_pending = 1
    WHERE item_id = NEW.item_id;
  INSERT INTO search_docs (kind, record_id, item_id, council_id, councillor_id, severity, platforms, state, at, body_pending)
    SELECT 'message', NEW.id, NEW.item_id, NEW.council_id, NEW.councillor_id, NEW.severity, ' email ', NEW.state,
           coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', NEW.received_at), NEW.received_at), 1
    WHERE NOT EXISTS (SELECT 1 FROM search_docs WHERE kind = 'message' AND record_id = NEW.id);
  -- The item's own words (its generic title) give way to the message's.
  DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'message' AND record_id = NEW.id);
  INSERT INTO search_fts (rowid, title, body, other)
    SELECT id, NEW.subject,
      iif(json_valid(NEW.verdict),
        coalesce(json_extract(NEW.verdict, '$.bodyText'), '')
        || ' ' || coalesce(json_extract(NEW.verdict, '$.email.quoted'), '')
        || ' ' || coalesce(json_extract(NEW.verdict, '$.email.signature'), '')
        || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.phrase'), ' ')
                            FROM json_each(NEW.verdict, '$.evidence') WHERE type = 'object'), ''),
      ''),
      coalesce(exhibit_ref, '') || ' ' || NEW.sender || ' ' || NEW.recipients || ' ' || NEW.mailbox
    FROM search_docs WHERE kind = 'message' AND record_id = NEW.id;
END;

CREATE TRIGGER search_mail_state AFTER UPDATE OF state, severity ON mail_records BEGIN
  UPDATE search_docs SET state = NEW.state, severity = NEW.severity WHERE kind = 'message' AND record_id = NEW.id;
END;

CREATE TRIGGER search_mail_delete AFTER DELETE ON mail_records BEGIN
  DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE kind = 'message' AND record_id = OLD.id);
  DELETE FROM search_docs WHERE kind = 'message' AND record_id = OLD.id;
END;

-- Backfill: what was recorded before this migration, as the triggers would have indexed it.
-- (Messages filed before it wait for their body text: body_pending = 1, see search/mail-text.ts.)

INSERT INTO search_docs (kind, record_id, council_id, councillor_id, created_by, case_id, state, at)
  SELECT 'case', id, council_id, councillor_id, created_by, id, status, coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', created_at), created_at) FROM cases;
INSERT INTO search_fts (rowid, title, body, other)
  SELECT d.id, c.title, '', coalesce(c.police_reference, '') FROM search_docs d JOIN cases c ON c.id = d.record_id WHERE d.kind = 'case';

INSERT INTO search_docs (kind, record_id, council_id, created_by, platforms, at)
  SELECT 'perpetrator', p.id, p.council_id, p.created_by,
    ' ' || coalesce((SELECT group_concat(lower(trim(json_extract(value, '$.platform'))), ' ')
      FROM json_each(iif(json_valid(p.handles), p.handles, '[]')) WHERE type = 'object'), '') || ' ',
    coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', p.created_at), p.created_at)
  FROM perpetrators p;
INSERT INTO search_fts (rowid, title, body, other)
  SELECT d.id, p.display_name, p.notes,
    coalesce((SELECT group_concat(value, ' ') FROM json_each(iif(json_valid(p.aliases), p.aliases, '[]')) WHERE type = 'text'), '')
    || ' ' || coalesce((SELECT group_concat(coalesce(json_extract(value, '$.handle'), '') || ' ' || coalesce(json_extract(value, '$.accountId'), '')
                || ' ' || coalesce(json_extract(value, '$.profileUrl'), ''), ' ')
              FROM json_each(iif(json_valid(p.handles), p.handles, '[]')) WHERE type = 'object'), '')
    || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(iif(json_valid(p.emails), p.emails, '[]')) WHERE type = 'text'), '')
  FROM search_docs d JOIN perpetrators p ON p.id = d.record_id WHERE d.kind = 'perpetrator';

INSERT INTO search_docs (kind, record_id, item_id, council_id, councillor_id, created_by, case_id, exhibit_ref, platforms, at)
  SELECT i.kind, i.id, i.id, i.council_id, i.councillor_id, i.captured_by, i.case_id, i.exhibit_ref,
    ' ' || iif(i.kind = 'email', 'email', iif(json_valid(i.metadata), lower(trim(coalesce(json_extract(i.metadata, '$.post.platform'), json_extract(i.metadata, '$.platform'), ''))), '')) || ' ',
    coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', i.captured_at), i.captured_at)
  FROM evidence_items i WHERE NOT EXISTS (SELECT 1 FROM mail_records m WHERE m.item_id = i.id);
INSERT INTO search_fts (rowid, title, body, other)
  SELECT d.id, i.title,
    iif(json_valid(i.metadata), coalesce(json_extract(i.metadata, '$.post.postText'), json_extract(i.metadata, '$.postText'), ''), ''),
    i.exhibit_ref || iif(json_valid(i.metadata),
      ' ' || coalesce(json_extract(i.metadata, '$.post.authorHandle'), json_extract(i.metadata, '$.authorHandle'), '')
      || ' ' || coalesce(json_extract(i.metadata, '$.post.authorDisplayName'), json_extract(i.metadata, '$.authorDisplayName'), '')
      || ' ' || coalesce(json_extract(i.metadata, '$.post.authorId'), json_extract(i.metadata, '$.authorId'), '')
      || ' ' || coalesce(json_extract(i.metadata, '$.url'), '')
      || ' ' || coalesce(json_extract(i.metadata, '$.pageTitle'), '')
      || ' ' || coalesce(json_extract(i.metadata, '$.note'), ''),
    '')
  FROM search_docs d JOIN evidence_items i ON i.id = d.record_id WHERE d.kind IN ('web_capture', 'upload', 'email', 'diary');

UPDATE search_docs SET at = coalesce((SELECT strftime('%Y-%m-%dT%H:%M:%fZ', v.occurred_at) FROM diary_versions v
    WHERE v.item_id = search_docs.item_id ORDER BY v.version DESC LIMIT 1), at)
  WHERE kind = 'diary';
UPDATE search_fts SET
    body = (SELECT v.what_happened || char(10) || v.impact FROM diary_versions v JOIN search_docs d ON d.item_id = v.item_id
            WHERE d.id = search_fts.rowid ORDER BY v.version DESC LIMIT 1),
    other = coalesce((SELECT d.exhibit_ref FROM search_docs d WHERE d.id = search_fts.rowid), '')
      || ' ' || coalesce((SELECT group_concat(v.what_happened || ' ' || v.impact, ' ') FROM diary_versions v JOIN search_docs d ON d.item_id = v.item_id
            WHERE d.id = search_fts.rowid AND v.version < (SELECT max(version) FROM diary_versions WHERE item_id = d.item_id)), '')
  WHERE rowid IN (SELECT d.id FROM search_docs d WHERE d.kind = 'diary' AND EXISTS (SELECT 1 FROM diary_versions v WHERE v.item_id = d.item_id));

INSERT INTO search_docs (kind, record_id, item_id, council_id, councillor_id, created_by, case_id, exhibit_ref, severity, platforms, state, at, body_pending)
  SELECT 'message', m.id, m.item_id, m.council_id, m.councillor_id, i.captured_by, i.case_id, i.exhibit_ref, m.severity, ' email ', m.state,
    coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', m.received_at), m.received_at), 1
  FROM mail_records m JOIN evidence_items i ON i.id = m.item_id;
INSERT INTO search_fts (rowid, title, body, other)
  SELECT d.id, m.subject,
    iif(json_valid(m.verdict),
      coalesce(json_extract(m.verdict, '$.bodyText'), '')
      || ' ' || coalesce(json_extract(m.verdict, '$.email.quoted'), '')
      || ' ' || coalesce(json_extract(m.verdict, '$.email.signature'), '')
      || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.phrase'), ' ')
                          FROM json_each(m.verdict, '$.evidence') WHERE type = 'object'), ''),
    ''),
    coalesce(d.exhibit_ref, '') || ' ' || m.sender || ' ' || m.recipients || ' ' || m.mailbox
  FROM search_docs d JOIN mail_records m ON m.id = d.record_id WHERE d.kind = 'message';
