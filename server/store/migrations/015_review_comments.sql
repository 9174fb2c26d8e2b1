-- Comments in a review (workflows/review_comments.hpp): one party's comments on a document the
-- other party wrote, part by part (a § of the minutes; '' for the whole), and how the writer dealt
-- with each. A comment is written once and handled once; nothing is ever deleted, so the next
-- review and the archive see the whole exchange.
CREATE TABLE review_comments (
  id INTEGER PRIMARY KEY,
  repository TEXT NOT NULL,
  document TEXT NOT NULL,
  part TEXT NOT NULL DEFAULT '',
  version TEXT NOT NULL,               -- the version the comment was made on
  user_id INTEGER NOT NULL REFERENCES users (id),
  party TEXT NOT NULL CHECK (party IN ('authority', 'provider')),
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  handled_by INTEGER REFERENCES users (id),
  handling TEXT,
  handled_at TEXT,
  CHECK ((handled_by IS NULL) = (handled_at IS NULL) AND (handled_at IS NULL) = (handling IS NULL))
);
CREATE INDEX review_comments_document ON review_comments (repository, document, id);

CREATE TRIGGER review_comments_no_delete BEFORE DELETE ON review_comments
BEGIN SELECT RAISE(ABORT, 'a review comment stays'); END;

CREATE TRIGGER review_comments_written_once BEFORE UPDATE ON review_comments
WHEN OLD.handled_at IS NOT NULL
  OR NEW.repository IS NOT OLD.repository OR NEW.document IS NOT OLD.document
  OR NEW.part IS NOT OLD.part OR NEW.version IS NOT OLD.version
  OR NEW.user_id IS NOT OLD.user_id OR NEW.party IS NOT OLD.party
  OR NEW.text IS NOT OLD.text OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a review comment is written once and handled once'); END;

-- A registered document's record is closed: no new comments, no handling.
CREATE TRIGGER review_comments_not_sealed BEFORE INSERT ON review_comments
WHEN EXISTS (SELECT 1 FROM sealed_documents s
             WHERE s.repository = NEW.repository AND s.document = NEW.document)
BEGIN SELECT RAISE(ABORT, 'the document is sealed'); END;
CREATE TRIGGER review_comments_handled_not_sealed BEFORE UPDATE ON review_comments
WHEN EXISTS (SELECT 1 FROM sealed_documents s
             WHERE s.repository = NEW.repository AND s.document = NEW.document)
BEGIN SELECT RAISE(ABORT, 'the document is sealed'); END;
