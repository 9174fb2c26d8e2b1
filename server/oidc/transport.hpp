// The relying party's outgoing requests: the discovery document and the JWKS (GET) and the code
// exchange (POST of a form with the client's credentials). An interface, so that the flow's
// tests can answer from memory; https_transport.hpp is the real one.
#pragma once

#include <memory>
#include <string>

#include "workflows/result.hpp"

namespace sv::oidc {

struct HttpAnswer {
  int status = 0;
  std::string body;
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Errors: Internal (no connection, a refused certificate, a timeout; detail says which).
  virtual Result<HttpAnswer> get(const std::string& url) = 0;
  // `authorization`: the Authorization header's value (client_secret_basic), or empty.
  virtual Result<HttpAnswer> postForm(const std::string& url, const std::string& form,
                                      const std::string& authorization) = 0;
};

// Over HTTPS only, with the server's certificate and host name verified against `caFile` (a
// PEM file of the CAs to trust, for a municipality's private CA) or, when empty, the system's.
std::unique_ptr<Transport> httpsTransport(const std::string& caFile, int timeoutSeconds = 10);

}  // namespace sv::oidc
