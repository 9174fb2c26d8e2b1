-- Event-driven follow-up (händelsestyrd uppföljning, seed 002 § 8.2; issue 14): cases per contract,
-- their timeline, who was told of an acute case and when, the provider's action plans, and the
-- case's report to the committee as a follow-up report of kind 'case'.
--
-- Two tables are rebuilt because SQLite cannot change a CHECK or UNIQUE in place (the procedure of
-- sqlite.org/lang_altertable.html: the runner turns foreign keys off around every migration and
-- checks them before COMMIT; legacy_alter_table keeps the rename from re-parsing the triggers of
-- other tables that name the table while it is briefly gone).
PRAGMA legacy_alter_table = ON;

-- The authority's leadership: förvaltningschef and nämndsekreterare, told at once of acute cases.
CREATE TABLE user_roles_v21 (
  user_id INTEGER NOT NULL REFERENCES users (id),
  role TEXT NOT NULL
    CHECK (role IN ('admin', 'contract_manager', 'provider_rep', 'registrar', 'reader',
                    'director', 'committee_secretary')),
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;
INSERT INTO user_roles_v21 (user_id, role) SELECT user_id, role FROM user_roles;
DROP TABLE user_roles;
ALTER TABLE user_roles_v21 RENAME TO user_roles;

CREATE TABLE follow_up_cases (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts (id),
  trigger_kind TEXT NOT NULL CHECK (trigger_kind IN ('deviations', 'complaints', 'serious_event',
                                                     'budget_deviation', 'individual_signal',
                                                     'other')),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  occurred_on TEXT NOT NULL,  -- YYYY-MM-DD
  urgency TEXT NOT NULL CHECK (urgency IN ('normal', 'acute')),
  state TEXT NOT NULL DEFAULT 'collecting'
    CHECK (state IN ('collecting', 'analysis', 'action_plan_requested', 'action_plan_received',
                     'feedback', 'reported', 'closed')),
  plan_due_on TEXT,           -- the action plan's last day while one is requested
  feedback_given INTEGER NOT NULL DEFAULT 0,
  opened_by INTEGER NOT NULL REFERENCES users (id),
  opened_at TEXT NOT NULL,
  progressed_at TEXT NOT NULL  -- the last step or material: what "without progress" is counted from
);
CREATE INDEX follow_up_cases_contract ON follow_up_cases (contract_id, state);
CREATE INDEX follow_up_cases_state ON follow_up_cases (state, progressed_at);

-- The timeline: opening, notes (the material), each analysis, the plan's rounds, feedback, the
-- report, acute marking, closing. Written once, never changed or deleted.
CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES follow_up_cases (id),
  kind TEXT NOT NULL CHECK (kind IN ('opened', 'note', 'analysis_started', 'analysis_ok',
                                     'action_plan_requested', 'action_plan_submitted',
                                     'action_plan_returned', 'action_plan_accepted', 'feedback',
                                     'report_started', 'reported', 'closed', 'marked_acute')),
  user_id INTEGER NOT NULL REFERENCES users (id),
  text TEXT NOT NULL DEFAULT '',
  due_on TEXT,     -- the plan's last day, for a request or a return
  version TEXT,    -- the plan's version, for a submission, return or acceptance
  at TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events (case_id, id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'a case event is written once'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'a case event is written once'); END;

-- Who was told of an acute case, by which role, and when (seed 002: "ska både omsorgsdirektör och
-- nämnd meddelas omedelbart"); the record shows it.
CREATE TABLE case_notices (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES follow_up_cases (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  role TEXT NOT NULL CHECK (role IN ('director', 'committee_secretary')),
  at TEXT NOT NULL,
  UNIQUE (case_id, user_id, role)
);
CREATE TRIGGER case_notices_no_change BEFORE UPDATE ON case_notices
BEGIN SELECT RAISE(ABORT, 'a notice is written once'); END;
CREATE TRIGGER case_notices_no_delete BEFORE DELETE ON case_notices
BEGIN SELECT RAISE(ABORT, 'a notice is written once'); END;

-- The action plan's rounds: the version the provider sent, and what the authority decided.
CREATE TABLE case_plans (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES follow_up_cases (id),
  round INTEGER NOT NULL CHECK (round > 0),
  version TEXT NOT NULL,
  submitted_by INTEGER NOT NULL REFERENCES users (id),
  submitted_at TEXT NOT NULL,
  decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'returned', 'accepted')),
  decided_by INTEGER REFERENCES users (id),
  decided_at TEXT,
  UNIQUE (case_id, round),
  CHECK ((decision = 'pending') = (decided_at IS NULL))
);
CREATE TRIGGER case_plans_decided_once BEFORE UPDATE ON case_plans
WHEN OLD.decision <> 'pending' OR NEW.version IS NOT OLD.version OR NEW.round IS NOT OLD.round
BEGIN SELECT RAISE(ABORT, 'a plan is decided once'); END;

-- Once the case's report is registered its material is sealed with it ("cases/<id>" in
-- sealed_documents): the case's facts, notes, plans and files never change again; only the
-- steps that follow the registration (reported, closed) are still taken.
CREATE TRIGGER follow_up_cases_sealed BEFORE UPDATE ON follow_up_cases
WHEN EXISTS (SELECT 1 FROM sealed_documents s
             WHERE s.repository = 'contract-' || OLD.contract_id
               AND s.document = 'cases/' || OLD.id)
  AND (NEW.title IS NOT OLD.title OR NEW.description IS NOT OLD.description
       OR NEW.trigger_kind IS NOT OLD.trigger_kind OR NEW.occurred_on IS NOT OLD.occurred_on
       OR NEW.urgency IS NOT OLD.urgency OR NEW.contract_id IS NOT OLD.contract_id
       OR NEW.plan_due_on IS NOT OLD.plan_due_on OR NEW.feedback_given IS NOT OLD.feedback_given
       OR NEW.state NOT IN ('reported', 'closed'))
