-- Approval (justering) of exact versions, returns with comments, registration (diarieföring),
-- notifications to people, and documents sealed for ever.
CREATE TABLE minutes_approvals (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  party TEXT NOT NULL CHECK (party IN ('authority', 'provider')),
  user_id INTEGER NOT NULL REFERENCES users (id),
  version TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',  -- a note of disagreement, part of the protocol
  approved_at TEXT NOT NULL,
  superseded_at TEXT               -- set when a later edit made a new version
);
CREATE INDEX minutes_approvals_meeting ON minutes_approvals (meeting_id, id);

CREATE TABLE minutes_returns (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  version TEXT NOT NULL,
  comment TEXT NOT NULL,
  returned_at TEXT NOT NULL
);
CREATE INDEX minutes_returns_meeting ON minutes_returns (meeting_id, id);

-- The register. The sequence is per authority and year, without gaps: a number is taken inside
-- the transaction that registers, and the write lock serialises registrars.
CREATE TABLE registry (
  id INTEGER PRIMARY KEY,
  authority_id INTEGER NOT NULL REFERENCES organizations (id),
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  number TEXT NOT NULL UNIQUE,
  meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings (id),
  contract_id INTEGER NOT NULL REFERENCES contracts (id),
  repository TEXT NOT NULL,
  version TEXT NOT NULL,
  tag TEXT NOT NULL,
  registered_by INTEGER NOT NULL REFERENCES users (id),
  registered_at TEXT NOT NULL,
  UNIQUE (authority_id, year, seq)
);
CREATE INDEX registry_contract ON registry (contract_id);

-- A sealed document takes no more versions: the store refuses every write to it.
CREATE TABLE sealed_documents (
  repository TEXT NOT NULL,
  document TEXT NOT NULL,
  reason TEXT NOT NULL,
  sealed_at TEXT NOT NULL,
  PRIMARY KEY (repository, document)
) WITHOUT ROWID;
CREATE TRIGGER sealed_documents_no_delete BEFORE DELETE ON sealed_documents
BEGIN SELECT RAISE(ABORT, 'a sealed document stays sealed'); END;
CREATE TRIGGER document_versions_not_sealed BEFORE INSERT ON document_versions
WHEN EXISTS (SELECT 1 FROM sealed_documents s
             WHERE s.repository = NEW.repository AND s.document = NEW.document)
BEGIN SELECT RAISE(ABORT, 'the document is sealed'); END;

CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  meeting_id INTEGER REFERENCES meetings (id),
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, id);
