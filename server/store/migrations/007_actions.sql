-- Actions (åtgärder): what a party committed to do, followed from meeting to meeting until both
-- parties agree it is done.
CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts (id),
  origin_meeting_id INTEGER REFERENCES meetings (id),  -- none: agreed outside a meeting
  origin_section INTEGER,
  origin_item TEXT,  -- the action's id in the minutes (minutes.json), with the meeting its key
  text TEXT NOT NULL,
  responsible_party TEXT NOT NULL CHECK (responsible_party IN ('authority', 'provider')),
  responsible_person TEXT NOT NULL DEFAULT '',
  due_on TEXT NOT NULL,  -- YYYY-MM-DD
  status TEXT NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'reported', 'accepted', 'insufficient')),
  agreed_at TEXT NOT NULL,  -- when the meeting was held, or the action agreed
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (origin_meeting_id, origin_item)
);
CREATE INDEX actions_contract ON actions (contract_id, status, agreed_at);
CREATE INDEX actions_due ON actions (status, due_on);

-- What happened to an action: its report, evaluations, changes.
CREATE TABLE action_events (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions (id),
  kind TEXT NOT NULL,  -- created, report, evaluation, change
  user_id INTEGER REFERENCES users (id),
  meeting_id INTEGER REFERENCES meetings (id),
  text TEXT NOT NULL DEFAULT '',
  outcome TEXT,
  new_due_on TEXT,
  at TEXT NOT NULL
);
CREATE INDEX action_events_action ON action_events (action_id, id);
