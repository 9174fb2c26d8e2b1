// The follow-up report's page (/uppfoljningar/{id}): its facts, method and visits, each area with
// its questions, assessment, findings and improvements; the fact-check with the provider's
// comments beside their areas and the authority's answers; the supplements; the attachments the
// record lists; and the forms of what the viewer may do now. Every form posts to a route of
// report_pages.cpp or report_review_pages.cpp and comes back here with its error.
#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "minutes/markdown_html.hpp"
#include "server/web/form_fields.hpp"
#include "server/web/messages.hpp"
#include "server/web/report_parts.hpp"
#include "server/web/words.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::web {
namespace {

// Areas are h3 under "Områden"; a "#" in the findings becomes an h4 under them.
constexpr int kFindingsHeadingOffset = 3;

const std::map<std::string, std::string> kReportViewFlashes{
    {"startad", "Uppföljningen är påbörjad från mallen för avtalets verksamhet."},
    {"skickad",
     "Rapporten är skickad till utföraren för faktagranskning. Utföraren ser den på sin "
     "startsida, Att göra."},
    {"granskad", "Dina synpunkter är skickade till förvaltningen."},
    {"inga-synpunkter", "Du har svarat att du inte har några synpunkter på rapporten."},
    {"besvarad", "Ditt svar på synpunkten är sparat."},
    {"begard", "Kompletteringen är begärd. Utföraren ser den på sin startsida."},
    {"komplettering-skickad", "Kompletteringen är skickad till förvaltningen."},
    {"komplettering-bedomd", "Kompletteringen är bedömd och områdets bedömning är sparad."},
    {"slutlig", "Rapporten är slutlig och delgiven utföraren. Förbättringarna är nu åtgärder."},
    {"diariefort", "Rapporten är diarieförd."},
    {"bilaga", "Filen är bifogad."},
    {"bilaga-borttagen", "Bilagan är borttagen."},
};

bool isProvider(const store::Principal& p) {
  return p.organizationKind == OrganizationKind::Provider && p.has(Role::ProviderRep);
}

using form::dateText;

const minutes::ReportArea* areaOf(const minutes::FollowUpReport& doc, const std::string& key) {
  for (const auto& a : doc.areas)
    if (a.key == key) return &a;
  return nullptr;
}

Data reportTextField(const std::string& id, const std::string& form, const std::string& name,
                     const std::optional<FormError>& error) {
  Data d;
  d.set("id", id);
  d.set("name", name);
  d.set("value", kept(error, form, name));
  d.set("invalid", error && error->form == form && error->field == id);
  return d;
}

Data assessmentOptions(minutes::Assessment selected) {
  auto options = list();
  for (const auto a : {minutes::Assessment::Meets, minutes::Assessment::PartlyMeets,
                       minutes::Assessment::DoesNotMeet}) {
    Data o;
    o.set("value", std::string(toString(a)));
    o.set("label", assessmentWord(a));
    o.set("selected", a == selected);
    options.push_back(o);
  }
  return options;
}

// The comments on one part ("" for the report as a whole), each with the answer or, for the
// report's writer, a form to answer it.
Data commentsData(const std::vector<review::Comment>& all, const std::string& part, bool answerable,
                  std::int64_t reportId, const std::optional<FormError>& error) {
  auto out = list();
  for (const auto& c : all) {
    if (c.part != part) continue;
    const std::string form = "answer-" + std::to_string(c.id);
    Data d;
    d.set("id", std::to_string(c.id));
    d.set("anchor", "synpunkt-" + std::to_string(c.id));
    d.set("name", c.userName);
    d.set("when", swedishDateTime(c.createdAt));
    d.set("text", c.text);
    d.set("answered", c.handled.has_value());
    if (c.handled) {
      Data h;
      h.set("name", c.handled->userName);
      h.set("when", swedishDateTime(c.handled->at));
      h.set("text", c.handled->how);
      d.set("answer", h);
    } else if (answerable) {
      Data f = reportTextField(form, form, "answer", error);
      f.set("action", reportPath(reportId) + "/synpunkter/" + std::to_string(c.id) + "/svar");
      f.set("failed", error && error->form == form);
      f.set("message", error && error->form == form ? error->message : std::string());
      d.set("answer_form", f);
    }
    out.push_back(d);
  }
  return out;
}

void addAreas(Data& data, const services::ReportView& view,
              const std::vector<review::Comment>& comments, bool answerable, bool factChecking,
              const std::optional<FormError>& error) {
  auto areas = list();
  for (const auto& a : view.document.areas) {
    Data d;
    d.set("key", a.key);
    d.set("anchor", "omrade-" + a.key);
    d.set("title", a.title);
    auto questions = list();
    for (const auto& q : a.questions) questions.push_back(Data("text", q));
    d.set("questions", questions);
    d.set("has_questions", !a.questions.empty());
    d.set("assessment", assessmentWord(a.assessment));
    d.set("assessment_key", std::string(toString(a.assessment)));
    d.set("has_findings", !a.findings.empty());
    d.set("findings_html", minutes::markdownToSafeHtml(a.findings, kFindingsHeadingOffset));
    auto improvements = list();
    for (const auto& i : a.improvements) {
      Data r;
      r.set("text", i.text);
      r.set("due", dateText(i.dueDate));
      r.set("party", partyWord(i.responsibleParty));
      improvements.push_back(r);
    }
    d.set("improvements", improvements);
    d.set("has_improvements", !a.improvements.empty());
    auto mine = commentsData(comments, a.key, answerable, view.summary.id, error);
    d.set("has_comments", !mine.is_empty_list());
    d.set("comments", mine);
    areas.push_back(d);
  }
  data.set("areas", areas);
  if (!factChecking) return;
  // The fact-check form: the report as a whole first, then a field per area in its order.
  auto fields = list();
  Data general = reportTextField("factcheck", "fact_check", "factcheck", error);
  general.set("title", "rapporten som helhet");
  fields.push_back(general);
  for (const auto& a : view.document.areas) {
    Data f = reportTextField("factcheck-" + a.key, "fact_check", "factcheck-" + a.key, error);
    f.set("title", a.title);
    fields.push_back(f);
  }
  data.set("fact_check_fields", fields);
}

void addFactCheck(Data& data, const minutes::ReportRecord& record,
                  const std::vector<review::Comment>& comments, bool answerable,
                  std::int64_t reportId, const std::optional<FormError>& error) {
  if (!record.factCheck) return;
  const auto& f = *record.factCheck;
  Data d;
  d.set("sent_at", swedishDateTime(f.sentAt));
  d.set("sent_by", f.sentBy);
  d.set("due_on", dateText(f.dueOn));
  d.set("outcome", std::string(minutes::swedishOutcome(f.outcome)));
  d.set("ended", !f.endedAt.empty());
  d.set("ended_at", swedishDateTime(f.endedAt));
  d.set("answered_by", f.answeredBy);
  d.set("has_answered_by", !f.answeredBy.empty());
  d.set("sent_version", shortVersion(f.sentVersion));
  auto general = commentsData(comments, "", answerable, reportId, error);
  d.set("has_general_comments", !general.is_empty_list());
  d.set("general_comments", general);
  auto changed = list();
  for (const auto& title : f.changedAreas) changed.push_back(Data("title", title));
  d.set("changed_areas", changed);
  d.set("has_changed_areas", !f.changedAreas.empty());
  d.set("comment_count", std::to_string(comments.size()));
  data.set("fact_check", d);
}

void addSupplements(Data& data, const services::ReportView& view,
                    const std::vector<services::Supplement>& supplements, bool writer,
                    bool provider, bool files, const std::optional<FormError>& error) {
  auto rows = list();
  for (const auto& s : supplements) {
    const auto& e = s.entry;
    const std::string n = std::to_string(e.number);
    const std::string prefix = "supplement-" + n;
    Data d;
    d.set("number", n);
    d.set("anchor", "komplettering-" + n);
    d.set("area", e.areaTitle);
    d.set("area_anchor", "omrade-" + e.areaKey);
    d.set("request", e.request);
    d.set("due_on", dateText(e.dueOn));
    d.set("requested_by", e.requestedBy);
    d.set("requested_at", swedishDateTime(e.requestedAt));
    d.set("responded", e.response.has_value());
    d.set("response", e.response.value_or(""));
    d.set("responded_by", e.respondedBy);
    d.set("responded_at", swedishDateTime(e.respondedAt));
    d.set("decided", e.decided);
    d.set("before", assessmentWord(e.before));
    d.set("after", assessmentWord(e.after));
    d.set("reason", e.reason);
    d.set("decided_by", e.decidedBy);
    d.set("decided_at", swedishDateTime(e.decidedAt));
    const bool failedHere = error && error->form == prefix;
    d.set("failed", failedHere);
    d.set("message", failedHere ? error->message : std::string());
    d.set("error_id", prefix + "-error");
    if (provider && !e.response && !e.decided) {
      Data f = reportTextField(prefix + "-text", prefix, "text", error);
      f.set("action", reportPath(view.summary.id) + "/kompletteringar/" + n + "/skicka");
      d.set("send_form", f);
    }
    if (provider && !e.decided && files) {
      Data f;
      f.set("id", prefix + "-file");
      f.set("invalid", failedHere && error->field == prefix + "-file");
      f.set("action", reportPath(view.summary.id) + "/bilagor");
      d.set("upload_form", f);
    }
    if (writer && !e.decided) {
      const auto* area = areaOf(view.document, e.areaKey);
      Data f;
      f.set("action", reportPath(view.summary.id) + "/kompletteringar/" + n + "/besluta");
      Data assessment = reportTextField(prefix + "-assessment", prefix, "assessment", error);
      const auto chosen = minutes::parseAssessment(kept(error, prefix, "assessment"));
      assessment.set("options", assessmentOptions(chosen.value_or(
                                    area ? area->assessment : minutes::Assessment::NotAssessed)));
      f.set("assessment", assessment);
      f.set("reason", reportTextField(prefix + "-reason", prefix, "reason", error));
      d.set("decide_form", f);
    }
    rows.push_back(d);
  }
  data.set("supplements", rows);
  data.set("has_supplements", !supplements.empty());
}

void addSupplementRequest(Data& data, const services::ReportView& view,
                          const std::optional<FormError>& error) {
  Data f;
  const std::string chosen = kept(error, "request_supplement", "area");
  auto areas = list();
  for (const auto& a : view.document.areas) {
    Data o;
    o.set("value", a.key);
    o.set("label", a.title);
    o.set("selected", a.key == chosen);
    areas.push_back(o);
  }
  f.set("areas", areas);
  const auto invalid = [&](const char* id) {
    return error && error->form == "request_supplement" && error->field == id;
  };
  f.set("area_invalid", invalid("supplement_area"));
  f.set("request", kept(error, "request_supplement", "request"));
  f.set("request_invalid", invalid("supplement_request"));
  f.set("due_on", kept(error, "request_supplement", "due_on"));
  f.set("due_on_invalid", invalid("supplement_due_on"));
  data.set("request_supplement", f);
}

}  // namespace

