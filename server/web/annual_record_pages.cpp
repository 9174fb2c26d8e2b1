// The yearly summary as a record on its page (issue 15 point 4): where it is (utkast, lämnad för
// godkännande, godkänd, diarieförd), its text as HTML, the director's comment when it came back,
// and only the forms the viewer may use now — the text's form (GET /arsrapport/text), sending it
// for approval and registering it (both asked first: neither can be undone), returning it with a
// comment, approving the version on the page. Each post comes back to /arsrapport with a
// confirmation, or the page again with the Swedish error and what was typed.
#include <algorithm>

#include "minutes/markdown_html.hpp"
#include "server/web/annual_parts.hpp"
#include "server/web/confirm_pages.hpp"
#include "server/web/messages.hpp"
#include "server/web/words.hpp"

namespace sv::web {
namespace {

const std::map<std::string, std::string> kDone{
    {"sparad", "Årsrapportens text är sparad."},
    {"lamnad", "Årsrapporten är lämnad för godkännande med årets siffror."},
    {"tillbaka", "Årsrapporten är skickad tillbaka till avtalsansvarig."},
    {"godkand", "Årsrapporten är godkänd."},
    {"diarieford", "Årsrapporten är diarieförd."},
};

std::string yearPath(int year, std::string_view rest = "") {
  return "/arsrapport" + std::string(rest) + "?ar=" + std::to_string(year);
}

bool offers(const services::AnnualRecordView& view, std::string_view step) {
  return std::ranges::find(view.available, step) != view.available.end();
}

std::string stateSentence(const services::AnnualRecordView& v) {
  switch (v.state) {
    case minutes::AnnualState::Draft:
      return v.started ? "Utkast: avtalsansvarig skriver rapportens text."
                       : "Rapportens text är inte påbörjad.";
    case minutes::AnnualState::Submitted:
      return "Lämnad för godkännande till förvaltningschefen, med siffrorna per " +
             v.figuresAsOf.value_or("") + ".";
    case minutes::AnnualState::Approved:
      return "Godkänd av " + v.approvedBy.value_or("") + " " +
             swedishDateTime(v.approvedAt.value_or("")) + ", med siffrorna per " +
             v.figuresAsOf.value_or("") + ". Väntar på diarieföring.";
    case minutes::AnnualState::Registered:
      break;
  }
  return "Diarieförd som " + v.registryNumber.value_or("") + " " +
         swedishDateTime(v.registeredAt.value_or("")) + ". Texten och siffrorna per " +
         v.figuresAsOf.value_or("") + " ändras aldrig mer.";
}

// The authority, the year and the record, or the page that ends the request.
struct Asked {
  std::int64_t authority = 0;
  int year = 0;
};
std::variant<Asked, http::Reply> askedOf(http::Request& req, Services& s) {
  auto year = annualYearOf(req, s);
  if (auto* refused = std::get_if<http::Reply>(&year)) return std::move(*refused);
  const auto authority = s.annual->defaultAuthority(req.principal());
  if (!authority) return notFoundPage(req);
  return Asked{*authority, std::get<int>(year)};
}

// A step's post comes back to the page, or the page again with the form's error.
http::Reply afterStep(http::Request& req, Services& s, const Asked& asked, const Status& done,
                      const std::string& form, const std::string& field, const std::string& code) {
  return afterPagePost(req, done, yearPath(asked.year), code, "#rapporten", [&](const Error& e) {
    return annualPage(req, s, asked.year,
                      FormError{form, swedishMessage(e), field, formOf(req),
                                e.code == Errc::Conflict ? 409 : 422});
  });
}

http::Reply textForm(http::Request& req, Services& s, std::optional<FormError> error = {}) {
  auto asked = askedOf(req, s);
  if (auto* refused = std::get_if<http::Reply>(&asked)) return std::move(*refused);
  const auto [authority, year] = std::get<Asked>(asked);
  auto view = s.annual->record(req.principal(), authority, year);
  if (!view) return failurePage(req, view.error());
  if (!offers(*view, "save"))
    return errorPage(req, 409, "Texten kan inte ändras",
                     "Årsrapportens text ändras bara som utkast, av förvaltningens "
                     "avtalsansvariga.");
  Page page{.title = "Årsrapportens text " + std::to_string(year),
            .templateName = "annual_text",
            .current = "arsrapport"};
  Data& d = page.data;
  d.set("year", std::to_string(year));
  d.set("authority", view->authorityName);
  d.set("action", yearPath(year, "/text"));
  d.set("back", yearPath(year));
  d.set("version", kept(error, "text", "version", view->version));
  d.set("summary", kept(error, "text", "summary", view->narrative.summary));
  d.set("assessment", kept(error, "text", "assessment", view->narrative.assessment));
  d.set("proposal", kept(error, "text", "proposal", view->narrative.proposal));
  if (error) page.status = error->status;
  page.error = std::move(error);
  return render(req, std::move(page));
}

http::Reply saveText(http::Request& req, Services& s) {
  auto asked = askedOf(req, s);
  if (auto* refused = std::get_if<http::Reply>(&asked)) return std::move(*refused);
  const auto a = std::get<Asked>(asked);
  auto form = formOf(req);
  const minutes::AnnualNarrative narrative{multiLine(form.value("summary")),
                                           multiLine(form.value("assessment")),
                                           multiLine(form.value("proposal"))};
  auto saved = s.annual->saveNarrative(req.principal(), a.authority, a.year,
                                       oneLine(form.value("version")), narrative);
  if (saved) return redirect(yearPath(a.year) + "&klart=sparad#rapporten");
  if (endsThePage(saved.error())) return failurePage(req, saved.error());
  const auto& e = saved.error();
  const std::string field = e.field == "assessment" || e.field == "proposal" ? e.field : "summary";
  return textForm(req, s,
                  FormError{"text", swedishMessage(e), field, std::move(form),
                            e.code == Errc::Conflict ? 409 : 422});
}

http::Reply submit(http::Request& req, Services& s) {
  auto asked = askedOf(req, s);
  if (auto* refused = std::get_if<http::Reply>(&asked)) return std::move(*refused);
  const auto a = std::get<Asked>(asked);
  auto view = s.annual->record(req.principal(), a.authority, a.year);
  if (!view) return failurePage(req, view.error());
  if (!confirmed(formOf(req)) && offers(*view, "submit"))
    return confirmationPage(
        req,
        {.title = "Vill du lämna årsrapporten för godkännande?",
         .what = "Årsrapport " + std::to_string(a.year) + " till nämnden, " + view->authorityName,
         .consequences = {"Årets siffror fryses i dag och lämnas med texten till "
                          "förvaltningschefen.",
                          "Texten kan inte ändras igen förrän förvaltningschefen skickar "
                          "tillbaka rapporten."},
         .action = yearPath(a.year, "/lamna"),
         .confirmLabel = "Ja, lämna för godkännande",
         .back = yearPath(a.year),
         .current = "arsrapport"});
  return afterStep(req, s, a, statusOf(s.annual->submit(req.principal(), a.authority, a.year)),
                   "submit", "", "lamnad");
}

http::Reply giveBack(http::Request& req, Services& s) {
  auto asked = askedOf(req, s);
  if (auto* refused = std::get_if<http::Reply>(&asked)) return std::move(*refused);
  const auto a = std::get<Asked>(asked);
  const auto comment = multiLine(formOf(req).value("comment"));
  return afterStep(req, s, a,
                   statusOf(s.annual->returnToDraft(req.principal(), a.authority, a.year, comment)),
                   "return", "return_comment", "tillbaka");
}

http::Reply approve(http::Request& req, Services& s) {
  auto asked = askedOf(req, s);
  if (auto* refused = std::get_if<http::Reply>(&asked)) return std::move(*refused);
  const auto a = std::get<Asked>(asked);
  const auto version = oneLine(formOf(req).value("version"));
  return afterStep(req, s, a,
                   statusOf(s.annual->approve(req.principal(), a.authority, a.year, version)),
                   "approve", "", "godkand");
}

http::Reply registerRecord(http::Request& req, Services& s) {
  auto asked = askedOf(req, s);
  if (auto* refused = std::get_if<http::Reply>(&asked)) return std::move(*refused);
  const auto a = std::get<Asked>(asked);
  auto view = s.annual->record(req.principal(), a.authority, a.year);
  if (!view) return failurePage(req, view.error());
  if (!confirmed(formOf(req)) && offers(*view, "register"))
    return confirmationPage(
        req,
        {.title = "Vill du diarieföra årsrapporten?",
         .what = "Årsrapport " + std::to_string(a.year) + " till nämnden, " + view->authorityName,
         .consequences = {"Rapporten får nästa nummer i förvaltningens diarium.",
                          "Texten och siffrorna per " + view->figuresAsOf.value_or("") +
                              " ändras aldrig mer.",
                          "Det går inte att ångra."},
         .action = yearPath(a.year, "/diariefor"),
         .confirmLabel = "Ja, diarieför",
         .back = yearPath(a.year),
         .current = "arsrapport"});
  return afterStep(req, s, a,
                   statusOf(s.annual->registerRecord(req.principal(), a.authority, a.year)),
                   "register", "", "diarieford");
}

}  // namespace

void addAnnualRecordData(const http::Request& req, Services& s, std::int64_t authority, int year,
                         const std::optional<FormError>& error, Data& d) {
  if (req.principal().organizationKind != OrganizationKind::Authority) return;
  auto view = s.annual->record(req.principal(), authority, year);
  if (!view) return;
  Data r;
  r.set("state", stateSentence(*view));
  r.set("started", view->started);
  r.set("registered", view->state == minutes::AnnualState::Registered);
  r.set("archive_href", "/api/v1/reports/annual/archive?authority=" + std::to_string(authority) +
                            "&year=" + std::to_string(year));
  if (view->started) {
    // Each part as Markdown without raw HTML (cmark's safe mode), under the page's <h3>.
    r.set("summary_html", minutes::markdownToSafeHtml(view->narrative.summary, 2));
    r.set("assessment_html", minutes::markdownToSafeHtml(view->narrative.assessment, 2));
    r.set("proposal_html", minutes::markdownToSafeHtml(view->narrative.proposal, 2));
  }
  if (view->returnedComment) {
    r.set("returned_comment", *view->returnedComment);
    r.set("returned_by", view->returnedBy.value_or(""));
    r.set("returned_at", swedishDateTime(view->returnedAt.value_or("")));
  }
  r.set("may_save", offers(*view, "save"));
  r.set("text_href", yearPath(year, "/text"));
  r.set("may_submit", offers(*view, "submit"));
  r.set("submit_action", yearPath(year, "/lamna"));
  r.set("may_return", offers(*view, "return"));
  r.set("return_action", yearPath(year, "/skicka-tillbaka"));
  r.set("return_comment", kept(error, "return", "comment"));
  r.set("may_approve", offers(*view, "approve"));
  r.set("approve_action", yearPath(year, "/godkann"));
  r.set("version", view->version);
  r.set("version_short", shortVersion(view->version));
  r.set("may_register", offers(*view, "register"));
  r.set("register_action", yearPath(year, "/diariefor"));
  d.set("record", r);
}

std::string annualRecordFlash(const http::Request& req) {
  return flashOf(req, kDone);
}

void registerAnnualRecordPages(http::Router& router, Services& s) {
  if (!s.annual) return;
  addPage(router, "GET", "/arsrapport/text", [&s](http::Request& req) { return textForm(req, s); });
  addPage(router, "POST", "/arsrapport/text",
          [&s](http::Request& req) { return saveText(req, s); });
  addPage(router, "POST", "/arsrapport/lamna", [&s](http::Request& req) { return submit(req, s); });
  addPage(router, "POST", "/arsrapport/skicka-tillbaka",
          [&s](http::Request& req) { return giveBack(req, s); });
  addPage(router, "POST", "/arsrapport/godkann",
          [&s](http::Request& req) { return approve(req, s); });
  addPage(router, "POST", "/arsrapport/diariefor",
          [&s](http::Request& req) { return registerRecord(req, s); });
}

}  // namespace sv::web
