-- How the person of a session proved who they are, in the words the protocol's signature block
-- prints after "justerat elektroniskt i Samverkan efter" (minutes/approval_method.hpp): empty for
-- a password login (every session before this migration was one), "inloggning via <provider>
-- (OpenID Connect, …)" for a login through an identity provider.
ALTER TABLE sessions ADD COLUMN authentication TEXT NOT NULL DEFAULT '';
