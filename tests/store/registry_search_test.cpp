// The register searched with FTS5 (issue 19, point 12): partial registry numbers, words in the
// contract, provider, meeting year and registered text, å/ä/ö kept apart from a/o, the tenant
// scope, snippets whose markers cannot carry markup, paging, and query text that never breaks
// the FTS5 syntax.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>

#include "server/store/accounts.hpp"
#include "server/store/contracts.hpp"
#include "server/store/database.hpp"
#include "server/store/migrations.hpp"
#include "server/store/registry_search.hpp"
#include "server/store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"

// The migrations as the binary embeds them (server/CMakeLists.txt, sv_embed).
namespace sv::store::migration_files {
const std::map<std::string, std::string_view>& files();
}

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::store;

namespace {

const std::string kAt = "2026-01-01T00:00:00Z";

struct RegisterFixture {
  test::TempDir dir;
  std::unique_ptr<Store> store = std::move(*Store::open(test::testStore(dir.path())));
  std::int64_t authority = 0, otherAuthority = 0, linne = 0, other = 0, registrar = 0;
  std::int64_t linneContract = 0, otherContract = 0, foreignContract = 0;
  std::int64_t r1 = 0, r2 = 0, r3 = 0, r4 = 0;  // meeting ids of the four registered protocols

  RegisterFixture() {
    store->db().write([&](Writing& c) {
      authority = insertOrganization(c, "Östermalms stadsdelsförvaltning",
                                     OrganizationKind::Authority, kAt);
      otherAuthority = insertOrganization(c, "Äldrenämnden", OrganizationKind::Authority, kAt);
      linne = insertOrganization(c, "Linnégården AB", OrganizationKind::Provider, kAt);
      other = insertOrganization(c, "Annan Omsorg AB", OrganizationKind::Provider, kAt);
      registrar = insertUser(c, {"rita", "Rita Berg", "rita@example.se", "x", authority, {}}, kAt);
      linneContract = contract(c, "Vård- och omsorgsboende Linnégården", authority, linne, "A-1");
      otherContract = contract(c, "Hemtjänst Norr", authority, other, "A-2");
      foreignContract = contract(c, "Hemtjänst Söder", otherAuthority, other, "B-1");
      r1 = registered(c, linneContract, authority, "2026-05-12T11:00:00Z", 2026, 1, "SDN",
                      "## § 4 Kvalitet\n\nBrandskyddet är åtgärdat. Måltiderna får bättre betyg i "
                      "brukarundersökningen.\n");
      r2 = registered(c, linneContract, authority, "2026-09-10T11:00:00Z", 2026, 10, "SDN",
                      "## § 4 Kvalitet\n\nBemanningen nattetid är oförändrad.\n");
      r3 = registered(c, otherContract, authority, "2027-02-09T11:00:00Z", 2027, 1, "SDN",
                      "## § 4 Kvalitet\n\nMaltider levereras från centralköket.\n");
      r4 = registered(c, foreignContract, otherAuthority, "2026-06-01T11:00:00Z", 2026, 1, "ÄN",
                      "## § 4 Kvalitet\n\nBrandskyddet ses över.\n");
      return 0;
    });
  }

  std::int64_t contract(Writing& c, const std::string& title, std::int64_t auth,
                        std::int64_t provider, const std::string& reference) {
    ContractRow row;
    row.title = title;
    row.authorityId = auth;
    row.providerId = provider;
    row.serviceArea = "hemtjanst";
    row.reference = reference;
    row.startsOn = "2026-01-01";
    row.agendaTemplate = "standard";
    row.createdAt = row.updatedAt = kAt;
    return insertContract(c, row);
  }

