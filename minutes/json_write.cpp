// toJson: the canonical writer. Written by hand rather than with Poco's Stringifier because the
// layout (key order, one item per line) is part of the format: it decides what `git diff` shows.
#include <chrono>
#include <cstdio>

#include "minutes/minutes_json.hpp"
#include "workflows/text.hpp"

namespace sv::minutes {
namespace {

void appendString(std::string& out, std::string_view raw) {
  const std::string repaired = text::isValidUtf8(raw) ? std::string() : text::toValidUtf8(raw);
  const std::string_view text = repaired.empty() ? raw : std::string_view(repaired);
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

std::string quoted(std::string_view text) {
  std::string out;
  appendString(out, text);
  return out;
}

std::string dateValue(Date d) {
  return d.ok() ? quoted(formatDate(d)) : "null";
}

std::string instantValue(TimePoint t) {
  using namespace std::chrono;
  const auto whole = floor<seconds>(t);
  std::string text = formatIsoUtc(whole);
  const auto fraction = duration_cast<nanoseconds>(t - whole).count();
  if (fraction != 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(fraction));
    std::string digits = buf;
    while (digits.back() == '0') digits.pop_back();
    text.insert(text.size() - 1, digits);  // before the Z
  }
  return quoted(text);
}

std::string boolValue(bool b) {
  return b ? "true" : "false";
}

// A JSON object on one line, keys in the order they are added.
class Line {
 public:
  Line& add(std::string_view key, const std::string& jsonValue) {
    text_ += text_.empty() ? "{" : ", ";
    appendString(text_, key);
    text_ += ": ";
    text_ += jsonValue;
    return *this;
  }
  std::string str() const { return text_.empty() ? "{}" : text_ + "}"; }

 private:
  std::string text_;
};

// A list of one-line items, indented by `indent`; "[]" when empty.
void appendList(std::string& out, const std::vector<std::string>& items, std::string_view indent) {
  if (items.empty()) {
    out += "[]";
    return;
  }
  out += "[\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += indent;
    out += "  ";
    out += items[i];
    if (i + 1 < items.size()) out += ',';
    out += '\n';
  }
  out += indent;
  out += ']';
}

template <class T, class F>
std::vector<std::string> lines(const std::vector<T>& items, F toLine) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const T& item : items) out.push_back(toLine(item).str());
  return out;
}

void appendSection(std::string& out, const Section& s) {
  constexpr std::string_view in = "      ";
  out += "    {\n";
  out += in;
  out += "\"number\": " + std::to_string(s.number) + ",\n";
  out += in;
  out += "\"key\": " + quoted(s.key) + ",\n";
  out += in;
  out += "\"title\": " + quoted(s.title) + ",\n";
  out += in;
  out += "\"notes\": " + quoted(s.notes) + ",\n";
  out += in;
  out += "\"observations\": ";
  appendList(out,
             lines(s.observations,
                   [](const Observation& o) {
                     return Line().add("id", quoted(o.id)).add("text", quoted(o.text));
                   }),
             in);
  out += ",\n";
  out += in;
  out += "\"actions\": ";
  appendList(out,
             lines(s.actions,
                   [](const Action& a) {
                     return Line()
                         .add("id", quoted(a.id))
                         .add("text", quoted(a.text))
                         .add("responsible_party", quoted(partyKey(a.responsibleParty)))
                         .add("responsible_person", quoted(a.responsiblePerson))
                         .add("due_date", dateValue(a.dueDate));
                   }),
             in);
  out += ",\n";
  out += in;
  out += "\"decisions\": ";
  appendList(out,
             lines(s.decisions,
                   [](const Decision& d) {
                     return Line().add("id", quoted(d.id)).add("text", quoted(d.text));
                   }),
             in);
  out += ",\n";
  out += in;
  out += "\"evaluations\": ";
  appendList(out,
             lines(s.evaluations,
                   [](const Evaluation& e) {
                     return Line()
                         .add("action_id", std::to_string(e.actionId))
                         .add("action_text", quoted(e.actionText))
                         .add("responsible_party", quoted(partyKey(e.responsibleParty)))
                         .add("responsible_person", quoted(e.responsiblePerson))
                         .add("due_date", dateValue(e.dueDate))
                         .add("origin", quoted(e.origin))
                         .add("outcome", quoted(outcomeKey(e.outcome)))
                         .add("comment", quoted(e.comment))
                         .add("new_due_date", e.newDueDate ? dateValue(*e.newDueDate) : "null");
                   }),
             in);
  out += "\n    }";
}

}  // namespace

std::string toJson(const Minutes& m) {
  std::string out;
  out.reserve(4096);
  out += "{\n  \"format\": " + std::to_string(kMinutesJsonFormat) + ",\n";
  const MinutesHeader& h = m.header;
  out += "  \"header\": {\n";
  out += "    \"meeting_id\": " + std::to_string(h.meetingId) + ",\n";
  out += "    \"contract_title\": " + quoted(h.contractTitle) + ",\n";
  out += "    \"contract_reference\": " + quoted(h.contractReference) + ",\n";
  out += "    \"authority_name\": " + quoted(h.authorityName) + ",\n";
  out += "    \"provider_name\": " + quoted(h.providerName) + ",\n";
  out += "    \"starts_at\": " + instantValue(h.startsAt) + ",\n";
  out += "    \"location\": " + quoted(h.location) + "\n";
  out += "  },\n";
  out += "  \"attendance\": ";
  appendList(out,
             lines(m.attendance,
                   [](const Attendee& a) {
                     return Line()
                         .add("name", quoted(a.name))
                         .add("organization", quoted(a.organization))
                         .add("party", quoted(partyKey(a.party)))
                         .add("role", quoted(roleKey(a.role)))
                         .add("present", boolValue(a.present));
                   }),
             "  ");
  out += ",\n  \"sections\": ";
  if (m.sections.empty()) {
    out += "[]";
  } else {
    out += "[\n";
    for (std::size_t i = 0; i < m.sections.size(); ++i) {
      appendSection(out, m.sections[i]);
      out += i + 1 < m.sections.size() ? ",\n" : "\n";
    }
    out += "  ]";
  }
  out += ",\n  \"signatures\": ";
  appendList(out,
             lines(m.signatures,
                   [](const Signature& s) {
                     return Line()
                         .add("party", quoted(partyKey(s.party)))
                         .add("name", quoted(s.name))
                         .add("version", quoted(s.version))
                         .add("at", instantValue(s.at))
                         .add("superseded", boolValue(s.superseded));
                   }),
             "  ");
  out += ",\n  \"disagreements\": ";
  appendList(out,
             lines(m.disagreements,
                   [](const Disagreement& d) {
                     return Line()
                         .add("party", quoted(partyKey(d.party)))
                         .add("name", quoted(d.name))
                         .add("text", quoted(d.text));
                   }),
             "  ");
  out += ",\n  \"registry_number\": ";
  out += m.registryNumber ? quoted(*m.registryNumber) : "null";
  out += "\n}\n";
  return out;
}

}  // namespace sv::minutes
