-- A registry number is unique within its authority's register, not across authorities: two
-- authorities may both have a "2026/0001".
CREATE TABLE registry_by_authority (
  id INTEGER PRIMARY KEY,
  authority_id INTEGER NOT NULL REFERENCES organizations (id),
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  number TEXT NOT NULL,
  meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings (id),
  contract_id INTEGER NOT NULL REFERENCES contracts (id),
  repository TEXT NOT NULL,
  version TEXT NOT NULL,
  tag TEXT NOT NULL,
  registered_by INTEGER NOT NULL REFERENCES users (id),
  registered_at TEXT NOT NULL,
  UNIQUE (authority_id, year, seq),
  UNIQUE (authority_id, number)
);
INSERT INTO registry_by_authority SELECT * FROM registry;
DROP TABLE registry;
ALTER TABLE registry_by_authority RENAME TO registry;
CREATE INDEX registry_contract ON registry (contract_id);
CREATE INDEX registry_number ON registry (number);