  std::int64_t registered(Writing& c, std::int64_t contractId, std::int64_t auth,
                          const std::string& startsAt, int year, int seq, const std::string& prefix,
                          const std::string& markdown) {
    MeetingRow m;
    m.contractId = contractId;
    m.startsAt = startsAt;
    m.endsAt = startsAt.substr(0, 11) + "15:00:00Z";
    m.templateId = "standard";
    m.templateVersion = "1";
    m.templateText = "";
    m.createdAt = m.updatedAt = kAt;
    const auto meeting = *insertMeeting(c, m);
    RegistryRow r;
    r.authorityId = auth;
    r.year = year;
    r.seq = seq;
    char number[32];
    std::snprintf(number, sizeof number, "%s %d/%04d", prefix.c_str(), year, seq);
    r.number = number;
    r.meetingId = meeting;
    r.contractId = contractId;
    r.repository = "contract-" + std::to_string(contractId);
    r.version = "v" + std::to_string(meeting);
    r.tag = "tag-" + std::to_string(meeting);
    r.registeredBy = registrar;
    r.registeredAt = startsAt;
    insertRegistry(c, r);
    indexRegistered(c, meeting, markdown);
    return meeting;
  }

  static Principal person(std::int64_t org, OrganizationKind kind, Role role) {
    Principal p;
    p.userId = 1;
    p.organizationId = org;
    p.organizationKind = kind;
    p.roles = {role};
    return p;
  }
  Principal manager() const {
    return person(authority, OrganizationKind::Authority, Role::ContractManager);
  }

