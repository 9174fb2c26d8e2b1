#include "server/api/api.hpp"

#include <algorithm>

#include "server/api/handler.hpp"
#include "server/api/views.hpp"
#include "server/http/json_body.hpp"
#include "server/services/access.hpp"

namespace sv::api {
namespace {

Result<std::vector<services::ParticipantInput>> readParticipants(const http::JsonBody& body) {
  auto array = body.object().getArray("participants");
  if (!array) return fail(Errc::Malformed, "'participants' must be an array", "participants");
  std::vector<services::ParticipantInput> out;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string field = "participants[" + std::to_string(i) + "]";
    auto object = array->getObject(static_cast<unsigned>(i));
    if (!object) return fail(Errc::Malformed, field + " must be an object", field);
    std::ostringstream text;
    object->stringify(text);
    auto item = http::JsonBody::parse(text.str());
    auto user = item->requiredInt("user_id");
    if (!user) return fail(user.error().code, user.error().detail, field + ".user_id");
    auto role = item->requiredString("role");
    if (!role) return fail(role.error().code, role.error().detail, field + ".role");
    auto party = item->optionalString("party");
    if (!party) return fail(party.error().code, party.error().detail, field + ".party");
    out.push_back({*user, *role, *party});
  }
  return out;
}

// Declared in the OpenAPI document, so that generated clients and proxies pass it on.
const std::vector<http::ResponseHeader> kMeetingFileName{
    {"Content-Disposition", "the file name to save it under"}};

}  // namespace

