// The forms of the case's page (issue 14), each a step of config/workflows/follow_up_case.workflow
// or the case's material: a note, marking it acute, the analysis started and concluded, the
// provider's plan returned with a comment per point (asked first) or accepted, feedback, the report
// to the committee started, the case reported and closed (asked first), and the files of the case
// and of its plan (multipart, without JavaScript). Each comes back on the case's page: a
// confirmation, or the form again with the Swedish error and what was typed.
#include <algorithm>
#include <utility>
#include <vector>

#include "server/http/multipart.hpp"
#include "server/web/case_parts.hpp"
#include "server/web/confirm_pages.hpp"
#include "server/web/words.hpp"
#include "workflows/text.hpp"

namespace sv::web {
namespace {

bool offers(const services::CaseView& view, std::string_view step) {
  return std::ranges::find(view.available, step) != view.available.end();
}

// The confirmation of a step that cannot be undone, posting `fields` again with confirm=ja.
http::Reply askFirst(const http::Request& req, const services::CaseView& view, Confirmation c) {
  const auto& row = view.item.row;
  c.what = "Ärendet " + row.title + ", " + row.contractTitle + " (" + row.providerName + ")";
  c.back = casePath(row.id);
  c.current = "arenden";
  return confirmationPage(req, c);
}

// The return form read back: a comment per point with text (its field id beside it, to mark the
// one an error names), then the plan as a whole.
struct ReturnComments {
  std::vector<review::NewComment> comments;
  std::vector<std::string> fieldIds;
};

ReturnComments returnCommentsOf(const services::CaseView& view, const http::FormBody& form) {
  ReturnComments out;
  if (view.plan)
    for (const auto& item : view.plan->plan.items) {
      const std::string name = "point-" + item.id;
      const std::string text = multiLine(form.value(name));
      if (text::isBlank(text)) continue;
      out.comments.push_back({item.id, text});
      out.fieldIds.push_back(name);
    }
  const std::string whole = multiLine(form.value("comment"));
  if (!text::isBlank(whole)) {
    out.comments.push_back({"", whole});
    out.fieldIds.push_back("return_comment");
  }
  return out;
}

// The field of the return form an error names: "comments[1].text" is the second comment given.
std::string returnFieldId(const Error& e, const ReturnComments& given) {
  if (e.field == "plan_due_on") return "return_plan_due_on";
  if (e.field.starts_with("comments[")) {
    const auto close = e.field.find(']');
    const std::string digits = e.field.substr(9, close == std::string::npos ? 0 : close - 9);
    if (!digits.empty() && digits.size() < 4 &&
        digits.find_first_not_of("0123456789") == std::string::npos) {
      const auto i = static_cast<std::size_t>(std::stoi(digits));
      if (i < given.fieldIds.size()) return given.fieldIds[i];
    }
  }
  return given.fieldIds.empty() ? "return_comment" : given.fieldIds.front();
}

http::Reply returnPlan(http::Request& req, Services& s, std::int64_t id) {
  auto& cases = *s.cases;
  auto form = formOf(req);
  auto view = cases.get(req.principal(), id);
  if (!view) return failurePage(req, view.error());
  const auto given = returnCommentsOf(*view, form);
  const std::string due = oneLine(form.value("plan_due_on"));
  // Asked only when the step is open and the form is filled in; otherwise the service names
  // what is missing at once.
  if (!confirmed(form) && offers(*view, "return_action_plan") && !given.comments.empty() &&
      !due.empty()) {
    std::vector<std::pair<std::string, std::string>> quotes;
    std::vector<std::pair<std::string, std::string>> fields{{"plan_due_on", due}};
    const std::vector<minutes::PlanItem> none;
    const auto& items = view->plan ? view->plan->plan.items : none;
    for (const auto& c : given.comments) {
      std::string label = "Synpunkter på planen som helhet";
      for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == c.part) label = "Synpunkt på åtgärd " + std::to_string(i + 1);
      quotes.emplace_back(label, c.text);
      fields.emplace_back(c.part.empty() ? "comment" : "point-" + c.part, c.text);
    }
    return askFirst(req, *view,
                    {.title = "Vill du skicka tillbaka åtgärdsplanen?",
                     .consequences = {"Utföraren får planen tillbaka med dina synpunkter och ska "
                                      "lämna en ny plan senast " +
                                          due + ".",
                                      "Synpunkterna sparas med planen och kan inte tas tillbaka.",
                                      "Det går inte att ångra."},
                     .quotes = std::move(quotes),
                     .action = casePath(id) + "/atgardsplan/skicka-tillbaka",
                     .fields = std::move(fields),
                     .confirmLabel = "Ja, skicka tillbaka planen"});
  }
  auto done = cases.returnPlan(req.principal(), id, given.comments, due);
  const std::string field = done ? std::string() : returnFieldId(done.error(), given);
  return afterCasePost(req, s, id, statusOf(done), "return_plan", field, std::move(form),
                       "plan-tillbaka", "#atgardsplan");
}

http::Reply closeCase(http::Request& req, Services& s, std::int64_t id) {
  auto& cases = *s.cases;
  auto form = formOf(req);
  if (!confirmed(form)) {
    auto view = cases.get(req.principal(), id);
    if (!view) return failurePage(req, view.error());
    if (offers(*view, "close"))
      return askFirst(
          req, *view,
          {.title = "Vill du avsluta ärendet?",
           .consequences = {"Ärendet avslutas och får inga fler anteckningar, bilagor eller steg.",
                            "Tidslinjen, åtgärdsplanen och rapporten till nämnden finns kvar att "
                            "läsa.",
                            "Det går inte att ångra."},
           .action = casePath(id) + "/avsluta",
           .confirmLabel = "Ja, avsluta ärendet"});
  }
  auto done = cases.close(req.principal(), id);
  return afterCasePost(req, s, id, statusOf(done), "close", "", std::move(form), "avslutat");
}

// A form of the case's page whose one field is a text: the note, the acute marking, feedback.
template <class Step>
PageHandler textStep(Services& s, std::string form, std::string fieldId, std::string done,
                     Step step) {
  return [&s, form, fieldId, done, step](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto posted = formOf(req);
    auto result = step(req.principal(), *id, multiLine(posted.value("text")));
    const bool onText = !result && result.error().field == "text";
    return afterCasePost(req, s, *id, statusOf(result), form, onText ? fieldId : "",
                         std::move(posted), done, "#tidslinje");
  };
}

// A step without fields: one button.
template <class Step>
PageHandler buttonStep(Services& s, std::string form, std::string done, std::string anchor,
                       Step step) {
  return [&s, form, done, anchor, step](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto result = step(req.principal(), *id);
    return afterCasePost(req, s, *id, statusOf(result), form, "", formOf(req), done, anchor);
  };
}

}  // namespace

