// The follow-up report's canonical JSON: written with the project's one writer in a fixed layout
// (what `git diff` shows), read back key by key with the minutes' field reader.
#include <Poco/JSON/Parser.h>

#include "minutes/json_fields.hpp"
#include "minutes/minutes.hpp"
#include "minutes/report.hpp"
#include "workflows/json_writer.hpp"

namespace sv::minutes {
namespace {

using Layout = json::Writer::Layout;
using detail::element;
using detail::Fields;
using detail::parseJsonText;
using detail::readList;
using Poco::Dynamic::Var;

// Root, areas, area, improvements, improvement: 5 levels; a little room.
constexpr std::size_t kMaxReportDepth = 16;

void writeReportDate(json::Writer& w, Date d) {
  if (d.ok())
    w.value(formatDate(d));
  else
    w.null();
}

void writeArea(json::Writer& w, const ReportArea& a) {
  w.beginObject();
  w.key("key").value(a.key);
  w.key("title").value(a.title);
  w.key("questions").beginArray();
  for (const auto& q : a.questions) w.value(q);
  w.endArray();
  w.key("assessment").value(toString(a.assessment));
  w.key("findings").value(a.findings);
  w.key("improvements").beginArray();
  for (const auto& i : a.improvements) {
    w.beginObject(Layout::OneLine);
    w.key("id").value(i.id);
    w.key("text").value(i.text);
    w.key("due_date");
    writeReportDate(w, i.dueDate);
    w.key("responsible_party").value(partyKey(i.responsibleParty));
    w.endObject();
  }
  w.endArray();
  w.endObject();
}

Result<Visit> readVisit(const Var& v, const std::string& path) {
  auto f = Fields::open(v, path, {"date", "announced", "note"});
  if (!f) return std::unexpected(f.error());
  Visit visit;
  SV_READ(visit.date, f->dateOrNone("date"));
  SV_READ(visit.announced, f->boolean("announced"));
  SV_READ(visit.note, f->string("note"));
  return visit;
}

Result<Improvement> readImprovement(const Var& v, const std::string& path) {
  auto f = Fields::open(v, path, {"id", "text", "due_date", "responsible_party"});
  if (!f) return std::unexpected(f.error());
  Improvement i;
  SV_READ(i.id, f->string("id"));
  SV_READ(i.text, f->string("text"));
  SV_READ(i.dueDate, f->dateOrNone("due_date"));
  SV_READ(i.responsibleParty, f->keyword<Party>("responsible_party", parseParty, "party"));
  return i;
}

Result<std::string> readQuestion(const Var& v, const std::string& path) {
  if (!v.isString()) return fail(Errc::Malformed, "expected a string", path);
  return v.extract<std::string>();
}

Result<ReportArea> readReportArea(const Var& v, const std::string& path) {
  auto f = Fields::open(v, path,
                        {"key", "title", "questions", "assessment", "findings", "improvements"});
  if (!f) return std::unexpected(f.error());
  ReportArea a;
  SV_READ(a.key, f->string("key"));
  SV_READ(a.title, f->string("title"));
  SV_READ(a.questions, readList<std::string>(*f, "questions", readQuestion));
  SV_READ(a.assessment, f->keyword<Assessment>("assessment", parseAssessment, "assessment"));
  SV_READ(a.findings, f->string("findings"));
  SV_READ(a.improvements, readList<Improvement>(*f, "improvements", readImprovement));
  return a;
}

Result<ReportHeader> readReportHeader(const Var& v, std::string path) {
  auto f = Fields::open(v, std::move(path),
                        {"kind", "contract_title", "contract_reference", "authority_name",
                         "provider_name", "year", "template_id", "template_version"});
  if (!f) return std::unexpected(f.error());
  ReportHeader h;
  SV_READ(h.kind, f->keyword<ReportKind>("kind", parseReportKind, "kind"));
  SV_READ(h.contractTitle, f->string("contract_title"));
  SV_READ(h.contractReference, f->string("contract_reference"));
  SV_READ(h.authorityName, f->string("authority_name"));
  SV_READ(h.providerName, f->string("provider_name"));
  std::int64_t year = 0;
  SV_READ(year, f->integer("year"));
  if (year < kFirstReportYear || year > kLastReportYear)
    return fail(Errc::Invalid, Reason::OutOfRange, "the year is outside 2000-2100",
                f->field("year"), "2000-2100");
  h.year = static_cast<int>(year);
  SV_READ(h.templateId, f->string("template_id"));
  SV_READ(h.templateVersion, f->string("template_version"));
  return h;
}

Result<FollowUpReport> readReport(const Var& root) {
  auto f =
      Fields::open(root, "", {"format", "header", "method", "visits", "areas", "registry_number"});
  if (!f) return std::unexpected(f.error());
  std::int64_t format = 0;
  SV_READ(format, f->integer("format"));
  if (format != kReportJsonFormat)
    return fail(Errc::Invalid, "unsupported format " + std::to_string(format), "format");
  FollowUpReport r;
  SV_READ(r.header, readReportHeader(f->get("header"), "header"));
  SV_READ(r.method, f->string("method"));
  SV_READ(r.visits, readList<Visit>(*f, "visits", readVisit));
  SV_READ(r.areas, readList<ReportArea>(*f, "areas", readReportArea));
  SV_READ(r.registryNumber, f->optionalString("registry_number"));
  return r;
}

}  // namespace

std::string toJson(const FollowUpReport& r) {
  json::Writer w;
  w.beginObject();
  w.key("format").value(kReportJsonFormat);
  w.key("header").beginObject();
  w.key("kind").value(toString(r.header.kind));
  w.key("contract_title").value(r.header.contractTitle);
  w.key("contract_reference").value(r.header.contractReference);
  w.key("authority_name").value(r.header.authorityName);
  w.key("provider_name").value(r.header.providerName);
  w.key("year").value(r.header.year);
  w.key("template_id").value(r.header.templateId);
  w.key("template_version").value(r.header.templateVersion);
  w.endObject();
  w.key("method").value(r.method);
  w.key("visits").beginArray();
  for (const auto& v : r.visits) {
    w.beginObject(Layout::OneLine);
    w.key("date");
    writeReportDate(w, v.date);
    w.key("announced").value(v.announced);
    w.key("note").value(v.note);
    w.endObject();
  }
  w.endArray();
  w.key("areas").beginArray();
  for (const auto& a : r.areas) writeArea(w, a);
  w.endArray();
  w.key("registry_number");
  if (r.registryNumber)
    w.value(*r.registryNumber);
  else
    w.null();
  w.endObject();
  return w.finish();
}

Result<FollowUpReport> reportFromJson(std::string_view json) {
  auto root = parseJsonText(json, kMaxReportDepth);
  if (!root) return std::unexpected(root.error());
  return readReport(*root);
}

Result<FollowUpReport> reportFromJsonMember(std::string_view json, const std::string& member) {
  auto report = detail::parseJsonMember(json, member, kMaxReportDepth);
  if (!report) return std::unexpected(report.error());
  return readReport(*report);
}

}  // namespace sv::minutes
