// How an adjuster's approval (justering) of one version is made and what it leaves as evidence:
// the seam where a signing service for Swedish e-ID (a "Signeringstjänst" built on the Sweden
// Connect specifications, DSS SignRequest/SignResponse) can come in later without the approval
// step changing. README.md, "Justering med e-legitimation", says what such a service receives,
// returns and where it is kept.
//
// Samverkan has one method today: the adjuster is logged in (with a password, or through the
// organisation's identity provider) and approves in the application; that is what the record
// says, and nothing here pretends to more.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::minutes {

// The words the protocol prints for an approval made by logging in with a password.
inline constexpr std::string_view kPasswordApprovalMethod =
    "justerat elektroniskt i Samverkan efter inloggning med lösenord";

// What is being approved: one version of one meeting's minutes. `version` is the git commit id,
// the content hash over minutes.md and minutes.json together: what a signing service would sign.
struct ApprovalRequest {
  std::int64_t meetingId = 0;
  Party party = Party::Authority;
  std::int64_t userId = 0;
  std::string userName;
  std::string version;
  TimePoint at{};
  // How the person's session was authenticated (Principal::authentication): empty for a
  // password, else the identity provider's words, "inloggning via … (OpenID Connect, …)".
  std::string authentication;
};

// What the method leaves beside the approval (minutes_approvals.method and .signature).
struct ApprovalEvidence {
  std::string method;  // printed in the signature block ("Metod: …")
  // A signature over the version by the person (CMS or XAdES from a signing service), kept
  // byte for byte; none for a password login, which signs nothing.
  std::optional<std::string> signature;
};

class ApprovalMethod {
 public:
  virtual ~ApprovalMethod() = default;
  // The evidence for `request`, once the person is known to be who the request names (for a
  // password, by the session; for a signing service, by its SignResponse, checked here).
  // Errors are the method's own (a signing service's refusal: Forbidden).
  virtual Result<ApprovalEvidence> evidenceFor(const ApprovalRequest& request) const = 0;
};

// The method Samverkan has: the session's login is the evidence there is, and the record says
// which login it was: a password, or the organisation's identity provider with what it said of
// the authentication (acr, amr). Nothing is signed either way.
class SessionApproval final : public ApprovalMethod {
 public:
  Result<ApprovalEvidence> evidenceFor(const ApprovalRequest& request) const override {
    if (request.authentication.empty())
      return ApprovalEvidence{std::string(kPasswordApprovalMethod), std::nullopt};
    return ApprovalEvidence{"justerat elektroniskt i Samverkan efter " + request.authentication,
                            std::nullopt};
  }
};

}  // namespace sv::minutes