  std::vector<RegistryHit> hits(const Principal& who, RegistryQuery q) {
    return store->db().read([&](Reading& c) { return searchRegistry(c, TenantScope::of(who), q); });
  }
  std::vector<std::int64_t> found(const Principal& who, const std::string& text) {
    RegistryQuery q;
    q.text = text;
    return meetingsOf(hits(who, q));
  }
  static std::vector<std::int64_t> meetingsOf(const std::vector<RegistryHit>& list) {
    std::vector<std::int64_t> out;
    for (const auto& h : list) out.push_back(h.row.meetingId);
    return out;
  }
  static std::vector<std::int64_t> sorted(std::vector<std::int64_t> v) {
    std::sort(v.begin(), v.end());
    return v;
  }
};

using Ids = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("the register is found by parts of a registry number", "[store][registry][search]") {
  RegisterFixture f;
  const auto anna = f.manager();
  CHECK(f.found(anna, "2026/1") == Ids{f.r1});
  CHECK(f.found(anna, "2026/0010") == Ids{f.r2});
  CHECK(f.found(anna, "sdn 2026/0001") == Ids{f.r1});
  CHECK(f.found(anna, "SDN 2026/0001") == Ids{f.r1});
  CHECK(f.sorted(f.found(anna, "0001")) == f.sorted({f.r1, f.r3}));
  CHECK(f.found(anna, "2027/1") == Ids{f.r3});
  CHECK(f.found(anna, "2026/2").empty());

  RegistryQuery byNumber;
  byNumber.number = "2026/10";
  CHECK(f.meetingsOf(f.hits(anna, byNumber)) == Ids{f.r2});
}

TEST_CASE("the register is found by contract, provider, meeting year and text",
          "[store][registry][search]") {
  RegisterFixture f;
  const auto anna = f.manager();
  CHECK(f.sorted(f.found(anna, "Linnégården")) == f.sorted({f.r1, f.r2}));
  CHECK(f.sorted(f.found(anna, "linnégården")) == f.sorted({f.r1, f.r2}));
  CHECK(f.found(anna, "Norr") == Ids{f.r3});
  CHECK(f.found(anna, "brand") == Ids{f.r1});                  // a word's beginning finds it
  CHECK(f.found(anna, "Linnégården bemanning") == Ids{f.r2});  // every word is needed
  CHECK(f.found(anna, "2027") == Ids{f.r3});  // the meeting's year (and registration year)

  // å, ä and ö are letters of their own: "måltider" is not "maltider".
  CHECK(f.found(anna, "måltiderna") == Ids{f.r1});
  CHECK(f.found(anna, "maltider") == Ids{f.r3});
  CHECK(f.found(anna, "linnegarden").empty());

  RegistryQuery held2026;
  held2026.meetingYear = 2026;
  CHECK(f.sorted(f.meetingsOf(f.hits(anna, held2026))) == f.sorted({f.r1, f.r2}));
  RegistryQuery ofContract;
  ofContract.text = "kvalitet";
  ofContract.contractId = f.otherContract;
  CHECK(f.meetingsOf(f.hits(anna, ofContract)) == Ids{f.r3});
}

TEST_CASE("the search stays within the tenant scope", "[store][registry][search]") {
  RegisterFixture f;
  const auto linneRep =
      RegisterFixture::person(f.linne, OrganizationKind::Provider, Role::ProviderRep);
  const auto otherRep =
      RegisterFixture::person(f.other, OrganizationKind::Provider, Role::ProviderRep);
  const auto reader =
      RegisterFixture::person(f.otherAuthority, OrganizationKind::Authority, Role::Reader);
  CHECK(f.found(f.manager(), "brandskyddet") == Ids{f.r1});
  CHECK(f.found(linneRep, "brandskyddet") == Ids{f.r1});
  CHECK(f.found(otherRep, "brandskyddet") == Ids{f.r4});  // its contract with the other authority
  CHECK(f.found(reader, "brandskyddet") == Ids{f.r4});
  CHECK(f.found(linneRep, "Norr").empty());
  CHECK(f.found(linneRep, "0001") == Ids{f.r1});
  CHECK(f.meetingsOf(f.hits(linneRep, {})) == Ids{f.r2, f.r1});  // the latest first
}

TEST_CASE("the best match comes first, with the words found marked in a snippet",
          "[store][registry][search]") {
  RegisterFixture f;
  RegistryQuery q;
  q.text = "måltiderna";
  const auto list = f.hits(f.manager(), q);
  REQUIRE(list.size() == 1);
  const auto parts = snippetParts(list[0].snippet);
  const auto hit = std::find_if(parts.begin(), parts.end(), [](auto& p) { return p.hit; });
  REQUIRE(hit != parts.end());
  CHECK(hit->text == "Måltiderna");
  CHECK(parts.front().hit == false);

  // The number weighs most: "0001" ranks the protocols numbered 0001 before one that only
  // mentions 0001 in its text.
  f.store->db().write([&](Writing& c) {
    f.registered(c, f.linneContract, f.authority, "2026-11-10T11:00:00Z", 2026, 11, "SDN",
                 "Beslut 0001 och 0001 och 0001 gäller.\n");
    return 0;
  });
  const auto ranked = f.found(f.manager(), "0001");
  REQUIRE(ranked.size() == 3);
  CHECK(f.sorted({ranked[0], ranked[1]}) == f.sorted({f.r1, f.r3}));
}

TEST_CASE("words in most protocols list the latest first, with snippets",
          "[store][registry][search]") {
  RegisterFixture f;
  RegistryQuery q;
  q.text = "kvalitet";
  q.rankAtMost = 1;  // three protocols have the word: more than this
  const auto list = f.hits(f.manager(), q);
  CHECK(f.meetingsOf(list) == Ids{f.r3, f.r2, f.r1});
  for (const auto& hit : list) {
    const auto parts = snippetParts(hit.snippet);
    CHECK(std::count_if(parts.begin(), parts.end(), [](auto& p) { return p.hit; }) == 1);
  }
  q.limit = 1;
  q.offset = 1;
  CHECK(f.meetingsOf(f.hits(f.manager(), q)) == Ids{f.r2});
  const auto linneRep =
      RegisterFixture::person(f.linne, OrganizationKind::Provider, Role::ProviderRep);
  q.limit = 50;
  q.offset = 0;
  CHECK(f.meetingsOf(f.hits(linneRep, q)) == Ids{f.r2, f.r1});
}

TEST_CASE("indexed text cannot forge a snippet's markers", "[store][registry][search]") {
  RegisterFixture f;
  f.store->db().write([&](Writing& c) {
    f.registered(c, f.linneContract, f.authority, "2026-11-10T11:00:00Z", 2026, 11, "SDN",
                 std::string("Ordet ") + kHitStart + "<script>alert(1)</script>" + kHitEnd +
                     " tillsynsbesök.\n");
    return 0;
  });
  RegistryQuery q;
  q.text = "tillsynsbesök";
  const auto list = f.hits(f.manager(), q);
  REQUIRE(list.size() == 1);
  int marked = 0;
  for (const auto& p : snippetParts(list[0].snippet))
    if (p.hit) {
      ++marked;
      CHECK(p.text == "tillsynsbesök");
    }
  CHECK(marked == 1);
}

TEST_CASE("the search is paged", "[store][registry][search]") {
  RegisterFixture f;
  RegistryQuery q;
  q.limit = 2;
  CHECK(f.meetingsOf(f.hits(f.manager(), q)) == Ids{f.r3, f.r2});
  q.offset = 2;
  CHECK(f.meetingsOf(f.hits(f.manager(), q)) == Ids{f.r1});
  q.offset = 3;
  CHECK(f.hits(f.manager(), q).empty());
}

TEST_CASE("query text never breaks the FTS5 syntax", "[store][registry][search]") {
  RegisterFixture f;
  const auto anna = f.manager();
  for (const std::string& text : std::vector<std::string>{"\"",
                                                          "*",
                                                          "NEAR(",
                                                          "-",
                                                          "\"\"",
                                                          "brand\"*",
                                                          ") OR (",
                                                          "{body} :",
                                                          "AND",
                                                          "OR NOT",
                                                          "^brand",
                                                          "brand -bemanning",
                                                          "NEAR(brand bemanning, 2)",
                                                          "body:brand",
                                                          "'; DROP TABLE",
                                                          std::string("\x02") + "brand",
                                                          "2026/",
                                                          "/",
                                                          "a\"b\"c",
                                                          "brand*",
                                                          "(brand"}) {
    INFO(text);
    CHECK_NOTHROW(f.found(anna, text));
    RegistryQuery q;
    q.number = text;
    CHECK_NOTHROW(f.hits(anna, q));
  }
  // Operators are words like any other, or nothing at all.
  CHECK(f.found(anna, "\"").empty());
  CHECK(f.found(anna, "*").empty());
  CHECK(f.found(anna, "-").empty());
  CHECK(f.found(anna, "NEAR(").empty());
  CHECK(f.found(anna, "brand\"*") == Ids{f.r1});
  CHECK(f.found(anna, "(brand") == Ids{f.r1});
  CHECK(f.found(anna, "brand OR bemanning").empty());  // "or" is a word: no protocol has it
  CHECK(registryMatchOf("", "a\"b") ==
        std::optional<std::string>(
            "(({number} : (\"a\"\"b\")) OR ({contract provider meeting_year body} : "
            "(\"a\"\"b\"*)))"));
  CHECK(registryMatchOf("", "\" * -") == std::nullopt);
  CHECK(registryMatchOf("SDN 2026/0001", "") ==
        std::optional<std::string>("({number} : (\"SDN\" AND \"2026\" AND \"1\"))"));
}

TEST_CASE("a page of the register is found and cut in a few statements, not one a row",
          "[store][registry][search][sqlite]") {
  RegisterFixture f;
  f.store->db().write([&](Writing& c) {
    for (int seq = 20; seq < 30; ++seq)
      f.registered(c, f.linneContract, f.authority, "2026-10-01T11:00:00Z", 2026, seq, "SDN",
                   "## § 4 Kvalitet\n\nBrandskyddet och kvaliteten följs upp.\n");
    return 0;
  });
  // Statements that run a MATCH, as SQLite starts them on the reader's connection.
  auto matches = [&](RegistryQuery q, std::vector<RegistryHit>& list) {
    int statements = 0;
    auto counter = [](unsigned, void* context, void* stmt, void*) {
      const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(stmt));
      if (sql && std::string_view(sql).find("MATCH") != std::string_view::npos)
        ++*static_cast<int*>(context);
      return 0;
    };
    list = f.store->db().read([&](Reading& c) {
      sqlite3* db = Database::sqliteOf(c);
      sqlite3_trace_v2(db, SQLITE_TRACE_STMT, counter, &statements);
      auto found = searchRegistry(c, TenantScope::of(f.manager()), q);
      sqlite3_trace_v2(db, 0, nullptr, nullptr);
      return found;
    });
    return statements;
  };
  auto everyOneMarked = [](const std::vector<RegistryHit>& list) {
    return std::all_of(list.begin(), list.end(), [](const RegistryHit& h) {
      const auto parts = snippetParts(h.snippet);
      return std::any_of(parts.begin(), parts.end(), [](auto& p) { return p.hit; });
    });
  };

