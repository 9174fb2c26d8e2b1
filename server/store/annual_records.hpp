// The yearly summary as a record in SQLite (migration 023): where each authority's summary of a
// year is in its lifecycle, which version went for approval with its frozen figures, who approved
// or returned it, and its registration. The text and the frozen figures are in git
// (DocumentStore, repository "authority-<id>", document "annual/<year>/report"); these rows are
// written inside the transactions of the use cases (services/annual_record_*.cpp). Triggers
// refuse any change once a summary is registered.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "server/store/transaction.hpp"

namespace sv::store {

struct AnnualRecordRow {
  std::int64_t id = 0;
  std::int64_t authorityId = 0;
  int year = 0;
  std::string state;  // the names of minutes::AnnualState
  std::int64_t createdBy = 0;
  std::string createdAt;
  std::string updatedAt;
  std::optional<std::string> submittedVersion;
  std::optional<std::string> figuresAsOf;  // YYYY-MM-DD in Stockholm
  std::optional<std::string> approvedVersion;
  std::optional<std::string> approvedByName;
  std::optional<std::string> approvedAt;
  std::optional<std::string> returnedComment;
  std::optional<std::string> returnedByName;
  std::optional<std::string> returnedAt;
  std::optional<std::string> registryNumber;
  std::optional<std::string> registeredAt;
};

// The authority's summary of the year; none before its first save.
std::optional<AnnualRecordRow> findAnnualRecord(Reading& c, std::int64_t authorityId, int year);
// A new draft; returns its id.
std::int64_t insertAnnualRecord(Writing& c, std::int64_t authorityId, int year,
                                std::int64_t createdBy, const std::string& at);
void touchAnnualRecord(Writing& c, std::int64_t id, const std::string& at);

// The steps' own columns, each with the new state.
void markAnnualSubmitted(Writing& c, std::int64_t id, const std::string& version,
                         const std::string& figuresAsOf, const std::string& at);
void markAnnualReturned(Writing& c, std::int64_t id, std::int64_t by, const std::string& comment,
                        const std::string& at);
void markAnnualApproved(Writing& c, std::int64_t id, const std::string& version, std::int64_t by,
                        const std::string& at);

struct AnnualRegistryRow {
  std::int64_t authorityId = 0;
  int year = 0;  // the registration's year (the number's series), not the summary's
  int seq = 0;
  std::string number;
  std::int64_t annualReportId = 0;
  std::string repository;
  std::string version;
  std::string tag;
  std::int64_t registeredBy = 0;
  std::string registeredAt;
};
// The registration and the state "registered" in one go (the caller's transaction).
void registerAnnualRecord(Writing& c, const AnnualRegistryRow& row);

}  // namespace sv::store
