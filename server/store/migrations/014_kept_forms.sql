-- A minutes form posted after its session had ended (idle, or logged out in another tab), kept
-- for the person whose page it was until they log in again (issue 19 point 5). Only that person
-- gets it back, once; it expires on its own so that text nobody came back for does not linger.
CREATE TABLE kept_forms (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  form TEXT NOT NULL,  -- the posted fields, form-encoded, without the ended session's CSRF token
  kept_at INTEGER NOT NULL,     -- unix seconds
  expires_at INTEGER NOT NULL,  -- unix seconds
  restored_at INTEGER
);
CREATE INDEX kept_forms_user ON kept_forms (user_id, meeting_id);
