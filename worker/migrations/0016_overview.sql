-- The overview (issue 19): its trends look up each evidence item's mail record, if it has one,
-- to leave out mail an officer released or marked not abuse and to read the email's severity.
-- Without this index every such lookup scans all the mail of every council.
CREATE INDEX mail_records_item ON mail_records(item_id);