BEGIN SELECT RAISE(ABORT, 'the case is sealed with its registered report'); END;
CREATE TRIGGER case_events_sealed BEFORE INSERT ON case_events
WHEN NEW.kind NOT IN ('reported', 'closed') AND EXISTS (
  SELECT 1 FROM sealed_documents s JOIN follow_up_cases f ON f.id = NEW.case_id
  WHERE s.repository = 'contract-' || f.contract_id AND s.document = 'cases/' || f.id)
BEGIN SELECT RAISE(ABORT, 'the case is sealed with its registered report'); END;
CREATE TRIGGER follow_up_cases_no_delete BEFORE DELETE ON follow_up_cases
BEGIN SELECT RAISE(ABORT, 'a case stays in the record'); END;

-- Reports gain the kind 'case' and the case they report on; one report per case, one report of
-- the other kinds per contract and year as before.
CREATE TABLE reports_v21 (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts (id),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  kind TEXT NOT NULL CHECK (kind IN ('operational', 'contract', 'case')),
  state TEXT NOT NULL DEFAULT 'draft'
    CHECK (state IN ('draft', 'fact_check', 'answered', 'final', 'registered')),
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  case_id INTEGER REFERENCES follow_up_cases (id),
  CHECK ((kind = 'case') = (case_id IS NOT NULL))
);
INSERT INTO reports_v21 (id, contract_id, year, kind, state, created_by, created_at, updated_at)
SELECT id, contract_id, year, kind, state, created_by, created_at, updated_at FROM reports;
DROP TABLE reports;
ALTER TABLE reports_v21 RENAME TO reports;
CREATE UNIQUE INDEX reports_one_per_year ON reports (contract_id, year, kind) WHERE case_id IS NULL;
CREATE UNIQUE INDEX reports_one_per_case ON reports (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX reports_state ON reports (state, contract_id);
CREATE TRIGGER reports_registered_stay BEFORE UPDATE ON reports
WHEN OLD.state = 'registered'
BEGIN SELECT RAISE(ABORT, 'the report is registered'); END;
CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
BEGIN SELECT RAISE(ABORT, 'a report stays in the record'); END;

-- The points of an accepted action plan become actions followed at the meetings; the case and the
-- point's id name each once.
ALTER TABLE actions ADD COLUMN origin_case_id INTEGER REFERENCES follow_up_cases (id);
CREATE UNIQUE INDEX actions_from_cases ON actions (origin_case_id, origin_item)
WHERE origin_case_id IS NOT NULL;

PRAGMA legacy_alter_table = OFF;
