// The outbox delivered to a real SMTP server (aiosmtpd, tests/support/smtp_sink.py) and to a
// folder: each message arrives once with its Message-ID and bytes; a server that refuses or is
// down leaves the message in the outbox with the reason and a later attempt, and it arrives when
// the server is back and the time has come. Time is moved, never waited for.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "server/mail/folder_transport.hpp"
#include "server/mail/sender.hpp"
#include "server/mail/smtp_transport.hpp"
#include "server/store/outbox.hpp"
#include "server/store/store.hpp"
#include "support/smtp_sink.hpp"
#include "support/temp_dir.hpp"
#include "workflows/mail_message.hpp"
#include "workflows/stockholm_time.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace std::chrono_literals;

namespace {

struct MailFixture {
  test::TempDir dir;
  std::unique_ptr<store::Store> store = std::move(*store::Store::open({dir.path() / "data", 1}));
  ManualTime time{*parseDateTime("2026-12-03T12:00:00Z")};
  std::vector<std::string> written;  // the messages as enqueued, in order

  std::int64_t enqueue(int n) {
    mail::Message m;
    m.messageId = "test-" + std::to_string(n) + "@samverkan.example.se";
    m.date = time.now();
    m.from = {"Samverkan", "samverkan@ostermalm.example.se"};
    m.to = {"Ulla Ek", "ulla.ek@linnegarden.example.se"};
    m.subject =
        "Protokollet från mötet 9 februari väntar på din justering (" + std::to_string(n) + ")";
    m.text = "Hej!\n\nProtokollet väntar på din justering.\n";
    REQUIRE(mail::checkMessage(m));
    written.push_back(mail::render(m));
    return store->write([&](store::Writing& c) {
      return store::enqueueMail(c, {m.messageId, "minutes_submitted", std::nullopt, m.to.address,
                                    written.back(), unixSeconds(time.now())});
    });
  }
  std::vector<store::OutboxRow> failing() {
    return store->read([](store::Reading& c) { return store::failingMail(c, 10, 0); });
  }
  store::OutboxCounts counts() {
    return store->read([](store::Reading& c) { return store::outboxCounts(c); });
  }
  mail::SmtpSettings smtp(std::uint16_t port, std::chrono::seconds timeout = 5s) const {
    return {.host = "127.0.0.1",
            .port = port,
            .heloName = "samverkan.test",
            .envelopeFrom = "bounces@ostermalm.example.se",
            .timeout = timeout};
  }
};

}  // namespace

TEST_CASE("mail: the outbox reaches a real SMTP server once, bytes and Message-ID as written",
          "[mail][smtp]") {
  MailFixture f;
  test::SmtpSink sink(f.dir.path() / "received");
  for (int n = 1; n <= 3; ++n) f.enqueue(n);
  mail::SmtpTransport transport(f.smtp(sink.port()));
  mail::Sender sender(*f.store, transport, f.time);

  const auto round = sender.deliverDue();
  CHECK(round.sent == 3);
  CHECK(round.failed == 0);
  const auto received = sink.messages();
  REQUIRE(received.size() == 3);
  CHECK(received[0].find("Message-ID: <test-1@samverkan.example.se>") != std::string::npos);
  // What arrived is what the outbox keeps, byte for byte.
  for (std::size_t i = 0; i < 3; ++i) CHECK(received[i] == f.written[i]);
  CHECK(f.counts().sent == 3);
  // Nothing is sent twice.
  CHECK(sender.deliverDue().sent == 0);
  CHECK(sink.messages().size() == 3);
  std::ifstream envelope(f.dir.path() / "received" / "1.envelope");
  std::string from;
  std::getline(envelope, from);
  CHECK(from == "bounces@ostermalm.example.se");
  CHECK(sink.recipients(1) == std::vector<std::string>{"ulla.ek@linnegarden.example.se"});
}

TEST_CASE("mail: a server slower than the timeout is a failed attempt, not a stuck sender",
          "[mail][smtp]") {
  MailFixture f;
  f.enqueue(1);
  test::SmtpSink slow(f.dir.path() / "slow", {.delay = 4s});
  mail::SmtpTransport transport(f.smtp(slow.port(), 1s));
  mail::Sender sender(*f.store, transport, f.time);
  const auto started = std::chrono::steady_clock::now();
  CHECK(sender.deliverDue().failed == 1);
  // The round ends on the client's timeout, not on the server's answer.
  CHECK(std::chrono::steady_clock::now() - started < 4s);
  const auto failing = f.failing();
  REQUIRE(failing.size() == 1);
  CHECK(failing[0].attempts == 1);
  REQUIRE(failing[0].lastError);
  CHECK(f.counts().sent == 0);
}

TEST_CASE("mail: a refusing or absent server keeps the message, with the reason, until later",
          "[mail][smtp]") {
  MailFixture f;
  const auto id = f.enqueue(1);
  std::uint16_t port = 0;
  {
    test::SmtpSink refusing(f.dir.path() / "refused", {.refuse = true});
    port = refusing.port();
    mail::SmtpTransport transport(f.smtp(port));
    mail::Sender sender(*f.store, transport, f.time);
    const auto round = sender.deliverDue();
    CHECK(round.failed == 1);
    CHECK(refusing.messages().empty());
  }
  auto failing = f.failing();
  REQUIRE(failing.size() == 1);
  CHECK(failing[0].id == id);
  CHECK(failing[0].attempts == 1);
  REQUIRE(failing[0].lastError);
  CHECK(failing[0].lastError->find("451") != std::string::npos);
  CHECK(failing[0].nextAttemptAt == unixSeconds(f.time.now() + 1min));

  // Nobody listens on the port now: connection refused, counted, the next attempt further off.
  mail::SmtpTransport absent(f.smtp(port));
  mail::Sender down(*f.store, absent, f.time);
  f.time.advance(1min);
  CHECK(down.deliverDue().failed == 1);
  failing = f.failing();
  REQUIRE(failing.size() == 1);
  CHECK(failing[0].attempts == 2);
  CHECK(failing[0].nextAttemptAt == unixSeconds(f.time.now() + 2min));

  // The server is back: nothing before the time, then the message, once.
  test::SmtpSink back(f.dir.path() / "back");
  mail::SmtpTransport transport(f.smtp(back.port()));
  mail::Sender sender(*f.store, transport, f.time);
  CHECK(sender.deliverDue().sent == 0);
  f.time.advance(2min);
  CHECK(sender.deliverDue().sent == 1);
  REQUIRE(back.messages().size() == 1);
  CHECK(f.counts().sent == 1);
  CHECK(f.failing().empty());
}

