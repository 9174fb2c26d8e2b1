#include "minutes/labels.hpp"

namespace sv::minutes::detail {

std::string_view partyLabel(Party p) {
  switch (p) {
    case Party::Authority:
      return "Förvaltningen";
    case Party::Provider:
      return "Utföraren";
  }
  return "Okänd part";
}

std::string_view roleLabel(Role r) {
  switch (r) {
    case Role::Chair:
      return "ordförande";
    case Role::Secretary:
      return "sekreterare";
    case Role::Adjuster:
      return "justerare";
    case Role::Participant:
      return "";
  }
  return "";
}

std::string rolesLabel(const Attendee& a) {
  std::string out;
  for (Role r : rolesOf(a)) {
    if (!out.empty()) out += ", ";
    out += roleLabel(r);
  }
  return out;
}

std::string_view outcomeLabel(Outcome o) {
  switch (o) {
    case Outcome::None:
      return "Ej bedömd";
    case Outcome::Accepted:
      return "Godkänd";
    case Outcome::Insufficient:
      return "Otillräcklig";
  }
  return "Okänd bedömning";
}

std::string dateLabel(Date d) {
  return d.ok() ? formatDate(d) : "ej angivet";
}

std::string shortVersion(std::string_view commitId) {
  return std::string(commitId.substr(0, 7));
}

std::string sizeLabel(std::int64_t bytes) {
  const std::string digits = std::to_string(bytes < 0 ? 0 : bytes);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out + " byte";
}

std::string sectionHeading(const Section& s) {
  return "§ " + std::to_string(s.number) + " " + s.title;
}

}  // namespace sv::minutes::detail
