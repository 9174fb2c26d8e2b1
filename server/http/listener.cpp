#include "server/http/listener.hpp"

#include <Poco/Net/StreamSocketImpl.h>
#include <Poco/Runnable.h>
#include <Poco/ThreadPool.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace sv::http {
// Named, not anonymous: Listener::State, a member of a header's class, holds these.
namespace listening {

using Clock = std::chrono::steady_clock;

// An epoll or eventfd descriptor, closed with its owner.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string addressOf(const sockaddr_storage& peer) {
  char text[INET6_ADDRSTRLEN] = {};
  if (peer.ss_family == AF_INET)
    ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(peer).sin_addr, text, sizeof text);
  else if (peer.ss_family == AF_INET6)
    ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(peer).sin6_addr, text,
                sizeof text);
  return text;
}

// A connection between requests: the listener's, not a worker's.
struct Waiting {
  Poco::Net::StreamSocket socket;
  std::string address;
  Clock::time_point deadline;
  int requestsLeft = 0;
  std::uint64_t serial = 0;  // tells a reused descriptor number from the connection it was
  bool lingering = false;    // answered and half-closed: what comes is read away
};

// A connection whose request is here, for a worker.
struct Ready {
  Poco::Net::StreamSocket socket;
  std::string address;
  int requestsLeft = 0;
  AfterServing after = AfterServing::Wait;  // when given back
};

// Oldest first; entries of connections no longer waiting are skipped when met.
using Arrivals = std::deque<std::pair<int, std::uint64_t>>;

// Drops the entries of connections no longer waiting once they outnumber the live ones, so that a
// busy keep-alive connection, admitted again after every answer, does not grow the queue.
void compact(Arrivals& order, std::size_t live, const std::unordered_map<int, Waiting>& waiting) {
  if (order.size() < 2 * live + 64) return;
  std::erase_if(order, [&](const std::pair<int, std::uint64_t>& e) {
    auto it = waiting.find(e.first);
    return it == waiting.end() || it->second.serial != e.second;
  });
}

}  // namespace listening

struct Listener::State {
  using Clock = listening::Clock;
  using Descriptor = listening::Descriptor;
  using Waiting = listening::Waiting;
  using Ready = listening::Ready;
  using Arrivals = listening::Arrivals;

  State(Poco::Net::ServerSocket s, ListenerSettings st, ConnectionHandlers h)
      : server(std::move(s)),
        settings(std::move(st)),
        handlers(std::move(h)),
        epoll(::epoll_create1(EPOLL_CLOEXEC)),
        wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)),
        pool("http", settings.workers, settings.workers, 60,
             static_cast<int>(settings.threadStackBytes)),
        peekBuffer(headPeekBytes(settings.head)) {}

  Poco::Net::ServerSocket server;
  const ListenerSettings settings;
  const ConnectionHandlers handlers;
  Descriptor epoll;
  Descriptor wake;
  std::atomic<bool> stopping{false};
  bool started = false;
  std::thread loop;
  Poco::ThreadPool pool;
  std::vector<std::unique_ptr<Poco::Runnable>> workers;

  // The loop thread's own.
  std::unordered_map<int, Waiting> waiting;
  std::unordered_map<std::string, std::pair<Arrivals, std::size_t>> byAddress;  // and live count
  Arrivals arrivals;
  std::uint64_t nextSerial = 1;
  std::vector<char> peekBuffer;

  // Shared with the workers.
  std::mutex mutex;
  std::condition_variable readyChanged;
  std::deque<Ready> ready;
  std::vector<Ready> returned;

  void run();
  void acceptAll();
  void admit(Poco::Net::StreamSocket socket, std::string address, std::chrono::milliseconds timeout,
             int requestsLeft, bool lingering = false);
  void look(int fd);
  void expire(Clock::time_point now);
  void takeReturned();
  void close(int fd, std::optional<int> refusalStatus);
  bool evictOldest(Arrivals& order);
  std::optional<Waiting> release(int fd);
  void handOver(Waiting w);
  void refuse(Waiting w, int status);
  void linger(Poco::Net::StreamSocket socket, std::string address);

  bool nextRequestHere(Poco::Net::StreamSocket& socket, std::vector<char>& peek) const;
  std::optional<Ready> nextReady();
  void giveBack(Ready r);
};

