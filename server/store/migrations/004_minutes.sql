-- The minutes (protokoll) of a meeting: their place in the lifecycle. The text and its versions
-- are in git; document_versions indexes them.
CREATE TABLE minutes (
  meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id),
  state TEXT NOT NULL DEFAULT 'draft'
    CHECK (state IN ('draft', 'in_review', 'approved', 'registered')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
