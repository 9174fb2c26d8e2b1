-- Meetings of a contract, their participants, and the agenda template each was made from.
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts (id),
  starts_at TEXT NOT NULL,  -- UTC, ISO 8601: sorts as time
  ends_at TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled')),
  cancel_reason TEXT,
  sequence INTEGER NOT NULL DEFAULT 0,  -- iCalendar SEQUENCE: raised on every reschedule
  plan_year INTEGER,
  plan_slot INTEGER,
  -- The fixed agenda as it was when the meeting was made: a later edit of the template does not
  -- change the agenda of a meeting that already exists.
  template_id TEXT NOT NULL,
  template_version TEXT NOT NULL,
  template_text TEXT NOT NULL,
  agenda_published_version TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE UNIQUE INDEX meetings_plan_slot ON meetings (contract_id, plan_year, plan_slot)
  WHERE plan_year IS NOT NULL;
CREATE INDEX meetings_contract ON meetings (contract_id, starts_at);

CREATE TABLE meeting_participants (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  role TEXT NOT NULL CHECK (role IN ('chair', 'secretary', 'adjuster', 'participant')),
  party TEXT NOT NULL CHECK (party IN ('authority', 'provider')),
  PRIMARY KEY (meeting_id, user_id, role)
) WITHOUT ROWID;
CREATE INDEX meeting_participants_user ON meeting_participants (user_id);
