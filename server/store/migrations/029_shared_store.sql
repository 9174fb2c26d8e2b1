-- What several server processes on one store need (issue 18).
--
-- The database's own count of write transactions (Database::writes): raised by every write
-- transaction before its commit, so a reader that sees the new count sees what it wrote. With
-- several server processes on one PostgreSQL a process's own count misses the others' writes;
-- this one does not, and the caches that skip work while nothing was written ask it.
-- One row (id 1), made by the first write (no row reads as 0), never deleted.
CREATE TABLE store_writes (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL
);
CREATE TRIGGER store_writes_kept BEFORE DELETE ON store_writes
BEGIN
  SELECT RAISE(ABORT, 'the count of writes is kept');
END;

-- A sender's claim on a message it is delivering: until then no other sender takes it (several
-- server processes on one PostgreSQL each run a sender). Cleared when the message is sent or its
-- attempt fails; a sender that dies leaves it to run out (on SQLite, whose folder has one
-- process, the next start clears it).
ALTER TABLE outbox ADD COLUMN claimed_until INTEGER;
