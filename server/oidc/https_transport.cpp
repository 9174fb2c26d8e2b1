// The one file of this folder that speaks to the network.
#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include <sstream>

#include "server/oidc/transport.hpp"

namespace sv::oidc {
namespace {

// An answer larger than this is no discovery document, key set or token answer.
constexpr std::streamsize kMaxBody = 1 << 20;

class HttpsTransport final : public Transport {
 public:
  HttpsTransport(const std::string& caFile, int timeoutSeconds)
      // The server's chain verified, and its name against the host we asked for by Poco's
      // extended verification (on by default). STRICT, not RELAXED: RELAXED skips the name for a
      // loopback host. The system's CAs are loaded only when no CA file is named, so a private
      // CA is then the only one trusted.
      : context_(new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", caFile,
                                        Poco::Net::Context::VERIFY_STRICT, 9, caFile.empty())),
        timeout_(timeoutSeconds, 0) {}

  Result<HttpAnswer> get(const std::string& url) override {
    return exchange(Poco::Net::HTTPRequest::HTTP_GET, url, "", "");
  }

  Result<HttpAnswer> postForm(const std::string& url, const std::string& form,
                              const std::string& authorization) override {
    return exchange(Poco::Net::HTTPRequest::HTTP_POST, url, form, authorization);
  }

 private:
  Result<HttpAnswer> exchange(const std::string& method, const std::string& url,
                              const std::string& form, const std::string& authorization) {
    try {
      const Poco::URI uri(url);
      if (uri.getScheme() != "https")
        return fail(Errc::Internal, "an identity provider is reached over https only: " + url);
      Poco::Net::HTTPSClientSession session(uri.getHost(), uri.getPort(), context_);
      session.setTimeout(timeout_);
      Poco::Net::HTTPRequest request(method, uri.getPathAndQuery(),
                                     Poco::Net::HTTPMessage::HTTP_1_1);
      request.set("Accept", "application/json");
      if (!authorization.empty()) request.set("Authorization", authorization);
      if (method == Poco::Net::HTTPRequest::HTTP_POST) {
        request.setContentType("application/x-www-form-urlencoded");
        request.setContentLength(static_cast<std::streamsize>(form.size()));
        session.sendRequest(request) << form;
      } else {
        session.sendRequest(request);
      }
      Poco::Net::HTTPResponse response;
      auto& body = session.receiveResponse(response);
      std::string text;
      text.resize(static_cast<std::size_t>(kMaxBody) + 1);
      body.read(text.data(), kMaxBody + 1);
      text.resize(static_cast<std::size_t>(body.gcount()));
      if (static_cast<std::streamsize>(text.size()) > kMaxBody)
        return fail(Errc::Internal, "the answer of " + url + " is larger than 1 MiB");
      return HttpAnswer{static_cast<int>(response.getStatus()), std::move(text)};
    } catch (const Poco::Exception& e) {
      return fail(Errc::Internal, method + " " + url + ": " + e.displayText());
    }
  }

  Poco::Net::Context::Ptr context_;
  Poco::Timespan timeout_;
};

}  // namespace

std::unique_ptr<Transport> httpsTransport(const std::string& caFile, int timeoutSeconds) {
  return std::make_unique<HttpsTransport>(caFile, timeoutSeconds);
}

}  // namespace sv::oidc