Data caseAttachmentsData(const http::Request& req, Services& s, const services::CaseView& view) {
  Data out;
  if (!s.attachments) return out;
  auto listed = s.attachments->listOfCase(req.principal(), view.item.row.id);
  if (!listed) return out;
  auto files = list();
  for (const auto& a : *listed) {
    files.push_back(
        attachmentRow(a, a.to == services::AttachedTo::ActionPlan ? "Åtgärdsplanen" : "Ärendet"));
  }
  out.set("files", files);
  out.set("has_files", !listed->empty());
  out.set("can_upload_case", view.mayWrite);
  out.set("can_upload_plan", view.mayWritePlan);
  out.set("limit", sizeInWords(static_cast<std::int64_t>(s.attachments->maxBytes())));
  return out;
}

void registerCaseStepPages(http::Router& router, Services& s) {
  if (!s.cases) return;
  auto& cases = *s.cases;
  using P = const store::Principal&;

  addPage(router, "POST", "/arenden/{id}/anteckningar",
          textStep(s, "note", "note_text", "anteckning",
                   [&cases](P p, std::int64_t id, const std::string& text) {
                     return cases.addNote(p, id, text);
                   }));
  addPage(router, "POST", "/arenden/{id}/akut",
          textStep(s, "acute", "acute_text", "akut",
                   [&cases](P p, std::int64_t id, const std::string& text) {
                     return cases.markAcute(p, id, text);
                   }));
  addPage(router, "POST", "/arenden/{id}/aterkoppling",
          textStep(s, "feedback", "feedback_text", "aterkoppling",
                   [&cases](P p, std::int64_t id, const std::string& text) {
                     return cases.giveFeedback(p, id, text);
                   }));
  addPage(router, "POST", "/arenden/{id}/analys/starta",
          buttonStep(s, "start_analysis", "analys", "#tidslinje",
                     [&cases](P p, std::int64_t id) { return cases.startAnalysis(p, id); }));
  addPage(router, "POST", "/arenden/{id}/atgardsplan/godta",
          buttonStep(s, "accept_plan", "plan-godtagen", "#atgarder",
                     [&cases](P p, std::int64_t id) { return cases.acceptPlan(p, id); }));
  addPage(router, "POST", "/arenden/{id}/rapporterad",
          buttonStep(s, "reported", "rapporterad", "",
                     [&cases](P p, std::int64_t id) { return cases.reportToCommittee(p, id); }));

  addPage(router, "POST", "/arenden/{id}/analys", [&s, &cases](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto form = formOf(req);
    const std::string outcome = form.value("outcome");
    auto done = cases.concludeAnalysis(req.principal(), *id, outcome, multiLine(form.value("text")),
                                       oneLine(form.value("plan_due_on")));
    std::string field;
    if (!done) {
      const auto& f = done.error().field;
      field = f == "text"          ? "analysis_text"
              : f == "plan_due_on" ? "analysis_plan_due_on"
              : f == "outcome"     ? "analysis_outcome"
                                   : "";
    }
    return afterCasePost(req, s, *id, statusOf(done), "conclude", field, std::move(form),
                         outcome == "not_ok" ? "plan-begard" : "godtagbart", "#tidslinje");
  });

  addPage(router, "POST", "/arenden/{id}/atgardsplan/skicka-tillbaka", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    return returnPlan(req, s, *id);
  });

  addPage(router, "POST", "/arenden/{id}/rapport", [&s, &cases](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto report = cases.startReport(req.principal(), *id);
    if (report) return redirect(pathOf("/uppfoljningar/", *report));
    return afterCasePost(req, s, *id, statusOf(report), "start_report", "", formOf(req), "");
  });

  addPage(router, "POST", "/arenden/{id}/avsluta", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    return closeCase(req, s, *id);
  });

  if (!s.attachments) return;
  auto& attachments = *s.attachments;
  // Room for the form around the file: part headers, the boundary, the CSRF token, `till`.
  addUploadPage(router, "/arenden/{id}/bilagor", attachments.maxBytes() + 64 * 1024,
                [&s, &attachments](http::Request& req) {
                  auto id = req.idParam("id");
                  if (!id) return notFoundPage(req);
                  auto form = http::MultipartForm::parse(req);
                  services::AttachmentUpload up;
                  bool toPlan = false;
                  if (form) {
                    toPlan = form->value("till") == "atgardsplan";
                    for (const auto& f : form->files())
                      if (f.field == "file" && up.bytes.empty()) {
                        up.fileName = f.fileName;
                        up.bytes = f.bytes;
                      }
                  }
                  up.to = toPlan ? services::AttachedTo::ActionPlan : services::AttachedTo::Case;
                  auto added = attachments.uploadToCase(req.principal(), *id, up.to, up);
                  const std::string formName = toPlan ? "plan_attachments" : "case_attachments";
                  const bool onFile = !added && added.error().field == "file";
                  return afterCasePost(
                      req, s, *id, statusOf(added), formName,
                      onFile ? (toPlan ? "plan_attachment_file" : "case_attachment_file") : "",
                      http::FormBody{}, "bilaga", "#bilagor");
                });
}

}  // namespace sv::web
