-- E-mail to send (issue 12): each message is a row written in the same transaction as the change
-- that causes it, so nothing acknowledged goes without its mail. A sender delivers the due rows,
-- marks each sent, and moves a failed one's next attempt further away; a crash between delivery
-- and marking sends it again, always with the same Message-ID, so a reader's mail program can
-- tell. A sent message is history: it never changes and no message is ever deleted here.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL UNIQUE,        -- the Message-ID header's value, without < >
  kind TEXT NOT NULL,                     -- what it is about: 'invitation', 'minutes_submitted', …
  user_id INTEGER REFERENCES users (id),  -- the recipient's account, when they have one
  recipient TEXT NOT NULL,                -- the address it goes to
  message TEXT NOT NULL,                  -- the whole message as sent (RFC 5322, MIME)
  created_at INTEGER NOT NULL,            -- unix seconds
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,       -- unix seconds
  sent_at INTEGER,                        -- unix seconds; NULL until delivered
  last_error TEXT                         -- why the last attempt failed
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL;

CREATE TRIGGER outbox_sent_fixed BEFORE UPDATE ON outbox WHEN OLD.sent_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a sent message never changes'); END;
CREATE TRIGGER outbox_kept BEFORE DELETE ON outbox
BEGIN SELECT RAISE(ABORT, 'the outbox keeps every message'); END;
