-- A guarded UPDATE (… WHERE state = ?) that loses a race changes no row, but a D1 batch would
-- still run the custody INSERT and any action INSERT after it: the log would then record a
-- decision that never took effect. Statements from db/write-guard.ts insert NULL here only when
-- the previous statement changed nothing; NOT NULL fails, and the whole batch rolls back.
-- No row is ever stored in this table.
CREATE TABLE write_guard (must_change INTEGER NOT NULL);