namespace {

class Worker final : public Poco::Runnable {
 public:
  explicit Worker(std::function<void()> body) : body_(std::move(body)) {}
  void run() override { body_(); }

 private:
  std::function<void()> body_;
};

}  // namespace

Listener::Listener(Poco::Net::ServerSocket socket, ListenerSettings settings,
                   ConnectionHandlers handlers)
    : state_(std::make_unique<State>(std::move(socket), std::move(settings), std::move(handlers))) {
}

Listener::~Listener() {
  stop();
}

void Listener::start() {
  State& s = *state_;
  if (s.started) return;
  s.started = true;
  s.server.setBlocking(false);
  epoll_event listen{};
  listen.events = EPOLLIN;
  listen.data.fd = s.server.impl()->sockfd();
  ::epoll_ctl(s.epoll.get(), EPOLL_CTL_ADD, listen.data.fd, &listen);
  epoll_event wake{};
  wake.events = EPOLLIN;
  wake.data.fd = s.wake.get();
  ::epoll_ctl(s.epoll.get(), EPOLL_CTL_ADD, wake.data.fd, &wake);
  for (int i = 0; i < s.settings.workers; ++i) {
    s.workers.push_back(std::make_unique<Worker>([&s] {
      std::vector<char> peek(headPeekBytes(s.settings.head));
      while (auto r = s.nextReady()) {
        do {
          try {
            r->after = s.handlers.serve(r->socket, r->requestsLeft);
          } catch (...) {
            r->after = AfterServing::Close;  // its own failure; the next one is served as ever
          }
        } while (r->after == AfterServing::Wait && !s.stopping &&
                 s.nextRequestHere(r->socket, peek));
        if (r->after != AfterServing::Close && !s.stopping) s.giveBack(std::move(*r));
      }
    }));
    s.pool.start(*s.workers.back());
  }
  s.loop = std::thread([&s] { s.run(); });
}

void Listener::stop() {
  State& s = *state_;
  if (!s.started || s.stopping.exchange(true)) return;
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto n = ::write(s.wake.get(), &one, sizeof one);
  // A worker holds the mutex from its look at `stopping` until its wait has begun; without this
  // empty section the notification could fall between the two, and the worker would wait for
  // ever (a SIGTERM just after start hung the server in joinAll, once in a fresh-clone run).
  { const std::lock_guard lock(s.mutex); }
  s.readyChanged.notify_all();
  if (s.loop.joinable()) s.loop.join();
  s.pool.joinAll();
}

void Listener::State::run() {
  std::vector<epoll_event> events(256);
  Clock::time_point lastExpiry = Clock::now();
  while (!stopping) {
    const int n = ::epoll_wait(epoll.get(), events.data(), static_cast<int>(events.size()), 200);
    for (int i = 0; i < n && !stopping; ++i) {
      const int fd = events[static_cast<std::size_t>(i)].data.fd;
      if (fd == server.impl()->sockfd()) {
        acceptAll();
      } else if (fd == wake.get()) {
        std::uint64_t count = 0;
        [[maybe_unused]] const auto r = ::read(wake.get(), &count, sizeof count);
        takeReturned();
      } else {
        look(fd);
      }
    }
    // Deadlines are seconds long: looking ten times a second is exact enough, and a burst of
    // events does not cost a walk over every waiting connection each.
    if (const auto now = Clock::now(); now - lastExpiry >= std::chrono::milliseconds(100)) {
      expire(now);
      lastExpiry = now;
    }
  }
  waiting.clear();  // closes every waiting connection
  std::lock_guard lock(mutex);
  ready.clear();
  returned.clear();
}