  std::vector<RegistryHit> list;
  RegistryQuery q;
  q.text = "kvalitet";
  q.limit = 8;
  q.offset = 2;
  // Ranked (12 protocols have the word): the count, the page, the page's snippets.
  CHECK(matches(q, list) == 3);
  CHECK(list.size() == 8);
  CHECK(everyOneMarked(list));
  // The latest first: the count, and the page with its snippets.
  q.rankAtMost = 5;
  CHECK(matches(q, list) == 2);
  CHECK(list.size() == 8);
  CHECK(everyOneMarked(list));
}

TEST_CASE("the protocols are ranked while no more than rankAtMost are found",
          "[store][registry][search]") {
  RegisterFixture f;
  // "0001" is in three protocols' numbers and in the text of a fourth (the latest), which bm25
  // ranks last and the latest-first order puts first.
  const auto mention = f.store->db().write([&](Writing& c) {
    return f.registered(c, f.linneContract, f.authority, "2026-11-10T11:00:00Z", 2026, 11, "SDN",
                        "Beslut 0001 gäller.\n");
  });
  RegistryQuery q;
  q.text = "0001";
  q.rankAtMost = 4;  // four protocols found, the foreign one among them: ranked
  auto list = f.meetingsOf(f.hits(f.manager(), q));
  REQUIRE(list.size() == 3);
  CHECK(list.back() == mention);
  q.rankAtMost = 3;  // one too many: the latest first
  list = f.meetingsOf(f.hits(f.manager(), q));
  REQUIRE(list.size() == 3);
  CHECK(list.front() == mention);
}

