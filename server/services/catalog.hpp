// What config/ holds for the domain, read and validated once at start-up: the service areas, the
// adopted agenda templates, the follow-up templates and the rule that proposes meeting dates. A
// broken file stops the start with a message that names it.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "agenda/agenda_template.hpp"
#include "agenda/meeting_plan.hpp"
#include "agenda/service_areas.hpp"
#include "minutes/action_rules.hpp"
#include "minutes/annual_lifecycle.hpp"
#include "minutes/case_lifecycle.hpp"
#include "minutes/case_report.hpp"
#include "minutes/followup_template.hpp"
#include "minutes/lifecycle.hpp"
#include "minutes/registry_number.hpp"
#include "minutes/report_lifecycle.hpp"
#include "server/pdf/seal.hpp"
#include "server/services/mail_policy.hpp"
#include "workflows/result.hpp"
#include "workflows/workflow.hpp"

namespace sv::services {

struct TemplateSource {
  agenda::AgendaTemplate parsed;
  std::string text;  // kept with every meeting made from it
};

struct FollowUpTemplateSource {
  minutes::FollowUpTemplate parsed;
  std::string text;  // kept with every report made from it
};

struct Catalog {
  std::vector<agenda::ServiceArea> serviceAreas;
  std::map<std::string, TemplateSource> templates;  // by id (file name without .agenda)
  // config/followups/: the common template of the yearly follow-up, by service area key.
  std::map<std::string, FollowUpTemplateSource> followUpTemplates;
  agenda::PlanRule planRule;
  std::map<std::string, minutes::RegistryFormat> registryFormats;  // by authority name; "*" default
  // config/workflows/: validated at start-up against the role and guard names the code knows.
  std::optional<workflows::Workflow<minutes::LifecycleFacts>> minutesWorkflow;
  std::optional<workflows::Workflow<minutes::ActionFacts>> actionWorkflow;
  std::optional<workflows::Workflow<minutes::ReportLifecycleFacts>> reportWorkflow;
  std::optional<workflows::Workflow<minutes::CaseLifecycleFacts>> caseWorkflow;
  std::optional<workflows::Workflow<minutes::AnnualLifecycleFacts>> annualWorkflow;
  // config/cases/case_report.followup: the areas of an event-driven case's report to the
  // committee (minutes/case_report.hpp names the five it must have).
  std::optional<FollowUpTemplateSource> caseReportTemplate;
  // From the properties (samverkan.cases.stale_days): days without progress before an open case
  // is listed as stale.
  int caseStaleDays = minutes::kDefaultCaseStaleDays;
  // From the properties (samverkan.reports.fact_check_days): the provider's time to fact-check.
  int factCheckDays = minutes::kDefaultFactCheckDays;
  // Not from config/ but from the properties (samverkan.mail.*): what every use case that
  // causes e-mail needs, and those use cases hold the catalog already.
  MailPolicy mail;
  // The authority's e-seal, loaded once at start (services/seal.hpp) and owned by the
  // application's context; registered PDFs are sealed with it. None: they are not sealed.
  const pdf::SealKey* seal = nullptr;

  bool hasServiceArea(const std::string& key) const;
  const minutes::RegistryFormat& registryFormatFor(const std::string& authorityName) const;
};

inline constexpr const char* kDefaultTemplate = "standard";

// Errors: Internal (a file cannot be read), and the Malformed/Invalid of the file's parser, whose
// detail names the line; reasons as the parsers give them: config is for the operator, not a form.
Result<Catalog> loadCatalog(const std::filesystem::path& configDir, agenda::PlanRule rule);

}  // namespace sv::services
