// The server's socket loop: accepts connections and gives one a worker thread only when a whole
// request has arrived. Poco's TCPServer hands every accepted connection a pool thread at once and
// its read timeout restarts on each byte, so a thousand clients sending a byte now and then held
// every thread (a slow-client, "slowloris", attack). Here one thread watches all waiting
// connections with epoll and looks at their bytes without taking them (MSG_PEEK, head_scan.hpp):
// - a connection waits for its head (and a small body) at most `headTimeout` in all, however it
//   trickles in, then gets 408 and is closed; an idle keep-alive connection at most
//   `keepAliveTimeout`;
// - one client address holds at most `maxWaitingPerAddress` waiting connections, all of them
//   `maxWaiting`; past that the oldest waiting one is closed, not the new one, so that a client
//   behind the same address whose request is complete is still served at once;
// - `workers` threads serve complete requests (connection.hpp), queued up to `maxQueued`, past
//   that 503; after an answer a keep-alive connection comes back here to wait for the next one.
#pragma once

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "server/http/head_scan.hpp"

namespace sv::http {

struct ListenerSettings {
  int workers = 64;
  std::size_t maxQueued = 1024;
  std::chrono::milliseconds headTimeout{10'000};
  std::chrono::milliseconds keepAliveTimeout{5'000};
  std::chrono::milliseconds lingerTimeout{2'000};
  std::size_t maxWaitingPerAddress = 256;
  std::size_t maxWaiting = 10'000;
  int maxKeepAliveRequests = 1000;
  std::size_t threadStackBytes = 512 * 1024;
  HeadLimits head;
};

// What becomes of a connection after a worker has served it.
enum class AfterServing {
  Wait,    // keep-alive: back to the listener to wait for the next request
  Linger,  // answered and ending: the listener half-closes it and reads away what the client
           // still sends until it closes too (at most `lingerTimeout`), so that the answer is not
           // lost to a reset from closing with unread bytes (a 408 or 413 before the body's end)
  Close,   // the client has gone, or the connection broke
};

// What the listener asks of the HTTP side (connection.hpp).
struct ConnectionHandlers {
  // Serves the requests the connection has sent. `requestsLeft` counts down the keep-alive
  // requests the connection may still make.
  std::function<AfterServing(Poco::Net::StreamSocket&, int& requestsLeft)> serve;
  // The whole answer (status line, headers, body) the listener sends itself before it closes a
  // connection: 408 (head too slow), 431 (head too large), 503 (every worker busy).
  std::function<std::string(int status)> refusal;
};

class Listener {
 public:
  Listener(Poco::Net::ServerSocket socket, ListenerSettings settings, ConnectionHandlers handlers);
  ~Listener();  // stop()
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  void start();
  // No new connection or request; waiting connections are closed; requests being served finish.
  void stop();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace sv::http
