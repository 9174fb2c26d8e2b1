-- Organisations, people, sessions, the audit log and the index of git documents.
CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('authority', 'provider')),
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX organizations_name ON organizations (name COLLATE NOCASE);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  organization_id INTEGER NOT NULL REFERENCES organizations (id),
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX users_username ON users (username COLLATE NOCASE);
CREATE INDEX users_organization ON users (organization_id);

CREATE TABLE user_roles (
  user_id INTEGER NOT NULL REFERENCES users (id),
  role TEXT NOT NULL
    CHECK (role IN ('admin', 'contract_manager', 'provider_rep', 'registrar', 'reader')),
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

-- Only a hash of the bearer token is kept: a copy of the database does not let anyone log in.
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  csrf_token TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
  username TEXT NOT NULL COLLATE NOCASE,
  at INTEGER NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username, at);

-- Append-only: each entry carries the SHA-256 of the one before it, and audit_head names the last,
-- so an edited, removed or truncated entry is found by verification.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  version TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_id INTEGER NOT NULL,
  last_hash TEXT NOT NULL
);

-- One git repository per contract. `head` is the truth: start-up moves the branch to it.
CREATE TABLE repositories (
  name TEXT PRIMARY KEY,
  head TEXT NOT NULL
) WITHOUT ROWID;

-- Every version of every document: the commit that made it, in order.
CREATE TABLE document_versions (
  id INTEGER PRIMARY KEY,
  repository TEXT NOT NULL REFERENCES repositories (name),
  document TEXT NOT NULL,
  version TEXT NOT NULL,
  parent_version TEXT,
  author_id INTEGER REFERENCES users (id),
  author_name TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (repository, document, version)
);
CREATE INDEX document_versions_document ON document_versions (repository, document, id);
