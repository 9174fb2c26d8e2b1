// Contracts on a temporary store: who may make and change them, and the reason of each refusal.
#include "service_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using test::checkError;
using test::ServiceFixture;

TEST_CASE("contracts: a provider changing a contract is Forbidden/NotContractManager",
          "[services][contracts]") {
  ServiceFixture f;
  const auto id = f.makeContract();
  services::ContractInput change;
  change.title = "Nytt namn";
  checkError(f.contracts.update(f.providerRep, id, change), Errc::Forbidden,
             Reason::NotContractManager);
  CHECK(f.contracts.get(f.manager, id)->title == "Vård- och omsorgsboende Eken");
}

TEST_CASE("contracts: a provider cannot create one for the authority", "[services][contracts]") {
  ServiceFixture f;
  auto in = f.contractInput();
  in.authorityId = f.authority;
  checkError(f.contracts.create(f.providerRep, in), Errc::Forbidden, Reason::NotContractManager);
}

TEST_CASE("contracts: another provider does not find the contract", "[services][contracts]") {
  ServiceFixture f;
  const auto id = f.makeContract();
  checkError(f.contracts.get(f.stranger, id), Errc::NotFound, Reason::None);
  checkError(f.contracts.update(f.stranger, id, {}), Errc::NotFound, Reason::None);
}

TEST_CASE("contracts: the checks of a contract name their reason and field",
          "[services][contracts]") {
  ServiceFixture f;
  auto in = f.contractInput();
  in.title = std::string(201, 'x');
  checkError(f.contracts.create(f.manager, in), Errc::Invalid, Reason::TooLong, "title", "200");

  in = f.contractInput();
  in.title.reset();
  checkError(f.contracts.create(f.manager, in), Errc::Invalid, Reason::Missing, "title");

  in = f.contractInput();
  in.endsOn = "2025-12-31";
  checkError(f.contracts.create(f.manager, in), Errc::Invalid, Reason::EndsBeforeStart, "ends_on");

  in = f.contractInput();
  in.startsOn = "2026-02-30";
  checkError(f.contracts.create(f.manager, in), Errc::Invalid, Reason::NotADate, "starts_on",
             "YYYY-MM-DD");

  in = f.contractInput();
  in.meetingsPerYear = 13;
  checkError(f.contracts.create(f.manager, in), Errc::Invalid, Reason::OutOfRange,
             "meetings_per_year");

  in = f.contractInput();
  in.serviceArea = "bageri";
  checkError(f.contracts.create(f.manager, in), Errc::Invalid, Reason::UnknownChoice,
             "service_area");

  in = f.contractInput();
  in.providerId = f.authority;
  checkError(f.contracts.create(f.manager, in), Errc::Invalid, Reason::NoSuchOrganization,
             "provider_id");
}

TEST_CASE("contracts: one reference number per authority", "[services][contracts]") {
  ServiceFixture f;
  f.makeContract();
  checkError(f.contracts.create(f.manager, f.contractInput()), Errc::Conflict,
             Reason::ContractReferenceTaken, "reference");
}

TEST_CASE("contracts: the parties never change", "[services][contracts]") {
  ServiceFixture f;
  const auto id = f.makeContract();
  services::ContractInput change;
  change.providerId = f.otherProvider;
  checkError(f.contracts.update(f.manager, id, change), Errc::Invalid, Reason::ContractPartiesFixed,
             "provider_id");
}

}  // namespace SV_TEST_FILE