TEST_CASE("migration 016 keeps the indexed protocols and indexes the first letters of words",
          "[store][registry][search][sqlite]") {
  test::TempDir dir;
  SqliteConnection conn(dir.path() / "samverkan.db", false);
  // The schema as it was before 016 (after 011; 014 and 015 come between), with a protocol indexed
  // in it.
  for (const auto& [name, sql] : migration_files::files())
    if (std::stoi(name.substr(name.rfind('/') + 1, 3)) <= 11) conn.exec(std::string(sql));
  conn.exec("PRAGMA user_version = 11");
  conn.exec(
      "INSERT INTO registry_search (rowid, number, contract, provider, meeting_year, body) "
      "VALUES (7, 'SDN 2026/0001 1', 'Hemtjänst Norr A-2', 'Linnégården AB', '2026', "
      "'Brandskyddet är åtgärdat.')");
  migrate(conn);

  auto found = [&](const std::string& match) {
    auto s = conn.prepare("SELECT rowid FROM registry_search WHERE registry_search MATCH ?1");
    s.bind(1, match);
    std::vector<std::int64_t> rows;
    while (s.step()) rows.push_back(s.int64(0));
    return rows;
  };
  for (const char* word : {"b", "br", "bra", "brand", "å", "åt", "åtg", "n", "sdn"}) {
    INFO(word);
    CHECK(found("\"" + std::string(word) + "\"*") == Ids{7});
  }
  CHECK(found("\"ä\"*") == Ids{7});  // "är", not "a": å, ä and ö are still their own letters
  CHECK(found("\"a\"*").empty() == false);  // "A-2"
  CHECK(found("{body} : \"m\"*").empty());
  auto schema = conn.prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'registry_search'");
  REQUIRE(schema.step());
  CHECK(schema.text(0).find("prefix = '1 2 3'") != std::string::npos);
}

}  // namespace SV_TEST_FILE