void Listener::State::acceptAll() {
  for (;;) {
    sockaddr_storage peer{};
    socklen_t length = sizeof peer;
    const int fd = ::accept4(server.impl()->sockfd(), reinterpret_cast<sockaddr*>(&peer), &length,
                             SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      // Out of descriptors: the oldest waiting connection makes room; with none, the listening
      // socket stays readable and the next turn of the loop tries again.
      if ((errno == EMFILE || errno == ENFILE) && evictOldest(arrivals)) continue;
      return;  // EAGAIN: all taken
    }
    const int yes = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    admit(Poco::Net::StreamSocket(new Poco::Net::StreamSocketImpl(fd)), listening::addressOf(peer),
          settings.headTimeout, settings.maxKeepAliveRequests);
  }
}

void Listener::State::admit(Poco::Net::StreamSocket socket, std::string address,
                            std::chrono::milliseconds timeout, int requestsLeft, bool lingering) {
  // evictOldest returns right after the close, which may erase the address's entry.
  if (auto a = byAddress.find(address);
      a != byAddress.end() && a->second.second >= settings.maxWaitingPerAddress)
    evictOldest(a->second.first);
  if (waiting.size() >= settings.maxWaiting) evictOldest(arrivals);
  const int fd = socket.impl()->sockfd();
  epoll_event event{};
  // Edge-triggered: the bytes stay in the socket (they are only peeked at), so a level-triggered
  // watch would report the same half head again and again.
  event.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
  event.data.fd = fd;
  if (::epoll_ctl(epoll.get(), EPOLL_CTL_ADD, fd, &event) != 0) return;  // closes the socket
  const std::uint64_t serial = nextSerial++;
  auto& [order, live] = byAddress[address];
  listening::compact(order, live, waiting);
  listening::compact(arrivals, waiting.size(), waiting);
  order.emplace_back(fd, serial);
  arrivals.emplace_back(fd, serial);
  ++live;
  waiting.emplace(fd, Waiting{std::move(socket), std::move(address), Clock::now() + timeout,
                              requestsLeft, serial, lingering});
  look(fd);  // what came before the watch
}

void Listener::State::look(int fd) {
  auto it = waiting.find(fd);
  if (it == waiting.end()) return;
  if (it->second.lingering) {
    ssize_t n = 0;
    while ((n = ::recv(fd, peekBuffer.data(), peekBuffer.size(), MSG_DONTWAIT)) > 0) {
    }
    if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
      close(fd, std::nullopt);  // the client has closed its side too
    return;
  }
  const ssize_t n = ::recv(fd, peekBuffer.data(), peekBuffer.size(), MSG_PEEK | MSG_DONTWAIT);
  if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
    close(fd, std::nullopt);  // the client went away
    return;
  }
  if (n < 0) return;
  switch (scanHead({peekBuffer.data(), static_cast<std::size_t>(n)}, settings.head)) {
    case HeadState::NeedMore:
      return;
    case HeadState::TooLarge:
      close(fd, 431);
      return;
    case HeadState::Ready:
      if (auto w = release(fd)) handOver(std::move(*w));
      return;
  }
}

void Listener::State::expire(Clock::time_point now) {
  std::vector<int> late;
  for (const auto& [fd, w] : waiting)
    if (w.deadline <= now) late.push_back(fd);
  for (const int fd : late) {
    // A request begun and not finished in time hears why; an idle keep-alive connection, or one
    // answered and lingering, just ends.
    char byte = 0;
    const bool begun =
        !waiting.at(fd).lingering && ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) > 0;
    close(fd, begun ? std::optional<int>(408) : std::nullopt);
  }
}

