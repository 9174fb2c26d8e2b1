#include "server/services/catalog.hpp"

#include <fstream>
#include <sstream>

#include "workflows/names.hpp"
#include "workflows/text.hpp"

namespace sv::services {
namespace {

Result<std::string> readText(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail(Errc::Internal, "cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Error naming(const std::filesystem::path& file, const Error& e) {
  std::string detail = file.string() + ": " + e.detail;
  if (!e.field.empty()) detail += " (" + e.field + ")";
  return Error{Errc::Internal, Reason::None, detail};
}

// A lifecycle from config/workflows/<name>.workflow: parsed, its states checked against the ones
// the server knows (`checkStates`, when the lifecycle's states are an enum), and its roles and
// guards against the names the code registers.
template <class Facts>
Result<workflows::Workflow<Facts>> loadWorkflow(
    const std::filesystem::path& configDir, const std::string& name,
    Status (*checkStates)(const workflows::WorkflowDefinition&),
    workflows::GuardRegistry<Facts> guards) {
  const auto file = configDir / "workflows" / (name + ".workflow");
  auto text = readText(file);
  if (!text) return std::unexpected(text.error());
  auto definition = workflows::parseWorkflow(*text);
  if (!definition) return std::unexpected(naming(file, definition.error()));
  if (checkStates)
    if (auto states = checkStates(*definition); !states)
      return std::unexpected(naming(file, states.error()));
  auto workflow =
      workflows::Workflow<Facts>::create(*definition, std::move(guards), workflows::knownRoles());
  if (!workflow) return std::unexpected(naming(file, workflow.error()));
  return workflow;
}

// "Authority name = FORMAT" per line; '#' comments; "*" is the default.
Result<std::map<std::string, minutes::RegistryFormat>> parseRegistryFormats(std::string_view text) {
  std::map<std::string, minutes::RegistryFormat> out;
  int lineNo = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const auto end = std::min(text.find('\n', pos), text.size());
    const auto line = text::trimmed(text.substr(pos, end - pos));
    pos = end + 1;
    ++lineNo;
    if (line.empty() || line.front() == '#') continue;
    const auto eq = line.rfind('=');
    if (eq == std::string::npos)
      return fail(Errc::Invalid, "line " + std::to_string(lineNo) + ": write 'Authority = FORMAT'");
    const auto name = text::trimmed(line.substr(0, eq));
    auto format = minutes::RegistryFormat::parse(text::trimmed(line.substr(eq + 1)));
    if (name.empty() || !format)
      return fail(Errc::Invalid, "line " + std::to_string(lineNo) + ": " +
                                     (format ? "no authority named" : format.error().detail));
    if (!out.emplace(name, *format).second)
      return fail(Errc::Invalid, "line " + std::to_string(lineNo) + ": '" + name + "' twice");
  }
  if (!out.contains("*")) return fail(Errc::Invalid, "no default format ('* = …')");
  return out;
}

// Every config/followups/<service area>.followup; a file for a service area that
// service_areas.txt does not list is an error too, since no contract could ever use it.
Status loadFollowUpTemplates(const std::filesystem::path& dir, Catalog& catalog) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".followup") continue;
    auto text = readText(entry.path());
    if (!text) return std::unexpected(text.error());
    const std::string id = entry.path().stem().string();
    auto parsed = minutes::parseFollowUpTemplate(id, *text);
    if (!parsed) return std::unexpected(naming(entry.path(), parsed.error()));
    if (!catalog.hasServiceArea(id))
      return fail(Errc::Internal, entry.path().string() + ": '" + id +
                                      "' is not a service area of service_areas.txt");
    catalog.followUpTemplates.emplace(id,
                                      FollowUpTemplateSource{std::move(*parsed), std::move(*text)});
  }
  if (ec) return fail(Errc::Internal, "cannot read " + dir.string());
  return {};
}

}  // namespace

const minutes::RegistryFormat& Catalog::registryFormatFor(const std::string& authorityName) const {
  auto it = registryFormats.find(authorityName);
  return it != registryFormats.end() ? it->second : registryFormats.at("*");
}

bool Catalog::hasServiceArea(const std::string& key) const {
  for (const auto& a : serviceAreas)
    if (a.key == key) return true;
  return false;
}

