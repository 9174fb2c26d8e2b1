// The registrar's pages (/diariet): the queue of approved minutes waiting for registration with a
// button for each, what was just registered with its downloads, and a search of the register by
// number, contract and year.
#include <charconv>
#include <map>

#include "server/web/confirm_pages.hpp"
#include "server/web/pages.hpp"
#include "server/web/words.hpp"

namespace sv::web {
namespace {

bool registrar(const store::Principal& p) {
  return p.has(store::Role::Registrar);
}

http::Reply refused(const http::Request& req) {
  return errorPage(req, 403, "Du har inte behörighet",
                   "Diariet är till för registratorn. Kontakta administratören om du behöver "
                   "tillgång till det.");
}

std::optional<std::int64_t> positiveId(const std::string& text) {
  std::int64_t value = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || p != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

http::Reply registryPage(const http::Request& req, Services& s,
                         std::optional<FormError> error = std::nullopt) {
  const auto& viewer = req.principal();
  if (!registrar(viewer)) return refused(req);
  Page page{.title = "Diariet", .templateName = "registry", .current = "diariet"};
  Data& data = page.data;

  // Just registered: say under which number, with the downloads.
  if (req.queryValue("klart") == "diariefort") {
    if (const auto meetingId = positiveId(req.queryValue("mote").value_or(""))) {
      auto life = s.minutes.lifecycle(viewer, *meetingId);
      if (life && life->registration) {
        const auto& r = *life->registration;
        page.flash = "Protokollet från mötet " + swedishDateTime(r.meetingStartsAt) + " (" +
                     r.contractTitle + ") är diariefört som " + r.number + ".";
        Data done;
        done.set("meeting_id", std::to_string(r.meetingId));
        done.set("number", r.number);
        done.set("contract", r.contractTitle);
        data.set("just_registered", done);
      }
    }
  }

  auto queue = list();
  const auto waiting = s.minutes.awaitingRegistration(viewer);
  for (const auto& row : waiting) {
    Data d;
    d.set("meeting_id", std::to_string(row.meetingId));
    d.set("contract_id", std::to_string(row.contractId));
    d.set("contract", row.contractTitle);
    d.set("reference", row.contractReference);
    d.set("provider", row.providerName);
    d.set("meeting_when", swedishDateTime(row.meetingStartsAt));
    d.set("approved_at", swedishDateTime(row.approvedAt));
    queue.push_back(d);
  }
  data.set("queue", queue);
  data.set("has_queue", !waiting.empty());
  data.set("queue_count", waiting.size() == 1
                              ? std::string("1 protokoll väntar")
                              : std::to_string(waiting.size()) + " protokoll väntar");

  // The search: every field optional; nothing asked shows the latest registrations.
  const std::string number = oneLine(req.queryValue("nummer").value_or(""));
  const std::string contract = req.queryValue("avtal").value_or("");
  const std::string year = oneLine(req.queryValue("ar").value_or(""));
  store::RegistryQuery query;
  if (!number.empty()) query.number = number;
  if (!contract.empty()) query.contractId = positiveId(contract).value_or(-1);
  bool searchable = true;
  if (!year.empty()) {
    const bool digits =
        year.size() == 4 && year.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) {
      searchable = false;
      if (!error)
        error = FormError{"search",
                          "Kontrollera fältet År. Skriv året med fyra siffror, till "
                          "exempel 2026.",
                          "search_year",
                          {},
                          422};
    } else {
      query.year = std::stoi(year);
    }
  }
  Data search;
  search.set("number", number);
  search.set("year", year);
  auto contracts = list();
  for (const auto& c : s.contracts.list(viewer)) {
    Data o;
    o.set("value", std::to_string(c.id));
    o.set("label", c.title + " (" + c.reference + ")");
    o.set("selected", contract == std::to_string(c.id));
    contracts.push_back(o);
  }
  search.set("contracts", contracts);
  data.set("search", search);
  const bool asked = !number.empty() || !contract.empty() || !year.empty();
  data.set("asked", asked);

  auto results = list();
  std::size_t count = 0;
  if (searchable) {
    for (const auto& r : s.minutes.registry(viewer, query)) {
      Data d;
      d.set("number", r.number);
      d.set("meeting_id", std::to_string(r.meetingId));
      d.set("contract", r.contractTitle);
      d.set("provider", r.providerName);
      d.set("meeting_when", swedishDateTime(r.meetingStartsAt));
      d.set("registered_at", swedishDateTime(r.registeredAt));
      d.set("registered_by", r.registeredByName);
      results.push_back(d);
      ++count;
    }
  }
  data.set("results", results);
  data.set("has_results", count > 0);
  data.set("result_count",
           count == 1 ? std::string("1 protokoll") : std::to_string(count) + " protokoll");
  page.error = std::move(error);
  return render(req, std::move(page));
}

}  // namespace

void registerRegistryPages(http::Router& router, Services& s) {
  addPage(router, "GET", "/diariet", [&s](http::Request& req) { return registryPage(req, s); });

  addPage(router, "POST", "/diariet/{id}/diariefor", [&s](http::Request& req) {
    if (!registrar(req.principal())) return refused(req);
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    if (auto ask = askToRegisterMinutes(req, s, *id, formOf(req),
                                        pathOf("/diariet/", *id) + "/diariefor", "/diariet"))
      return std::move(*ask);
    auto result = s.minutes.registerMinutes(req.principal(), *id);
    if (!result) {
      const auto& e = result.error();
      if (e.code == Errc::Internal) return failurePage(req, e);
      return registryPage(req, s, formError("register", e, "", formOf(req)));
    }
    return redirect("/diariet?klart=diariefort&mote=" + std::to_string(*id));
  });
}

}  // namespace sv::web
