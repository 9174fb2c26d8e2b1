// Domain and store values as the JSON the API answers.
#pragma once

#include <Poco/JSON/Object.h>

#include "server/services/accounts.hpp"
#include "server/services/audit_log.hpp"

namespace sv::api {

Poco::JSON::Object organizationJson(const store::Organization& o);
Poco::JSON::Object userJson(const store::User& u);
Poco::JSON::Object principalJson(const store::Principal& p);
Poco::JSON::Object auditJson(const store::AuditRecord& r);

}  // namespace sv::api

#include "server/http/reply.hpp"
#include "server/http/request.hpp"
#include "server/services/agendas.hpp"
#include "server/services/meetings.hpp"

namespace sv::api {

// A text that may be missing as JSON: the text, or null.
Poco::Dynamic::Var orNull(const std::optional<std::string>& v);

Poco::JSON::Object contractJson(const store::ContractRow& c);
Poco::JSON::Object meetingJson(const services::Meeting& m);
Poco::JSON::Object agendaJson(const services::AgendaView& a);
Poco::JSON::Object versionJson(const store::DocumentVersion& v);
// 409 for a save from an older version whose parts others changed too, so nothing was saved:
// the current version and, per part, both texts (`conflicts`, as each document names its parts).
http::Reply saveConflictProblem(const std::string& instance, const std::string& currentVersion,
                                Poco::JSON::Array conflicts, const std::string& detail);
// The version a save starts from, for a document that one save creates: If-Match's (an ETag's
// quotes dropped), or "" with If-None-Match: * for the first save; none when neither is sent
// (the caller answers 428).
std::optional<std::string> versionSavedFrom(const http::Request& req);

}  // namespace sv::api

#include "server/http/json_body.hpp"
#include "workflows/review_comments.hpp"

namespace sv::api {

// How a comment names its part: the minutes' "section" (a § number), a report's "area" (its key).
enum class CommentPart { Section, Area, Point };  // Point: an action plan's point ("p2")

// The comments of a review in a request body: "comments": [{"section": 6, "text": "…"}, …] (or
// "area": "<key>"); a comment without its part (or with null) is on the document as a whole. None
// when the body has no "comments". Errors: Malformed, naming the field ("comments[1].text").
// (minutes_review_api.cpp)
Result<std::vector<review::NewComment>> readReviewComments(const http::JsonBody& body,
                                                           CommentPart part = CommentPart::Section);

}  // namespace sv::api

#include "server/api/paging.hpp"
#include "server/http/request.hpp"

namespace sv::api {

// A whole number of at least 0 from the query string (an id filter, a year, the paging's
// `limit` and `offset`), or `fallback` when it is absent. Errors: Malformed, naming the parameter.
Result<std::int64_t> wholeNumberQuery(const http::Request& req, const std::string& name,
                                      std::int64_t fallback);

}  // namespace sv::api

#include <functional>

#include "server/http/router.hpp"
#include "server/services/attachments.hpp"

namespace sv::api {

// Room for the form around an uploaded file: the part headers, the boundary and the `to` field.
inline constexpr std::size_t kFormOverhead = 64 * 1024;

// An attachment as JSON, with its download's href (attachment_views.cpp).
Poco::JSON::Object attachmentJson(const services::Attachment& a);
// The one part named `file` of a multipart form, and `to` when it is there (meeting | minutes).
// Errors: those of the form's parser, Invalid/Missing (no file), Invalid (two files),
// Invalid/UnknownChoice (field "to").
Result<services::AttachmentUpload> uploadOf(const http::Request& req);
// The upload route of a kind of attachment: `pattern` with {id}; the body is multipart/form-data
// read up to the attachment limit (413 before the body from Content-Length); `upload` attaches
// the file to what the id names. Answers 201 with the attachment and its Location.
using UploadTo = std::function<Result<services::Attachment>(http::Request&, std::int64_t id,
                                                            const services::AttachmentUpload&)>;
http::Route attachmentUploadRoute(std::string pattern, std::size_t maxAttachmentBytes,
                                  UploadTo upload, std::string operationId, std::string summary);

// `listed` (oldest first) after the id in the query's `after`, a page of it as paging.hpp says,
// with its headers. Errors: Malformed (the parameters).
Result<http::Reply> attachmentPage(const http::Request& req,
                                   const std::vector<services::Attachment>& listed);

}  // namespace sv::api