Result<Catalog> loadCatalog(const std::filesystem::path& configDir, agenda::PlanRule rule) {
  Catalog catalog;
  catalog.planRule = rule;
  const auto areasFile = configDir / "service_areas.txt";
  auto areasText = readText(areasFile);
  if (!areasText) return std::unexpected(areasText.error());
  auto areas = agenda::parseServiceAreas(*areasText);
  if (!areas) return std::unexpected(naming(areasFile, areas.error()));
  catalog.serviceAreas = std::move(*areas);

  const auto registryFile = configDir / "registry_numbers.txt";
  auto registryText = readText(registryFile);
  if (!registryText) return std::unexpected(registryText.error());
  auto formats = parseRegistryFormats(*registryText);
  if (!formats) return std::unexpected(naming(registryFile, formats.error()));
  catalog.registryFormats = std::move(*formats);

  auto minutesWorkflow = loadWorkflow<minutes::LifecycleFacts>(
      configDir, "minutes", &minutes::checkStatesOf, minutes::lifecycleGuards());
  if (!minutesWorkflow) return std::unexpected(minutesWorkflow.error());
  catalog.minutesWorkflow = std::move(*minutesWorkflow);

  auto actionWorkflow =
      loadWorkflow<minutes::ActionFacts>(configDir, "action", nullptr, minutes::actionGuards());
  if (!actionWorkflow) return std::unexpected(actionWorkflow.error());
  catalog.actionWorkflow = std::move(*actionWorkflow);

  auto reportWorkflow = loadWorkflow<minutes::ReportLifecycleFacts>(
      configDir, "report", &minutes::checkReportStatesOf, minutes::reportLifecycleGuards());
  if (!reportWorkflow) return std::unexpected(reportWorkflow.error());
  catalog.reportWorkflow = std::move(*reportWorkflow);

  auto caseWorkflow = loadWorkflow<minutes::CaseLifecycleFacts>(
      configDir, "follow_up_case", &minutes::checkCaseStatesOf, minutes::caseLifecycleGuards());
  if (!caseWorkflow) return std::unexpected(caseWorkflow.error());
  catalog.caseWorkflow = std::move(*caseWorkflow);

  auto annualWorkflow = loadWorkflow<minutes::AnnualLifecycleFacts>(
      configDir, "annual_report", &minutes::checkAnnualStatesOf, minutes::annualLifecycleGuards());
  if (!annualWorkflow) return std::unexpected(annualWorkflow.error());
  catalog.annualWorkflow = std::move(*annualWorkflow);

  // The report to the committee of an event-driven case: its areas and questions.
  const auto caseReportFile = configDir / "cases" / "case_report.followup";
  auto caseReportText = readText(caseReportFile);
  if (!caseReportText) return std::unexpected(caseReportText.error());
  auto caseReport = minutes::parseFollowUpTemplate("case_report", *caseReportText);
  if (!caseReport) return std::unexpected(naming(caseReportFile, caseReport.error()));
  if (auto caseAreas = minutes::checkCaseReportTemplate(*caseReport); !caseAreas)
    return std::unexpected(naming(caseReportFile, caseAreas.error()));
  catalog.caseReportTemplate =
      FollowUpTemplateSource{std::move(*caseReport), std::move(*caseReportText)};

  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(configDir / "agendas", ec)) {
    if (entry.path().extension() != ".agenda") continue;
    auto text = readText(entry.path());
    if (!text) return std::unexpected(text.error());
    const std::string id = entry.path().stem().string();
    auto parsed = agenda::parseAgendaTemplate(id, *text);
    if (!parsed) return std::unexpected(naming(entry.path(), parsed.error()));
    catalog.templates.emplace(id, TemplateSource{std::move(*parsed), std::move(*text)});
  }
  if (ec) return fail(Errc::Internal, "cannot read " + (configDir / "agendas").string());
  if (!catalog.templates.contains(kDefaultTemplate))
    return fail(Errc::Internal, (configDir / "agendas").string() + " has no standard.agenda");
  if (auto loaded = loadFollowUpTemplates(configDir / "followups", catalog); !loaded)
    return std::unexpected(loaded.error());
  return catalog;
}

}  // namespace sv::services
