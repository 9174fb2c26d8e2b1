-- Follow-up reports (uppföljningsrapporter, issue 13): one of each kind per contract and year.
-- The text and its versions are in git (document "reports/<id>/report"); this is where the report
-- is in its lifecycle (config/workflows/report.workflow).
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts (id),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  kind TEXT NOT NULL CHECK (kind IN ('operational', 'contract')),
  state TEXT NOT NULL DEFAULT 'draft'
    CHECK (state IN ('draft', 'fact_check', 'answered', 'final', 'registered')),
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (contract_id, year, kind)
);
CREATE INDEX reports_state ON reports (state, contract_id);

-- The fact-check (faktagranskning): the version the provider was shown, its last day, and how it
-- ended. The provider's comments are review comments on the report's document (migration 015).
CREATE TABLE report_fact_checks (
  report_id INTEGER PRIMARY KEY REFERENCES reports (id),
  version TEXT NOT NULL,
  sent_by INTEGER NOT NULL REFERENCES users (id),
  sent_at TEXT NOT NULL,
  due_on TEXT NOT NULL,  -- YYYY-MM-DD, the last day to answer
  outcome TEXT NOT NULL DEFAULT 'pending'
    CHECK (outcome IN ('pending', 'commented', 'no_comments', 'deadline_passed')),
  answered_by INTEGER REFERENCES users (id),
  ended_at TEXT,
  CHECK ((outcome = 'pending') = (ended_at IS NULL))
);
CREATE INDEX report_fact_checks_due ON report_fact_checks (outcome, due_on);

-- Supplements (kompletteringar): requested by the authority with a last day, sent by the provider
-- (text here, files as attachments of "reports/<id>/supplements/<number>"), decided by the
-- authority, which records the area's assessment before and after and why.
CREATE TABLE report_supplements (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id),
  number INTEGER NOT NULL CHECK (number > 0),
  area_key TEXT NOT NULL,
  request TEXT NOT NULL,
  due_on TEXT NOT NULL,
  requested_by INTEGER NOT NULL REFERENCES users (id),
  requested_at TEXT NOT NULL,
  response TEXT,
  responded_by INTEGER REFERENCES users (id),
  responded_at TEXT,
  before_assessment TEXT,
  after_assessment TEXT,
  reason TEXT,
  decided_by INTEGER REFERENCES users (id),
  decided_at TEXT,
  decided_version TEXT,  -- the report's version the decision wrote
  UNIQUE (report_id, number),
  CHECK ((response IS NULL) = (responded_at IS NULL)),
  CHECK ((decided_at IS NULL) = (after_assessment IS NULL))
);

-- The register of reports: numbers from the same series as the protocols' (per authority and
-- year, without gaps; store/approvals.cpp takes the next one from both tables), so a number
-- names one document of the authority whichever table holds it.
CREATE TABLE report_registry (
  id INTEGER PRIMARY KEY,
  authority_id INTEGER NOT NULL REFERENCES organizations (id),
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  number TEXT NOT NULL,
  report_id INTEGER NOT NULL UNIQUE REFERENCES reports (id),
  contract_id INTEGER NOT NULL REFERENCES contracts (id),
  repository TEXT NOT NULL,
  version TEXT NOT NULL,
  tag TEXT NOT NULL,
  registered_by INTEGER NOT NULL REFERENCES users (id),
  registered_at TEXT NOT NULL,
  UNIQUE (authority_id, year, seq),
  UNIQUE (authority_id, number)
);
CREATE TRIGGER report_registry_number_free BEFORE INSERT ON report_registry
WHEN EXISTS (SELECT 1 FROM registry r WHERE r.authority_id = NEW.authority_id
             AND (r.number = NEW.number OR (r.year = NEW.year AND r.seq = NEW.seq)))
BEGIN SELECT RAISE(ABORT, 'the registry number is taken'); END;
CREATE TRIGGER registry_number_free BEFORE INSERT ON registry
WHEN EXISTS (SELECT 1 FROM report_registry r WHERE r.authority_id = NEW.authority_id
             AND (r.number = NEW.number OR (r.year = NEW.year AND r.seq = NEW.seq)))
BEGIN SELECT RAISE(ABORT, 'the registry number is taken'); END;
CREATE TRIGGER report_registry_no_change BEFORE UPDATE ON report_registry
BEGIN SELECT RAISE(ABORT, 'a registration never changes'); END;
CREATE TRIGGER report_registry_no_delete BEFORE DELETE ON report_registry
BEGIN SELECT RAISE(ABORT, 'a registration never changes'); END;

-- A registered report, its fact-check and its supplements never change again.
CREATE TRIGGER reports_registered_stay BEFORE UPDATE ON reports
WHEN OLD.state = 'registered'
BEGIN SELECT RAISE(ABORT, 'the report is registered'); END;
CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
BEGIN SELECT RAISE(ABORT, 'a report stays in the record'); END;
CREATE TRIGGER report_fact_checks_registered BEFORE UPDATE ON report_fact_checks
WHEN (SELECT state FROM reports WHERE id = OLD.report_id) = 'registered'
BEGIN SELECT RAISE(ABORT, 'the report is registered'); END;
CREATE TRIGGER report_supplements_registered_update BEFORE UPDATE ON report_supplements
WHEN (SELECT state FROM reports WHERE id = OLD.report_id) = 'registered'
BEGIN SELECT RAISE(ABORT, 'the report is registered'); END;
CREATE TRIGGER report_supplements_registered_insert BEFORE INSERT ON report_supplements
WHEN (SELECT state FROM reports WHERE id = NEW.report_id) IN ('final', 'registered')
BEGIN SELECT RAISE(ABORT, 'the report is final'); END;

-- Improvements a report requires become actions (åtgärder) followed at the next meetings, like a
-- meeting's planned actions; the report and the improvement's id name them once.
ALTER TABLE actions ADD COLUMN origin_report_id INTEGER REFERENCES reports (id);
CREATE UNIQUE INDEX actions_from_reports ON actions (origin_report_id, origin_item)
WHERE origin_report_id IS NOT NULL;
