#include <Poco/JSONString.h>

#include "minutes/minutes_json.hpp"
#include "server/api/api.hpp"
#include "server/api/handler.hpp"
#include "server/api/views.hpp"
#include "server/http/problem.hpp"

namespace sv::api {
namespace {

// The view as JSON text, written straight from the domain value: the minutes' canonical JSON
// (minutes::toJson) goes in as it is, not parsed back into Poco objects to be written again.
// Strings are escaped as Reply::json escapes them. `tail` adds members (",\"merged\":true").
std::string viewText(const services::MinutesView& v, const std::string& tail = {}) {
  auto str = [](const std::string& text) { return Poco::toJSON(text, Poco::JSON_WRAP_STRINGS); };
  std::string out = "{\"meeting_id\":" + std::to_string(v.meetingId) +
                    ",\"contract_id\":" + std::to_string(v.contractId) +
                    ",\"state\":" + str(std::string(minutes::stateName(v.state))) +
                    ",\"version\":" + str(v.version) +
                    ",\"minutes\":" + minutes::toJson(v.document);
  while (out.ends_with('\n')) out.pop_back();
  return out + ",\"markdown\":" + str(v.markdown) + tail + "}";
}

http::Reply viewReply(const services::MinutesView& v, int status = 200,
                      const std::string& tail = {}) {
  return http::Reply::text(viewText(v, tail), "application/json", status)
      .header("ETag", "\"" + v.version + "\"");
}

// Declared in the OpenAPI document, so that generated clients and proxies pass them on.
const std::vector<http::ResponseHeader> kMinutesEtag{
    {"ETag", "the version of the minutes, quoted: send it back in If-Match"}};
const std::vector<http::ResponseHeader> kMinutesFileName{
    {"Content-Disposition", "the file name to save it under (filename and filename*)"}};

}  // namespace

void registerMinutes(http::Router& router, Services& s) {
  router.add({"GET",
              "/api/v1/meetings/{id}/minutes.pdf",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto file = s.minutes.pdf(req.principal(), id);
                if (!file) return std::unexpected(file.error());
                // The name is ASCII (minutesPdfFileName); filename* says so for clients that
                // prefer it.
                const std::string name = file->fileName;
                http::Reply reply{200, "application/pdf", "", {}, false, std::move(file->bytes)};
                return reply.header("Content-Disposition",
                                    "inline; filename=\"" + name + "\"; filename*=UTF-8''" + name);
              }),
              {.operationId = "getMinutesPdf",
               .summary = "The protocol as PDF in the Swedish layout, with the signature block",
               .tag = "minutes",
               .responseType = "application/pdf",
               .responseHeaders = kMinutesFileName}});

  router.add({"GET",
              "/api/v1/meetings/{id}/minutes/archive",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto bag = s.minutes.archive(req.principal(), id);
                if (!bag) return std::unexpected(bag.error());
                return http::Reply::text(std::move(bag->second), "application/zip")
                    .header("Content-Disposition", "attachment; filename=\"" + bag->first + "\"");
              }),
              {.operationId = "getMinutesArchive",
               .summary = "The archival package of registered minutes: a BagIt zip with the "
                          "protocol as Markdown, HTML and PDF/A, metadata, approvals, audit "
                          "entries and SHA-256 manifests",
               .tag = "approval",
               .responseType = "application/zip",
               .errorStatuses = {409},
               .responseHeaders = kMinutesFileName}});

  router.add({"POST",
              "/api/v1/meetings/{id}/minutes",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto view = s.minutes.start(req.principal(), id);
                if (!view) return std::unexpected(view.error());
                return viewReply(*view, 201);
              }),
              {.operationId = "startMinutes",
               .summary = "Start the minutes from the published agenda and the participants",
               .tag = "minutes",
               .responseSchema = "MinutesView",
               .successStatus = 201,
               .errorStatuses = {403, 409},
               .responseHeaders = kMinutesEtag}});

  router.add({"GET",
              "/api/v1/meetings/{id}/minutes",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto view = s.minutes.get(req.principal(), id);
                if (!view) return std::unexpected(view.error());
                return viewReply(*view);
              }),
              {.operationId = "getMinutes",
               .summary = "The current minutes; the ETag is the version to send back in If-Match",
               .tag = "minutes",
               .responseSchema = "MinutesView",
               .responseHeaders = kMinutesEtag}});

  router.add(
      {"PUT",
       "/api/v1/meetings/{id}/minutes",
       http::Access::LoggedIn,
       withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
         const auto ifMatch = req.header("if-match");
         if (!ifMatch)
           return http::problem(http::FrameError::PreconditionRequired, req.path,
                                "send the version you edited in If-Match");
         // JSON to the domain once: the body is parsed straight into the minutes.
         auto proposed = minutes::fromJsonMember(req.body, "minutes");
         if (!proposed) {
           // Roles before fields: a caller who may not save hears that, not what was wrong.
           if (auto ok = s.minutes.mayEdit(req.principal(), id); !ok)
             return std::unexpected(ok.error());
           return std::unexpected(proposed.error());
         }
         auto result = s.minutes.save(req.principal(), id, *ifMatch, *proposed);
         if (!result) return std::unexpected(result.error());
         if (result->conflict) {
           Poco::JSON::Array conflicts;
           for (const auto& c : result->conflict->conflicts) {
             auto cj = http::orderedObject();
             cj.set("section", c.sectionNumber);
             cj.set("key", c.key);
             cj.set("title", c.title);
             cj.set("theirs", c.theirs);
             cj.set("mine", c.mine);
             conflicts.add(cj);
           }
           return saveConflictProblem(req.path, result->conflict->currentVersion, conflicts,
                                      "the same sections were changed by someone else since "
                                      "your version; nothing was saved");
         }
         return viewReply(*result->saved, 200,
                          std::string(",\"merged\":") + (result->merged ? "true" : "false") +
                              ",\"changed\":" + (result->changed ? "true" : "false"));
       }),
       {.operationId = "saveMinutes",
        .summary = "Save the minutes (If-Match required). A save from an older version is merged "
                   "per section, or refused with 409 and both texts when a section changed on "
                   "both sides",
        .tag = "minutes",
        .requestSchema = "MinutesSave",
        .responseSchema = "MinutesSaved",
        .parameters = {{"If-Match", "header", "the version the edit started from", "string", true}},
        .errorStatuses = {403, 409, 428},
        .responseHeaders = kMinutesEtag}});

  router.add({"GET", "/api/v1/meetings/{id}/minutes/versions", http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto paging = pagingQuery(req);
                if (!paging) return std::unexpected(paging.error());
                auto versions =
                    s.minutes.versionPage(req.principal(), id, {paging->limit, paging->offset});
                if (!versions) return std::unexpected(versions.error());
                Poco::JSON::Array out;
                for (const auto& v : versions->rows) out.add(versionJson(v));
                return pagedArray(req, out, versions->total, *paging);
              }),
              paged({.operationId = "listMinutesVersions",
                     .summary = "Every version: author, time, message",
                     .tag = "minutes",
                     .responseSchema = "array:DocumentVersion"})});

  router.add({"GET",
              "/api/v1/meetings/{id}/minutes/versions/{version}",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                const auto& version = req.pathParams.at("version");
                if (auto format = req.queryValue("format")) {
                  auto bytes = s.minutes.fileAtVersion(req.principal(), id, version, *format);
                  if (!bytes) return std::unexpected(bytes.error());
                  return http::Reply::text(*bytes, *format == "md" ? "text/markdown; charset=utf-8"
                                                                   : "application/json");
                }
                auto view = s.minutes.atVersion(req.principal(), id, version);
                if (!view) return std::unexpected(view.error());
                return viewReply(*view);
              }),
              {.operationId = "getMinutesVersion",
               .summary = "An old version; ?format=md or json gives the committed bytes",
               .tag = "minutes",
               .responseSchema = "MinutesView",
               .parameters = {{"format", "query", "md or json: the file as committed"}}}});

  router.add({"GET",
              "/api/v1/meetings/{id}/minutes/diff",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                const auto from = req.queryValue("from");
                const auto to = req.queryValue("to");
                if (!from) return fail(Errc::Invalid, "'from' is required", "from");
                if (!to) return fail(Errc::Invalid, "'to' is required", "to");
                auto diff = s.minutes.diff(req.principal(), id, *from, *to);
                if (!diff) return std::unexpected(diff.error());
                auto out = http::orderedObject();
                out.set("from", diff->from);
                out.set("to", diff->to);
                Poco::JSON::Array sections;
                for (const auto& [number, title] : diff->sections) {
                  auto sj = http::orderedObject();
                  sj.set("section", number);
                  sj.set("title", title);
                  sections.add(sj);
                }
                out.set("changed_sections", sections);
                Poco::JSON::Array summary;
                for (const auto& line : diff->summary) summary.add(line);
                out.set("summary", summary);
                out.set("unified", diff->unified);
                return http::Reply::json(out);
              }),
              {.operationId = "diffMinutes",
               .summary = "What changed between two versions: per section, and as a unified diff",
               .tag = "minutes",
               .responseSchema = "MinutesDiff",
               .parameters = {{"from", "query", "the older version", "string", true},
                              {"to", "query", "the newer version", "string", true}}}});

  router.add({"GET",
              "/api/v1/meetings/{id}/minutes.html",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto page = s.minutes.html(req.principal(), id);
                if (!page) return std::unexpected(page.error());
                std::string etag = "\"" + page->etag + "\"";
                if (req.header("if-none-match") == etag)
                  return http::Reply{304, "", "", {{"ETag", etag}}, false};
                http::Reply reply{200, "text/html; charset=utf-8", "", {}, false, page->html};
                return reply.header("ETag", std::move(etag));
              }),
              {.operationId = "getMinutesHtml",
               .summary = "The protocol as a page in the Swedish layout (printable)",
               .tag = "minutes",
               .responseType = "text/html",
               .responseHeaders = {
                   {"ETag", "names what the page was rendered from; send it in If-None-Match"}}}});
}

}  // namespace sv::api
