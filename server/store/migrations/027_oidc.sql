-- Single sign-on with OpenID Connect (issue 17).

-- A login begun at a provider and not yet come back: one row per attempt, keyed by the SHA-256 of
-- its state, deleted when the callback uses it (so a replayed state finds nothing) and worthless
-- after ten minutes. The nonce and the PKCE verifier are what the callback checks against; the
-- browser's hash is of a cookie given to the browser that began it, so that a callback someone
-- else began (a login CSRF: the attacker's own code sent to a victim) is refused.
CREATE TABLE oidc_logins (
  state_hash TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  next_path TEXT NOT NULL,
  browser_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX oidc_logins_created ON oidc_logins (created_at);

-- Who a provider's subject is here. (issuer, sub) is the identity that stays (OpenID Connect
-- Core 5.7: an e-mail address may change hands), so a person is found by it after the first login.
CREATE TABLE user_identities (
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id),
  provider TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  PRIMARY KEY (issuer, subject)
) WITHOUT ROWID;
CREATE INDEX user_identities_user ON user_identities (user_id);

-- The session a provider's login opened, with its ID token: the hint of the RP-initiated logout.
CREATE TABLE oidc_sessions (
  session_id INTEGER PRIMARY KEY REFERENCES sessions (id),
  provider TEXT NOT NULL,
  id_token TEXT NOT NULL
);

-- An organisation whose people all sign in through its identity provider turns passwords off.
ALTER TABLE organizations ADD COLUMN password_login INTEGER NOT NULL DEFAULT 1;
