// The action plan's canonical JSON: written with the project's one writer in a fixed layout (what
// `git diff` shows), read back key by key with the documents' field reader.
#include <Poco/JSON/Parser.h>

#include "minutes/action_plan.hpp"
#include "minutes/json_fields.hpp"
#include "workflows/json_writer.hpp"

namespace sv::minutes {
namespace {

using Layout = json::Writer::Layout;
using detail::Fields;
using detail::parseJsonText;
using detail::readList;
using Poco::Dynamic::Var;

// Root, items, item: 3 levels; a little room.
constexpr std::size_t kMaxPlanDepth = 8;

Result<PlanItem> readPlanItem(const Var& v, const std::string& path) {
  auto f = Fields::open(v, path, {"id", "text", "responsible", "due_date"});
  if (!f) return std::unexpected(f.error());
  PlanItem item;
  SV_READ(item.id, f->string("id"));
  SV_READ(item.text, f->string("text"));
  SV_READ(item.responsible, f->string("responsible"));
  SV_READ(item.dueDate, f->dateOrNone("due_date"));
  return item;
}

Result<std::int64_t> readFormat(const Fields& f) {
  std::int64_t format = 0;
  SV_READ(format, f.integer("format"));
  if (format != kActionPlanJsonFormat)
    return fail(Errc::Invalid, "unsupported format " + std::to_string(format), "format");
  return format;
}

Result<ActionPlan> readPlan(const Var& root) {
  auto f = Fields::open(
      root, "",
      {"format", "case_id", "case_title", "contract_title", "provider_name", "summary", "items"});
  if (!f) return std::unexpected(f.error());
  if (auto format = readFormat(*f); !format) return std::unexpected(format.error());
  ActionPlan plan;
  SV_READ(plan.caseId, f->integer("case_id"));
  SV_READ(plan.caseTitle, f->string("case_title"));
  SV_READ(plan.contractTitle, f->string("contract_title"));
  SV_READ(plan.providerName, f->string("provider_name"));
  SV_READ(plan.summary, f->string("summary"));
  SV_READ(plan.items, readList<PlanItem>(*f, "items", readPlanItem));
  return plan;
}

// A request body's plan: the summary and the items, and whatever of the stored form is sent with
// them; the case's facts may be left out, since applyPlanEdit takes them from the stored plan.
// Fields name their place from the plan's root, as applyPlanEdit's do, so a form can point at
// the same field whichever of the two refused it.
Result<ActionPlan> readEditedPlan(const Var& value) {
  auto f = Fields::open(value, "", {"summary", "items"},
                        {"format", "case_id", "case_title", "contract_title", "provider_name"});
  if (!f) return std::unexpected(f.error());
  const auto given = [&](std::string_view key) { return !f->get(key).isEmpty(); };
  if (given("format"))
    if (auto format = readFormat(*f); !format) return std::unexpected(format.error());
  ActionPlan plan;
  if (given("case_id")) SV_READ(plan.caseId, f->integer("case_id"));
  if (given("case_title")) SV_READ(plan.caseTitle, f->string("case_title"));
  if (given("contract_title")) SV_READ(plan.contractTitle, f->string("contract_title"));
  if (given("provider_name")) SV_READ(plan.providerName, f->string("provider_name"));
  SV_READ(plan.summary, f->string("summary"));
  SV_READ(plan.items, readList<PlanItem>(*f, "items", readPlanItem));
  return plan;
}

}  // namespace

std::string toJson(const ActionPlan& plan) {
  json::Writer w;
  w.beginObject();
  w.key("format").value(kActionPlanJsonFormat);
  w.key("case_id").value(plan.caseId);
  w.key("case_title").value(plan.caseTitle);
  w.key("contract_title").value(plan.contractTitle);
  w.key("provider_name").value(plan.providerName);
  w.key("summary").value(plan.summary);
  w.key("items").beginArray();
  for (const auto& item : plan.items) {
    w.beginObject(Layout::OneLine);
    w.key("id").value(item.id);
    w.key("text").value(item.text);
    w.key("responsible").value(item.responsible);
    w.key("due_date");
    if (item.dueDate.ok())
      w.value(formatDate(item.dueDate));
    else
      w.null();
    w.endObject();
  }
  w.endArray();
  w.endObject();
  return w.finish();
}

Result<ActionPlan> actionPlanFromJson(std::string_view json) {
  auto root = parseJsonText(json, kMaxPlanDepth);
  if (!root) return std::unexpected(root.error());
  return readPlan(*root);
}

Result<ActionPlan> actionPlanFromJsonMember(std::string_view json, const std::string& member) {
  auto plan = detail::parseJsonMember(json, member, kMaxPlanDepth);
  if (!plan) return std::unexpected(plan.error());
  return readEditedPlan(*plan);
}

}  // namespace sv::minutes
