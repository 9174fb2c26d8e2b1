-- Attachments (bilagor) of documents: the bytes are a blob in the contract's repository, in a
-- commit by the uploader at `path` (`<document>/bilagor/<sha256>-<name>`, so the same bytes are
-- stored once and listed beside the document); this row is what the server knows of it. A row is
-- never deleted: a removal is recorded (the commit that took the file away), so the record keeps
-- who added and removed what. Once the document the attachment belongs with is sealed
-- (`sealed_with`, e.g. the minutes a meeting's attachments are registered with), nothing changes.
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts (id),  -- the tenant anchor
  meeting_id INTEGER REFERENCES meetings (id),             -- when it belongs to a meeting
  repository TEXT NOT NULL,
  document TEXT NOT NULL,      -- the document it is attached to, e.g. "meetings/12/minutes"
  sealed_with TEXT NOT NULL,   -- the document whose seal closes it
  path TEXT NOT NULL,          -- the file in the repository
  blob_oid TEXT NOT NULL CHECK (length(blob_oid) = 40),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size > 0),
  content_type TEXT NOT NULL,
  file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 120),
  uploaded_by INTEGER NOT NULL REFERENCES users (id),
  uploaded_at TEXT NOT NULL,
  version TEXT NOT NULL,       -- the commit that added it
  removed_by INTEGER REFERENCES users (id),
  removed_at TEXT,
  removed_version TEXT,        -- the commit that took it away
  CHECK ((removed_by IS NULL) = (removed_at IS NULL) AND
         (removed_at IS NULL) = (removed_version IS NULL))
);
CREATE INDEX attachments_document ON attachments (repository, document, id);
CREATE INDEX attachments_meeting ON attachments (meeting_id, id);
-- The same file under the same name is listed once on a document.
CREATE UNIQUE INDEX attachments_listed_once ON attachments (repository, path)
WHERE removed_at IS NULL;

CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
BEGIN SELECT RAISE(ABORT, 'an attachment stays in the record'); END;

CREATE TRIGGER attachments_removed_once BEFORE UPDATE ON attachments
WHEN OLD.removed_at IS NOT NULL
  OR NEW.contract_id IS NOT OLD.contract_id OR NEW.meeting_id IS NOT OLD.meeting_id
  OR NEW.repository IS NOT OLD.repository OR NEW.document IS NOT OLD.document
  OR NEW.sealed_with IS NOT OLD.sealed_with OR NEW.path IS NOT OLD.path
  OR NEW.blob_oid IS NOT OLD.blob_oid OR NEW.sha256 IS NOT OLD.sha256 OR NEW.size IS NOT OLD.size
  OR NEW.content_type IS NOT OLD.content_type OR NEW.file_name IS NOT OLD.file_name
  OR NEW.uploaded_by IS NOT OLD.uploaded_by OR NEW.uploaded_at IS NOT OLD.uploaded_at
  OR NEW.version IS NOT OLD.version
BEGIN SELECT RAISE(ABORT, 'an attachment is added once and removed once'); END;

CREATE TRIGGER attachments_not_sealed BEFORE INSERT ON attachments
WHEN EXISTS (SELECT 1 FROM sealed_documents s
             WHERE s.repository = NEW.repository
               AND (s.document = NEW.sealed_with OR s.document = NEW.document))
BEGIN SELECT RAISE(ABORT, 'the document is sealed'); END;
CREATE TRIGGER attachments_removed_not_sealed BEFORE UPDATE ON attachments
WHEN EXISTS (SELECT 1 FROM sealed_documents s
             WHERE s.repository = NEW.repository
               AND (s.document = NEW.sealed_with OR s.document = NEW.document))
BEGIN SELECT RAISE(ABORT, 'the document is sealed'); END;