void Listener::State::takeReturned() {
  std::vector<Ready> back;
  {
    std::lock_guard lock(mutex);
    back.swap(returned);
  }
  for (auto& r : back) {
    if (r.after == AfterServing::Linger) {
      linger(std::move(r.socket), std::move(r.address));
    } else {
      admit(std::move(r.socket), std::move(r.address), settings.keepAliveTimeout, r.requestsLeft);
    }
  }
}

std::optional<Listener::State::Waiting> Listener::State::release(int fd) {
  auto it = waiting.find(fd);
  if (it == waiting.end()) return std::nullopt;
  ::epoll_ctl(epoll.get(), EPOLL_CTL_DEL, fd, nullptr);
  Waiting w = std::move(it->second);
  waiting.erase(it);
  auto a = byAddress.find(w.address);
  if (a != byAddress.end() && --a->second.second == 0) byAddress.erase(a);
  return w;
}

void Listener::State::close(int fd, std::optional<int> refusalStatus) {
  auto w = release(fd);
  if (w && refusalStatus) refuse(std::move(*w), *refusalStatus);
}

bool Listener::State::evictOldest(Arrivals& order) {
  while (!order.empty()) {
    const auto [fd, serial] = order.front();
    order.pop_front();
    auto it = waiting.find(fd);
    if (it != waiting.end() && it->second.serial == serial) {
      close(fd, std::nullopt);
      return true;
    }
  }
  return false;
}

void Listener::State::handOver(Waiting w) {
  {
    std::lock_guard lock(mutex);
    if (ready.size() < settings.maxQueued) {
      ready.push_back(Ready{std::move(w.socket), std::move(w.address), w.requestsLeft});
      readyChanged.notify_one();
      return;
    }
  }
  refuse(std::move(w), 503);
}

// The listener's own answer, then the same lingering close as after a worker's last answer: the
// connection is half-closed and what the client still sends is read away until it closes, so that
// the answer is not overtaken by a reset from closing with unread bytes.
void Listener::State::refuse(Waiting w, int status) {
  // A few hundred bytes into an empty send buffer: never blocks; what does not fit is dropped.
  const int fd = w.socket.impl()->sockfd();
  const std::string answer = handlers.refusal(status);
  [[maybe_unused]] const auto n =
      ::send(fd, answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  linger(std::move(w.socket), std::move(w.address));
}

void Listener::State::linger(Poco::Net::StreamSocket socket, std::string address) {
  ::shutdown(socket.impl()->sockfd(), SHUT_WR);  // a Poco call would throw on a reset peer
  admit(std::move(socket), std::move(address), settings.lingerTimeout, 0, true);
}

// A client that sends its next request as soon as it has the answer (a browser fetching a page's
// files, a script) keeps its worker for that one: the trip through the listener costs two thread
// switches and four system calls per request. Only a whole request counts, and the wait is short,
// so a slow or idle client still goes back to the listener at once.
bool Listener::State::nextRequestHere(Poco::Net::StreamSocket& socket,
                                      std::vector<char>& peek) const {
  pollfd one{socket.impl()->sockfd(), POLLIN, 0};
  if (::poll(&one, 1, 1) != 1 || (one.revents & POLLIN) == 0) return false;
  const ssize_t n = ::recv(one.fd, peek.data(), peek.size(), MSG_PEEK | MSG_DONTWAIT);
  return n > 0 &&
         scanHead({peek.data(), static_cast<std::size_t>(n)}, settings.head) == HeadState::Ready;
}

std::optional<Listener::State::Ready> Listener::State::nextReady() {
  std::unique_lock lock(mutex);
  readyChanged.wait(lock, [this] { return stopping || !ready.empty(); });
  if (stopping) return std::nullopt;
  Ready r = std::move(ready.front());
  ready.pop_front();
  return r;
}

void Listener::State::giveBack(Ready r) {
  {
    std::lock_guard lock(mutex);
    returned.push_back(std::move(r));
  }
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto n = ::write(wake.get(), &one, sizeof one);
}

}  // namespace sv::http
