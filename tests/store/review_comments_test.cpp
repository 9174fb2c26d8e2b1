// Review comments in SQLite: written once, handled once, never deleted, and closed with the
// document's seal, by the store's triggers whatever a service does.
#include <catch2/catch.hpp>

#include "server/store/accounts.hpp"
#include "server/store/database.hpp"
#include "server/store/documents.hpp"
#include "server/store/review_comments.hpp"
#include "server/store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::store;

namespace {

const ReviewedDocument kMinutes{"contract-3", "meetings/12/minutes"};

struct CommentsFixture {
  test::TempDir dir;
  std::unique_ptr<Store> store = std::move(*Store::open(test::testStore(dir.path())));
  std::int64_t user = store->db().write([](Writing& c) {
    const auto org = insertOrganization(c, "Omsorg AB", OrganizationKind::Provider, "2026-01-01");
    return insertUser(c, {"ulla", "Ulla Utförare", "ulla@example.se", "x", org, {}}, "2026-01-01");
  });

  std::int64_t comment(const std::string& part, const std::string& text) {
    return store->db().write([&](Writing& c) {
      review::Comment row;
      row.part = part;
      row.version = "abc123";
      row.userId = user;
      row.text = text;
      row.createdAt = "2026-05-13T08:00:00Z";
      return insertReviewComment(c, kMinutes, row);
    });
  }
};

}  // namespace

TEST_CASE("review comments come back in order, with names, open until handled", "[store][review]") {
  CommentsFixture f;
  const auto first = f.comment("2", "Beslutet saknas.");
  f.comment("", "Allmänt.");
  auto all = f.store->db().read([](Reading& c) { return listReviewComments(c, kMinutes); });
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == first);
  CHECK(all[0].userName == "Ulla Utförare");
  CHECK(all[0].party == Party::Provider);
  CHECK_FALSE(all[0].handled);

  const bool handled = f.store->db().write([&](Writing& c) {
    return handleReviewComment(c, first, {f.user, "", "Infört i § 2.", "2026-05-14T08:00:00Z"});
  });
  CHECK(handled);
  const bool twice = f.store->db().write([&](Writing& c) {
    return handleReviewComment(c, first, {f.user, "", "Igen.", "2026-05-15T08:00:00Z"});
  });
  CHECK_FALSE(twice);
  auto one = f.store->db().read([&](Reading& c) { return findReviewComment(c, kMinutes, first); });
  REQUIRE(one);
  REQUIRE(one->handled);
  CHECK(one->handled->how == "Infört i § 2.");
  CHECK(one->handled->userName == "Ulla Utförare");
}

TEST_CASE("a review comment of another document is not found", "[store][review]") {
  CommentsFixture f;
  const auto id = f.comment("2", "Beslutet saknas.");
  auto other = f.store->db().read([&](Reading& c) {
    return findReviewComment(c, {"contract-3", "meetings/13/minutes"}, id);
  });
  CHECK_FALSE(other);
}

TEST_CASE("a review comment is never rewritten or deleted, even around the store",
          "[store][review]") {
  CommentsFixture f;
  const auto id = f.comment("2", "Beslutet saknas.");
  const auto sql = [&](const std::string& statement) {
    f.store->db().write([&](Writing& c) {
      c.exec(statement);
      return 0;
    });
  };
  CHECK_THROWS_WITH(
      sql("UPDATE review_comments SET text = 'annat' WHERE id = " + std::to_string(id)),
      Catch::Contains("written once"));
  CHECK_THROWS_WITH(sql("DELETE FROM review_comments"), Catch::Contains("stays"));
  f.store->db().write([&](Writing& c) {
    return handleReviewComment(c, id, {f.user, "", "Infört.", "2026-05-14T08:00:00Z"});
  });
  CHECK_THROWS_WITH(
      sql("UPDATE review_comments SET handling = 'annat' WHERE id = " + std::to_string(id)),
      Catch::Contains("handled once"));
}

TEST_CASE("a sealed document takes no new review comment and no handling", "[store][review]") {
  CommentsFixture f;
  const auto id = f.comment("2", "Beslutet saknas.");
  f.store->db().write([&](Writing& c) {
    DocumentStore::seal(c, kMinutes.repository, kMinutes.document, "registered", Clock::now());
    return 0;
  });
  CHECK_THROWS_WITH(f.comment("3", "Sent."), Catch::Contains("sealed"));
  CHECK_THROWS_WITH(f.store->db().write([&](Writing& c) {
    return handleReviewComment(c, id, {f.user, "", "Infört.", "2026-05-14T08:00:00Z"});
  }),
                    Catch::Contains("sealed"));
}

}  // namespace SV_TEST_FILE