void registerMeetings(http::Router& router, Services& s) {
  router.add(
      {"GET", "/api/v1/contracts/{id}/meetings", http::Access::LoggedIn,
       withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
         auto paging = pagingQuery(req);
         if (!paging) return std::unexpected(paging.error());
         auto meetings = s.meetings.page(req.principal(), id, {paging->limit, paging->offset});
         if (!meetings) return std::unexpected(meetings.error());
         Poco::JSON::Array out;
         for (const auto& m : meetings->rows) out.add(meetingJson(m));
         return pagedArray(req, out, meetings->total, *paging);
       }),
       paged({.operationId = "listMeetings",
              .summary = "The contract's meetings, in time order, a page at a time",
              .tag = "meetings",
              .responseSchema = "array:Meeting"})});

  router.add({"POST",
              "/api/v1/contracts/{id}/meetings",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                // Left out, it is refused by the service after the caller's role (roles first).
                auto startsAt = body->optionalString("starts_at");
                if (!startsAt) return std::unexpected(startsAt.error());
                auto endsAt = body->optionalString("ends_at");
                if (!endsAt) return std::unexpected(endsAt.error());
                auto location = body->optionalString("location");
                if (!location) return std::unexpected(location.error());
                auto m = s.meetings.create(
                    req.principal(), id, {startsAt->value_or(""), *endsAt, location->value_or("")});
                if (!m) return std::unexpected(m.error());
                return http::Reply::json(meetingJson(*m), 201)
                    .header("Location", "/api/v1/meetings/" + std::to_string(m->row.id));
              }),
              {.operationId = "createMeeting",
               .summary = "Add a single meeting to the contract",
               .tag = "meetings",
               .requestSchema = "NewMeeting",
               .responseSchema = "Meeting",
               .successStatus = 201,
               .errorStatuses = {403},
               .responseHeaders = {{"Location", "the new meeting"}}}});

  router.add(
      {"POST",
       "/api/v1/contracts/{id}/meeting-plan",
       http::Access::LoggedIn,
       withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
         auto body = http::JsonBody::parse(req.body);
         if (!body) return std::unexpected(body.error());
         // A year left out or far off is refused by the plan after the caller's role.
         auto given = body->optionalInt("year");
         if (!given) return std::unexpected(given.error());
         const auto year =
             std::optional<std::int64_t>(std::clamp<std::int64_t>(given->value_or(0), -1, 100000));
         auto plan = s.meetings.planYear(req.principal(), id, static_cast<int>(*year));
         if (!plan) return std::unexpected(plan.error());
         auto out = http::orderedObject();
         Poco::JSON::Array created;
         for (const auto& m : plan->created) created.add(meetingJson(m));
         Poco::JSON::Array existing;
         for (const auto& m : plan->existing) existing.add(meetingJson(m));
         out.set("year", *year);
         out.set("created", created);
         out.set("existing", existing);
         return http::Reply::json(out, plan->created.empty() ? 200 : 201);
       }),
       {.operationId = "planMeetingYear",
        .summary = "Create the year's meetings from the contract's plan; a second run adds none",
        .tag = "meetings",
        .requestSchema = "MeetingPlanRequest",
        .responseSchema = "MeetingPlan",
        .successStatus = 201,
        .errorStatuses = {403},
        .alsoSucceeds = {200}}});

  router.add({"GET",
              "/api/v1/contracts/{id}/calendar.ics",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto ics = s.meetings.contractCalendar(req.principal(), id, s.publicUrl);
                if (!ics) return std::unexpected(ics.error());
                return http::Reply::text(*ics, "text/calendar; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"samverkansmoten.ics\"");
              }),
              {.operationId = "getContractCalendar",
               .summary = "The contract's meetings as iCalendar (RFC 5545)",
               .tag = "meetings",
               .responseType = "text/calendar",
               .responseHeaders = kMeetingFileName}});

  router.add({"GET",
              "/api/v1/meetings/{id}",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto m = s.meetings.get(req.principal(), id);
                if (!m) return std::unexpected(m.error());
                return http::Reply::json(meetingJson(*m));
              }),
              {.operationId = "getMeeting",
               .summary = "A meeting with its participants",
               .tag = "meetings",
               .responseSchema = "Meeting"}});

  router.add({"PATCH",
              "/api/v1/meetings/{id}",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                services::MeetingChange change;
                for (auto [field, target] : {std::pair{"starts_at", &change.startsAt},
                                             {"ends_at", &change.endsAt},
                                             {"location", &change.location},
                                             {"status", &change.status},
                                             {"cancel_reason", &change.cancelReason}}) {
                  auto v = body->optionalString(field);
                  if (!v) return std::unexpected(v.error());
                  *target = *v;
                }
                if (body->has("participants")) {
                  auto participants = readParticipants(*body);
                  if (!participants) {
                    // Roles before fields: someone who may not change the meeting hears that.
                    auto m = s.meetings.get(req.principal(), id);
                    if (!m) return std::unexpected(m.error());
                    if (auto ok = services::requireManager(req.principal(), m->contract,
                                                           "change a meeting");
                        !ok)
                      return std::unexpected(ok.error());
                    return std::unexpected(participants.error());
                  }
                  change.participants = std::move(*participants);
                }
                auto m = s.meetings.change(req.principal(), id, change);
                if (!m) return std::unexpected(m.error());
                return http::Reply::json(meetingJson(*m));
              }),
              {.operationId = "updateMeeting",
               .summary = "Reschedule, cancel (with a reason), or set participants and roles",
               .tag = "meetings",
               .requestSchema = "MeetingChange",
               .responseSchema = "Meeting",
               .errorStatuses = {403, 409}}});

  router.add({"GET",
              "/api/v1/meetings/{id}/calendar.ics",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto ics = s.meetings.meetingCalendar(req.principal(), id, s.publicUrl);
                if (!ics) return std::unexpected(ics.error());
                return http::Reply::text(*ics, "text/calendar; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"samverkansmote.ics\"");
              }),
              {.operationId = "getMeetingCalendar",
               .summary = "One meeting as iCalendar",
               .tag = "meetings",
               .responseType = "text/calendar",
               .responseHeaders = kMeetingFileName}});
}

}  // namespace sv::api