TEST_CASE("mail: the folder transport writes each message as <id>.eml, the same on a repeat",
          "[mail][folder]") {
  MailFixture f;
  const auto id = f.enqueue(1);
  mail::FolderTransport transport(f.dir.path() / "mail");
  const auto rows = f.store->read(
      [&](store::Reading& c) { return store::dueMail(c, unixSeconds(f.time.now()), 10); });
  REQUIRE(rows.size() == 1);
  REQUIRE(transport.deliver(rows[0]));
  REQUIRE(transport.deliver(rows[0]));  // a crash before the mark: the same file again
  const auto file = f.dir.path() / "mail" / (std::to_string(id) + ".eml");
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  CHECK(bytes.str() == rows[0].mail.message);
  CHECK_FALSE(std::filesystem::exists(f.dir.path() / "mail" / (std::to_string(id) + ".eml.tmp")));
}

TEST_CASE("mail: the sender's thread delivers at once when woken, and stops with its owner",
          "[mail][folder]") {
  MailFixture f;
  mail::FolderTransport transport(f.dir.path() / "mail");
  {
    mail::Sender sender(*f.store, transport, f.time);
    sender.start(1h);  // the interval never comes in this test: only wake() delivers
    const auto id = f.enqueue(1);
    sender.wake();
    const auto file = f.dir.path() / "mail" / (std::to_string(id) + ".eml");
    for (int i = 0; i < 500 && f.counts().sent == 0; ++i) std::this_thread::sleep_for(10ms);
    CHECK(std::filesystem::exists(file));
    CHECK(f.counts().sent == 1);
  }  // the destructor stops and joins the thread
  CHECK(f.counts().sent == 1);
}

namespace {

// A certificate for 127.0.0.1 (and localhost), made with the openssl command for this test.
struct Certificate {
  std::filesystem::path cert, key;
  explicit Certificate(const std::filesystem::path& dir)
      : cert(dir / "server.pem"), key(dir / "server.key") {
    int code = 0;
    const auto out = test::runTool(
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
        "-addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout " +
            key.string() + " -out " + cert.string() + " 2>&1",
        &code);
    INFO(out);
    REQUIRE(code == 0);
  }
};

}  // namespace

TEST_CASE("mail: STARTTLS and AUTH LOGIN: the password and the message go only over TLS",
          "[mail][smtp][tls]") {
  MailFixture f;
  const Certificate certificate(f.dir.path());
  test::SmtpSink sink(f.dir.path() / "tls", {.tlsCert = certificate.cert,
                                             .tlsKey = certificate.key,
                                             .auth = "samverkan:hemligt-lösenord"});
  auto settings = f.smtp(sink.port());
  settings.startTls = true;
  settings.caFile = certificate.cert.string();
  settings.user = "samverkan";
  settings.password = "hemligt-lösenord";
  f.enqueue(1);

  SECTION("trusted certificate, right password: delivered over TLS, logged in") {
    mail::SmtpTransport transport(settings);
    mail::Sender sender(*f.store, transport, f.time);
    const auto round = sender.deliverDue();
    const auto failing = f.failing();
    INFO((failing.empty() ? std::string() : failing[0].lastError.value_or("")));
    CHECK(round.sent == 1);
    REQUIRE(sink.messages().size() == 1);
    CHECK(sink.messages()[0] == f.written[0]);
    CHECK(sink.session(1) == "tls=1 user=samverkan");
  }
  SECTION("a certificate nobody vouches for: nothing is sent") {
    settings.caFile.clear();  // the system's CAs do not know this one
    mail::SmtpTransport transport(settings);
    mail::Sender sender(*f.store, transport, f.time);
    CHECK(sender.deliverDue().failed == 1);
    CHECK(sink.messages().empty());
  }
  SECTION("a wrong password: refused, kept with the reason") {
    settings.password = "fel";
    mail::SmtpTransport transport(settings);
    mail::Sender sender(*f.store, transport, f.time);
    CHECK(sender.deliverDue().failed == 1);
    CHECK(sink.messages().empty());
    REQUIRE(f.failing().size() == 1);
    CHECK(f.failing()[0].lastError->find("SMTP 127.0.0.1") != std::string::npos);
  }
}

TEST_CASE("mail: STARTTLS asked for and not offered: nothing goes in the clear",
          "[mail][smtp][tls]") {
  MailFixture f;
  test::SmtpSink plain(f.dir.path() / "plain");
  auto settings = f.smtp(plain.port());
  settings.startTls = true;
  f.enqueue(1);
  mail::SmtpTransport transport(settings);
  mail::Sender sender(*f.store, transport, f.time);
  CHECK(sender.deliverDue().failed == 1);
  CHECK(plain.messages().empty());
  REQUIRE(f.failing().size() == 1);
  CHECK(f.failing()[0].lastError->find("STARTTLS") != std::string::npos);
}

}  // namespace SV_TEST_FILE
