// The agenda of a meeting on a temporary store: who may change and publish it, and the reason
// of each refusal once it is published or when an item is fixed.
#include "service_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using test::checkError;
using test::ServiceFixture;

TEST_CASE("agendas: adding to a published agenda is Conflict/AgendaPublished",
          "[services][agendas]") {
  ServiceFixture f;
  const auto m = f.makeMeeting(f.makeContract(), "2026-05-12T13:00");
  REQUIRE(f.agendas.addItem(f.providerRep, m.row.id, "Bemanning i sommar", ""));
  auto published = f.agendas.publish(f.manager, m.row.id);
  REQUIRE(published);
  CHECK(published->publishedVersion == published->version);
  CHECK(f.meetings.get(f.manager, m.row.id)->row.agendaPublishedVersion ==
        published->publishedVersion);

  checkError(f.agendas.addItem(f.providerRep, m.row.id, "För sent", ""), Errc::Conflict,
             Reason::AgendaPublished);
  checkError(f.agendas.removeItem(f.manager, m.row.id, "extra-1"), Errc::Conflict,
             Reason::AgendaPublished);
  checkError(f.agendas.publish(f.manager, m.row.id), Errc::Conflict,
             Reason::AgendaAlreadyPublished);
}

TEST_CASE("agendas: a fixed item is Invalid/FixedItem naming its key", "[services][agendas]") {
  ServiceFixture f;
  const auto m = f.makeMeeting(f.makeContract(), "2026-05-12T13:00");
  checkError(f.agendas.removeItem(f.manager, m.row.id, "adjusters"), Errc::Invalid,
             Reason::FixedItem, "key", "adjusters");
  checkError(f.agendas.moveItem(f.manager, m.row.id, "opening", 1), Errc::Invalid,
             Reason::FixedItem, "key", "opening");
}

TEST_CASE("agendas: an added item's title is checked with its reason", "[services][agendas]") {
  ServiceFixture f;
  const auto m = f.makeMeeting(f.makeContract(), "2026-05-12T13:00");
  checkError(f.agendas.addItem(f.manager, m.row.id, " ", ""), Errc::Invalid, Reason::Missing,
             "title");
  checkError(f.agendas.addItem(f.manager, m.row.id, "Två\nrader", ""), Errc::Invalid,
             Reason::NotOneLine, "title");
  checkError(f.agendas.addItem(f.manager, m.row.id, std::string(201, 'x'), ""), Errc::Invalid,
             Reason::TooLong, "title", "200");
  checkError(f.agendas.addItem(f.manager, m.row.id, "Rubrik", std::string(4001, 'x')),
             Errc::Invalid, Reason::TooLong, "description", "4000");
}

TEST_CASE("agendas: who may change and who may publish", "[services][agendas]") {
  ServiceFixture f;
  const auto m = f.makeMeeting(f.makeContract(), "2026-05-12T13:00");
  checkError(f.agendas.addItem(f.reader, m.row.id, "Läsarens punkt", ""), Errc::Forbidden,
             Reason::NotAgendaEditor);
  checkError(f.agendas.publish(f.providerRep, m.row.id), Errc::Forbidden,
             Reason::NotContractManager);
  checkError(f.agendas.addItem(f.stranger, m.row.id, "Fel utförare", ""), Errc::NotFound,
             Reason::None);
  checkError(f.agendas.get(f.stranger, m.row.id), Errc::NotFound, Reason::None);
}

}  // namespace SV_TEST_FILE
