-- Contracts between an authority and a provider, and their meetings.
CREATE TABLE contracts (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  authority_id INTEGER NOT NULL REFERENCES organizations (id),
  provider_id INTEGER NOT NULL REFERENCES organizations (id),
  service_area TEXT NOT NULL,
  reference TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  meetings_per_year INTEGER NOT NULL DEFAULT 4 CHECK (meetings_per_year BETWEEN 1 AND 12),
  agenda_template TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (authority_id <> provider_id)
);
CREATE UNIQUE INDEX contracts_reference ON contracts (authority_id, reference);
CREATE INDEX contracts_provider ON contracts (provider_id);
