// The floor under samverkan's HTTP figures: a Poco HTTPServer with samverkan's own thread and
// keep-alive settings (read from the same properties file, through app::readSettings) whose only
// handler answers every request with the same bytes from memory, with sendBuffer. No routing, no
// authentication, no database. minutes_page.sh measures it beside samverkan and nginx, so that
// the minutes.html figure reads as "how close to what Poco itself allows".
//
//   bare_poco --config=FILE --port=N --body=FILE [--headers=FILE]
//
//   --headers  "Name: value" lines sent with every answer (the headers samverkan sent for the same
//              page, so that both put the same bytes on the wire); Date, Connection, Keep-Alive,
//              Content-Length and Server are Poco's own and are skipped.
// Runs until SIGTERM or SIGINT.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "server/app/settings.hpp"

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

class FixedAnswer final : public Poco::Net::HTTPRequestHandler {
 public:
  FixedAnswer(const std::string& body, const Headers& headers) : body_(body), headers_(headers) {}
  void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& out) override {
    for (const auto& [name, value] : headers_) out.set(name, value);
    out.sendBuffer(body_.data(), body_.size());
  }

 private:
  const std::string& body_;
  const Headers& headers_;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Factory(std::string body, Headers headers)
      : body_(std::move(body)), headers_(std::move(headers)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new FixedAnswer(body_, headers_);
  }

 private:
  std::string body_;
  Headers headers_;
};

std::string option(int argc, char** argv, const std::string& name) {
  const std::string prefix = "--" + name + "=";
  for (int i = 1; i < argc; ++i)
    if (std::string arg = argv[i]; arg.starts_with(prefix)) return arg.substr(prefix.size());
  return {};
}

Headers readHeaders(const std::string& file) {
  Headers out;
  if (file.empty()) return out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto colon = line.find(':');
    if (colon == std::string::npos || line.starts_with("HTTP/")) continue;
    std::string name = line.substr(0, colon);
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    std::string lower = name;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "date" || lower == "connection" || lower == "keep-alive" ||
        lower == "content-length" || lower == "server" || lower == "transfer-encoding")
      continue;
    out.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string config = option(argc, argv, "config");
  const std::string port = option(argc, argv, "port");
  const std::string bodyFile = option(argc, argv, "body");
  if (config.empty() || port.empty() || bodyFile.empty()) {
    std::cerr << "usage: bare_poco --config=FILE --port=N --body=FILE [--headers=FILE]\n";
    return 2;
  }
  std::ifstream in(bodyFile, std::ios::binary);
  if (!in) {
    std::cerr << "bare_poco: cannot read " << bodyFile << "\n";
    return 1;
  }
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

  // The signals are waited for, not handled: block them before any thread starts.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);

  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> properties(
      new Poco::Util::PropertyFileConfiguration(config));
  const auto settings = sv::app::readSettings(*properties);
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(settings.maxThreads);
  params->setMaxQueued(settings.maxQueued);
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(settings.keepAliveSeconds, 0));
  params->setMaxKeepAliveRequests(settings.maxKeepAliveRequests);
  params->setTimeout(Poco::Timespan(settings.timeoutSeconds, 0));
  params->setServerName("samverkan");
  Poco::ThreadPool pool("http", 8, settings.maxThreads, 60, settings.threadStackKib * 1024);
  Poco::Net::ServerSocket socket(
      Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(std::stoi(port))), 256);
  Poco::Net::HTTPServer server(
      new Factory(std::move(body), readHeaders(option(argc, argv, "headers"))), pool, socket,
      params);
  server.start();
  int signal = 0;
  sigwait(&stop, &signal);
  server.stopAll(false);
  pool.joinAll();
  return 0;
}
