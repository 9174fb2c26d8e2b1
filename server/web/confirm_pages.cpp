#include "server/web/confirm_pages.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "server/services/access.hpp"

namespace sv::web {
namespace {

// Pairs as a template list, each row's two values under the names given.
Data pairList(const std::vector<std::pair<std::string, std::string>>& pairs, const char* first,
              const char* second) {
  auto rows = list();
  for (const auto& [a, b] : pairs) {
    Data row;
    row.set(first, a);
    row.set(second, b);
    rows.push_back(row);
  }
  return rows;
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char ch) {
    return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
  });
}

// "Mötet 2027-02-09 kl. 13.00, Hemtjänst Eken (Omsorg AB)"
std::string meetingLine(const services::Meeting& m) {
  return "Mötet " + swedishDateTime(m.row.startsAt) + ", " + m.contract.title + " (" +
         m.contract.providerName + ")";
}

// Whether the person may take the step now: otherwise the handler lets the service answer.
bool available(Services& s, const http::Request& req, std::int64_t meetingId,
               std::string_view step) {
  const auto life = s.minutes.lifecycle(req.principal(), meetingId);
  return life &&
         std::find(life->available.begin(), life->available.end(), step) != life->available.end();
}

}  // namespace

http::Reply confirmationPage(const http::Request& req, const Confirmation& c) {
  Page page{.title = c.title, .templateName = "confirm", .current = c.current};
  Data& d = page.data;
  d.set("heading", c.title);
  d.set("what", c.what);
  auto consequences = list();
  for (const auto& line : c.consequences) consequences.push_back(Data(line));
  d.set("consequences", consequences);
  d.set("quotes", pairList(c.quotes, "label", "text"));
  d.set("action", c.action);
  d.set("fields", pairList(c.fields, "name", "value"));
  d.set("confirm_label", c.confirmLabel);
  d.set("back", c.back);
  return render(req, std::move(page));
}

bool confirmed(const http::FormBody& form) {
  return form.value("confirm") == "ja";
}

std::optional<http::Reply> askToCancelMeeting(const http::Request& req, Services& s,
                                              std::int64_t meetingId, const http::FormBody& form) {
  if (confirmed(form)) return std::nullopt;
  const std::string reason = form.value("cancel_reason");
  if (blank(reason)) return std::nullopt;  // the service names the missing reason
  const auto meeting = s.meetings.get(req.principal(), meetingId);
  if (!meeting || !services::managesContract(req.principal(), meeting->contract) ||
      meeting->row.status == agenda::MeetingStatus::Cancelled)
    return std::nullopt;
  const std::string path = pathOf("/moten/", meetingId);
  return confirmationPage(
      req, {.title = "Vill du ställa in mötet?",
            .what = meetingLine(*meeting),
            .consequences = {"Mötet blir inställt och kan inte ändras eller flyttas efteråt.",
                             "Det finns kvar i mötesplanen med anledningen nedan.",
                             "Det går inte att ångra."},
            .quotes = {{"Anledning", reason}},
            .action = path + "/stall-in",
            .fields = {{"cancel_reason", reason}},
            .confirmLabel = "Ja, ställ in mötet",
            .back = path,
            .current = "avtal"});
}

std::optional<http::Reply> askToReturnMinutes(const http::Request& req, Services& s,
                                              std::int64_t meetingId, const http::FormBody& form) {
  if (confirmed(form) || !available(s, req, meetingId, "return")) return std::nullopt;
  const auto meeting = s.meetings.get(req.principal(), meetingId);
  if (!meeting) return std::nullopt;
  const auto doc = s.minutes.get(req.principal(), meetingId);
  if (!doc) return std::nullopt;
  // What was written, in the order of the protocol: the general comment, then § by §. Nothing
  // written: the service names what is missing.
  std::vector<std::pair<std::string, std::string>> quotes;
  std::vector<std::pair<std::string, std::string>> fields;
  const std::string comment = form.value("comment");
  if (!blank(comment)) quotes.emplace_back("Synpunkter på protokollet som helhet", comment);
  fields.emplace_back("comment", comment);
  for (const auto& section : doc->document.sections) {
    const std::string name = "section-" + std::to_string(section.number);
    const std::string text = form.value(name);
    if (blank(text)) continue;
    quotes.emplace_back("§ " + std::to_string(section.number) + " " + section.title, text);
    fields.emplace_back(name, text);
  }
  if (quotes.empty()) return std::nullopt;
  const std::string path = pathOf("/moten/", meetingId) + "/protokoll";
  return confirmationPage(
      req, {.title = "Vill du skicka tillbaka protokollet?",
            .what = "Protokollet från " + meetingLine(*meeting),
            .consequences = {"Protokollet går tillbaka till sekreteraren som utkast.",
                             "Alla justeringar som redan gjorts slutar gälla och behöver göras "
                             "om när protokollet skickas för justering igen.",
                             "Dina synpunkter nedan sparas med protokollet och kan inte tas "
                             "tillbaka."},
            .quotes = std::move(quotes),
            .action = path + "/skicka-tillbaka",
            .fields = std::move(fields),
            .confirmLabel = "Ja, skicka tillbaka",
            .back = path,
            .current = "avtal"});
}

std::optional<http::Reply> askToRegisterMinutes(const http::Request& req, Services& s,
                                                std::int64_t meetingId, const http::FormBody& form,
                                                const std::string& action,
                                                const std::string& back) {
  if (confirmed(form) || !available(s, req, meetingId, "register")) return std::nullopt;
  const auto meeting = s.meetings.get(req.principal(), meetingId);
  if (!meeting) return std::nullopt;
  return confirmationPage(
      req, {.title = "Vill du diarieföra protokollet?",
            .what = "Protokollet från " + meetingLine(*meeting),
            .consequences = {"Protokollet får nästa diarienummer i diariet.",
                             "Den justerade versionen blir den slutliga och kan aldrig ändras "
                             "mer.",
                             "Det går inte att ångra."},
            .action = action,
            .confirmLabel = "Ja, diarieför protokollet",
            .back = back,
            .current = "diariet"});
}

}  // namespace sv::web
