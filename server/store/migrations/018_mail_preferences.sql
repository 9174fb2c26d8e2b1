-- Who wants which e-mail, and the mail that waits for a person's daily digest (issue 12).
-- A person chooses per kind of message: at once, in the daily digest, or not at all; without a
-- row the kind's default holds (workflows/mail_kinds.hpp), so a new kind needs no migration.
CREATE TABLE mail_preferences (
  user_id INTEGER NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,
  choice TEXT NOT NULL CHECK (choice IN ('now', 'digest', 'never')),
  PRIMARY KEY (user_id, kind)
) WITHOUT ROWID;

-- The secret in a person's unsubscribe links: whoever holds a message may turn that kind off
-- without logging in, and nothing else. Random, one per person, made with their first message.
CREATE TABLE mail_tokens (
  user_id INTEGER PRIMARY KEY REFERENCES users (id),
  token TEXT NOT NULL UNIQUE
);

-- Notices for the daily digest: written in the transaction of the change (like the outbox),
-- gathered into one message a day per person; digest_message_id says which message took them.
CREATE TABLE mail_digest_items (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  link TEXT NOT NULL,
  created_at INTEGER NOT NULL,             -- unix seconds
  digest_message_id TEXT                   -- NULL until a digest carried it
);
CREATE INDEX mail_digest_pending ON mail_digest_items (user_id, id) WHERE digest_message_id IS NULL;

-- A reminder is given once: its key names what it is about and which threshold was passed
-- ('action:42:overdue'), so a restart or a second run the same day never repeats it.
CREATE TABLE mail_reminders_given (
  key TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id),
  day TEXT NOT NULL,                       -- the Swedish day it was given, YYYY-MM-DD
  PRIMARY KEY (key, user_id)
) WITHOUT ROWID;

-- The day each scheduled job (reminders, digests) last ran, so a job runs once a day whatever
-- the restarts.
CREATE TABLE mail_jobs (
  job TEXT PRIMARY KEY,
  last_day TEXT NOT NULL
) WITHOUT ROWID;

-- The daily reminders' questions, answered without reading every row.
CREATE INDEX meetings_without_agenda ON meetings (starts_at)
  WHERE status = 'planned' AND agenda_published_version IS NULL;
CREATE INDEX minutes_in_review ON minutes (updated_at) WHERE state = 'in_review';