http::Reply reportPage(const http::Request& req, Services& s, std::int64_t id,
                       std::optional<FormError> error) {
  if (!s.reports) return notFoundPage(req);
  auto& reports = *s.reports;
  const auto& viewer = req.principal();
  auto view = reports.get(viewer, id);
  if (!view) return failurePage(req, view.error());
  auto record = reports.record(viewer, id);
  if (!record) return failurePage(req, record.error());
  auto comments = reports.comments(viewer, id);
  if (!comments) return failurePage(req, comments.error());
  auto supplements = reports.supplements(viewer, id);
  if (!supplements) return failurePage(req, supplements.error());

  const auto& sum = view->summary;
  const auto state = sum.state;
  Page page{.title = reportKindWord(sum.kind) + " " + std::to_string(sum.year) + " – " +
                     sum.contractTitle,
            .templateName = "report",
            .current = "uppfoljningar"};
  page.flash = flashOf(req, kReportViewFlashes);
  Data& data = page.data;
  Data report = reportRowData(sum);
  const auto& header = view->document.header;
  report.set("reference", header.contractReference);
  report.set("authority", header.authorityName);
  report.set("template", header.templateVersion);
  report.set("version", shortVersion(view->version));
  report.set("version_full", view->version);
  report.set("updated", swedishDateTime(sum.updatedAt));
  report.set("method", view->document.method);
  report.set("has_method", !view->document.method.empty());
  auto visits = list();
  for (const auto& v : view->document.visits) {
    Data d;
    d.set("date", dateText(v.date));
    d.set("kind", v.announced ? std::string("Anmält") : std::string("Oanmält"));
    d.set("note", v.note);
    visits.push_back(d);
  }
  report.set("visits", visits);
  report.set("has_visits", !view->document.visits.empty());
  data.set("report", report);

  const auto may = [&](const char* step) {
    return std::ranges::find(view->available, step) != view->available.end();
  };
  const bool writer = static_cast<bool>(reports.mayEdit(viewer, id));
  const bool provider = isProvider(viewer);
  const bool open =
      state != minutes::ReportState::Final && state != minutes::ReportState::Registered;
  const bool editable =
      writer && (state == minutes::ReportState::Draft || state == minutes::ReportState::Answered);
  data.set("can_edit", editable);
  data.set("registered", state == minutes::ReportState::Registered);
  data.set("can_send", may("send_for_fact_check"));
  data.set("can_fact_check", may("answer_fact_check"));
  data.set("can_finalize", may("finalize"));
  data.set("can_register", may("register"));
  data.set("can_request_supplement", editable);
  data.set("has_forms", may("send_for_fact_check") || may("finalize") || may("register"));

  addAreas(data, *view, *comments, writer && open, may("answer_fact_check"), error);
  addFactCheck(data, *record, *comments, writer && open, id, error);
  addSupplements(data, *view, *supplements, writer && open, provider, s.attachments != nullptr,
                 error);
  if (editable) addSupplementRequest(data, *view, error);
  const bool files = s.attachments != nullptr;
  data.set("attachments", reportAttachmentsData(req, s, *view, editable && files));
  page.error = std::move(error);
  return render(req, std::move(page));
}

}  // namespace sv::web
