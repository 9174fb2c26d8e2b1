// The register's page (/diariet): for the registrar the queue of approved minutes waiting for
// registration with a button for each and what was just registered with its downloads; for the
// registrar, the contract managers and readers of an authority a search of its register by words
// (number, contract, provider, meeting year, text), contract and year, a page at a time.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "server/web/confirm_pages.hpp"
#include "server/web/pages.hpp"
#include "server/web/words.hpp"

namespace sv::web {
namespace {

constexpr int kRegistryPageSize = 20;

bool registrar(const store::Principal& p) {
  return p.has(store::Role::Registrar);
}

// The authority's people who work with its register; a provider's people find their protocols
// from their contracts' pages.
bool searchesRegistry(const store::Principal& p) {
  return registrar(p) || (p.organizationKind == store::OrganizationKind::Authority &&
                          (p.has(store::Role::ContractManager) || p.has(store::Role::Reader)));
}

http::Reply refusedRegistry(const http::Request& req) {
  return errorPage(req, 403, "Du har inte behörighet",
                   "Diariet är till för förvaltningens registrator, avtalsansvariga och läsare. "
                   "Kontakta administratören om du behöver tillgång till det.");
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
  if (!searchesRegistry(viewer)) return refusedRegistry(req);
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

  if (registrar(viewer)) {
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
  }
  data.set("is_registrar", registrar(viewer));

  // The search: every field optional; nothing asked shows the latest registrations. `nummer` is
  // what links made before the word search sent.
  std::string words = oneLine(req.queryValue("q").value_or(""));
  if (words.empty()) words = oneLine(req.queryValue("nummer").value_or(""));
  const std::string contract = req.queryValue("avtal").value_or("");
  const std::string year = oneLine(req.queryValue("ar").value_or(""));
  const int pageNo = static_cast<int>(
      std::min<std::int64_t>(positiveId(req.queryValue("sida").value_or("")).value_or(1), 10000));
  store::RegistryQuery query;
  if (!words.empty()) query.text = words;
  if (!contract.empty()) query.contractId = positiveId(contract).value_or(-1);
  query.limit = kRegistryPageSize + 1;  // one more tells whether there is a next page
  query.offset = (pageNo - 1) * kRegistryPageSize;
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
  search.set("q", words);
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
  const bool asked = !words.empty() || !contract.empty() || !year.empty();
  data.set("asked", asked);

  auto results = list();
  std::size_t count = 0;
  bool more = false;
  if (searchable) {
    auto hits = s.minutes.registry(viewer, query);
    if (hits.size() > static_cast<std::size_t>(kRegistryPageSize)) {
      more = true;
      hits.resize(kRegistryPageSize);
    }
    for (const auto& hit : hits) {
      const auto& r = hit.row;
      Data d;
      d.set("number", r.number);
      d.set("meeting_id", std::to_string(r.meetingId));
      d.set("contract", r.contractTitle);
      d.set("provider", r.providerName);
      d.set("meeting_when", swedishDateTime(r.meetingStartsAt));
      d.set("registered_at", swedishDateTime(r.registeredAt));
      d.set("registered_by", r.registeredByName);
      // The snippet in parts, each escaped by the template; only the template's own <mark>
      // marks a word found, so the protocol's text can never become markup.
      auto parts = list();
      for (const auto& part : store::snippetParts(hit.snippet)) {
        Data p;
        p.set("text", part.text);
        p.set("hit", part.hit);
        parts.push_back(p);
      }
      d.set("has_snippet", !hit.snippet.empty());
      d.set("snippet", parts);
      results.push_back(d);
      ++count;
    }
  }
  data.set("results", results);
  data.set("has_results", count > 0);
  const std::size_t first = static_cast<std::size_t>(query.offset) + 1;
  data.set("result_count",
           pageNo == 1 && !more
               ? (count == 1 ? std::string("1 protokoll") : std::to_string(count) + " protokoll")
               : "protokoll " + std::to_string(first) + "–" + std::to_string(first + count - 1) +
                     ", sida " + std::to_string(pageNo));
  const std::string base = "/diariet?q=" + urlComponent(words) +
                           "&avtal=" + urlComponent(contract) + "&ar=" + urlComponent(year) +
                           "&sida=";
  data.set("has_previous", pageNo > 1 && searchable);
  data.set("previous_href", base + std::to_string(pageNo - 1) + "#sok");
  data.set("has_next", more);
  data.set("next_href", base + std::to_string(pageNo + 1) + "#sok");
  data.set("has_pages", (pageNo > 1 && searchable) || more);
  page.error = std::move(error);
  return render(req, std::move(page));
}

}  // namespace

void registerRegistryPages(http::Router& router, Services& s) {
  addPage(router, "GET", "/diariet", [&s](http::Request& req) { return registryPage(req, s); });

  addPage(router, "POST", "/diariet/{id}/diariefor", [&s](http::Request& req) {
    if (!registrar(req.principal())) return refusedRegistry(req);
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
