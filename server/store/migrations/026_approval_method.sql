-- How each approval was made, as the protocol's signature block prints it (minutes/
-- approval_method.hpp). Every approval so far was made after a password login, which is what the
-- default says; a signing service for e-ID would write its own words here.
ALTER TABLE minutes_approvals ADD COLUMN method TEXT NOT NULL
  DEFAULT 'justerat elektroniskt i Samverkan efter inloggning med lösenord';
