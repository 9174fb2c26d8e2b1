-- The yearly summary to the committee as a record (issue 15 point 4): one per authority and year.
-- Its text and, from the time it goes for approval, the figures of that day are in git (the
-- authority's repository "authority-<id>", document "annual/<year>/report"); this is where it is
-- in its lifecycle (config/workflows/annual_report.workflow) and which version was sent,
-- approved, returned.
CREATE TABLE annual_reports (
  id INTEGER PRIMARY KEY,
  authority_id INTEGER NOT NULL REFERENCES organizations (id),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  state TEXT NOT NULL DEFAULT 'draft'
    CHECK (state IN ('draft', 'submitted', 'approved', 'registered')),
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- The version that went for approval with its frozen figures; the figures' day (Stockholm).
  submitted_version TEXT,
  figures_as_of TEXT,
  approved_version TEXT,
  approved_by INTEGER REFERENCES users (id),
  approved_at TEXT,
  -- The director's last return, shown to the writer until the report goes again.
  returned_comment TEXT,
  returned_by INTEGER REFERENCES users (id),
  returned_at TEXT,
  UNIQUE (authority_id, year),
  CHECK ((state = 'draft') = (submitted_version IS NULL)),
  CHECK ((state IN ('approved', 'registered')) = (approved_version IS NOT NULL)),
  CHECK (approved_version IS NULL OR approved_version = submitted_version)
);

-- The register: the same series as the protocols' and the follow-up reports' (per authority and
-- year, without gaps; store/approvals.cpp takes the next number from all three tables).
CREATE TABLE annual_registry (
  id INTEGER PRIMARY KEY,
  authority_id INTEGER NOT NULL REFERENCES organizations (id),
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  number TEXT NOT NULL,
  annual_report_id INTEGER NOT NULL UNIQUE REFERENCES annual_reports (id),
  repository TEXT NOT NULL,
  version TEXT NOT NULL,
  tag TEXT NOT NULL,
  registered_by INTEGER NOT NULL REFERENCES users (id),
  registered_at TEXT NOT NULL,
  UNIQUE (authority_id, year, seq),
  UNIQUE (authority_id, number)
);
CREATE TRIGGER annual_registry_number_free BEFORE INSERT ON annual_registry
WHEN EXISTS (SELECT 1 FROM registry r WHERE r.authority_id = NEW.authority_id
             AND (r.number = NEW.number OR (r.year = NEW.year AND r.seq = NEW.seq)))
  OR EXISTS (SELECT 1 FROM report_registry r WHERE r.authority_id = NEW.authority_id
             AND (r.number = NEW.number OR (r.year = NEW.year AND r.seq = NEW.seq)))
BEGIN SELECT RAISE(ABORT, 'the registry number is taken'); END;
CREATE TRIGGER registry_number_free_of_annual BEFORE INSERT ON registry
WHEN EXISTS (SELECT 1 FROM annual_registry r WHERE r.authority_id = NEW.authority_id
             AND (r.number = NEW.number OR (r.year = NEW.year AND r.seq = NEW.seq)))
BEGIN SELECT RAISE(ABORT, 'the registry number is taken'); END;
CREATE TRIGGER report_registry_number_free_of_annual BEFORE INSERT ON report_registry
WHEN EXISTS (SELECT 1 FROM annual_registry r WHERE r.authority_id = NEW.authority_id
             AND (r.number = NEW.number OR (r.year = NEW.year AND r.seq = NEW.seq)))
BEGIN SELECT RAISE(ABORT, 'the registry number is taken'); END;
CREATE TRIGGER annual_registry_no_change BEFORE UPDATE ON annual_registry
BEGIN SELECT RAISE(ABORT, 'a registration never changes'); END;
CREATE TRIGGER annual_registry_no_delete BEFORE DELETE ON annual_registry
BEGIN SELECT RAISE(ABORT, 'a registration never changes'); END;
-- Registered means a registry row: the state cannot claim it without one.
CREATE TRIGGER annual_reports_registered_with_number BEFORE UPDATE OF state ON annual_reports
WHEN NEW.state = 'registered'
  AND NOT EXISTS (SELECT 1 FROM annual_registry r WHERE r.annual_report_id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'a registered yearly summary has a registry number'); END;

-- A registered summary never changes again; none is ever removed.
CREATE TRIGGER annual_reports_registered_stay BEFORE UPDATE ON annual_reports
WHEN OLD.state = 'registered'
BEGIN SELECT RAISE(ABORT, 'the yearly summary is registered'); END;
CREATE TRIGGER annual_reports_no_delete BEFORE DELETE ON annual_reports
BEGIN SELECT RAISE(ABORT, 'a yearly summary stays in the record'); END;
