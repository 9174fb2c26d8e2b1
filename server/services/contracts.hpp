// Contracts between an authority and a provider: the authority's contract managers create and
// change them; both parties' people read their own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "server/services/catalog.hpp"
#include "server/store/contracts.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"

namespace sv::services {

struct ContractInput {
  std::optional<std::string> title;
  std::optional<std::int64_t> authorityId;  // defaults to the caller's organisation
  std::optional<std::int64_t> providerId;
  std::optional<std::string> serviceArea;
  std::optional<std::string> reference;
  std::optional<std::string> startsOn;
  std::optional<std::string> endsOn;
  std::optional<std::int64_t> meetingsPerYear;
  std::optional<std::string> agendaTemplate;
};

class ContractService {
 public:
  ContractService(store::Store& store, const Catalog& catalog, const TimeSource& time)
      : store_(store), catalog_(catalog), time_(time) {}

  // Errors: Forbidden/NotContractManager (before any field is looked at), Invalid/Missing (a
  // required field), and those of validate below.
  Result<store::ContractRow> create(const store::Principal& actor, const ContractInput& input);
  // Errors: NotFound, Forbidden/NotContractManager (both before any field),
  // Invalid/ContractPartiesFixed, and those of validate below.
  Result<store::ContractRow> update(const store::Principal& actor, std::int64_t id,
                                    const ContractInput& input);
  std::vector<store::ContractRow> list(const store::Principal& viewer);
  // `span` of the same list, and how many contracts the viewer sees.
  store::Page<store::ContractRow> page(const store::Principal& viewer, store::PageSpan span);
  // Errors: NotFound.
  Result<store::ContractRow> get(const store::Principal& viewer, std::int64_t id);

 private:
  // Errors: Invalid/Missing, TooLong (value the limit), UnknownChoice (service area, template),
  // NotADate (value "YYYY-MM-DD"), EndsBeforeStart, OutOfRange (meetings a year),
  // NoSuchOrganization; Conflict/ContractReferenceTaken.
  Status validate(store::Reading& c, const store::ContractRow& row);

  store::Store& store_;
  const Catalog& catalog_;
  const TimeSource& time_;
};

}  // namespace sv::services
