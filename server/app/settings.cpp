#include "server/app/settings.hpp"

namespace sv::app {

namespace {

// samverkan.plan.weekday = tuesday, .week_in_month = 2, .start_time = 13:00, .duration_minutes =
// 120
agenda::PlanRule readPlanRule(const Poco::Util::AbstractConfiguration& c) {
  agenda::PlanRule rule;
  const std::string day = c.getString("samverkan.plan.weekday", "tuesday");
  const char* names[] = {"sunday",   "monday", "tuesday", "wednesday",
                         "thursday", "friday", "saturday"};
  for (unsigned i = 0; i < 7; ++i)
    if (day == names[i]) rule.weekday = std::chrono::weekday{i};
  rule.weekInMonth = c.getInt("samverkan.plan.week_in_month", rule.weekInMonth);
  const std::string time = c.getString("samverkan.plan.start_time", "13:00");
  if (time.size() == 5 && time[2] == ':')
    rule.startTime =
        std::chrono::minutes(std::stoi(time.substr(0, 2)) * 60 + std::stoi(time.substr(3, 2)));
  rule.duration = std::chrono::minutes(c.getInt("samverkan.plan.duration_minutes", 120));
  return rule;
}

// "Samverkan <samverkan@ostermalm.example.se>" or a bare address.
mail::Mailbox readMailbox(const std::string& text) {
  const auto open = text.find('<');
  const auto close = text.rfind('>');
  if (open == std::string::npos || close == std::string::npos || close < open) return {"", text};
  std::string name = text.substr(0, open);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return {name, text.substr(open + 1, close - open - 1)};
}

// The host of the public URL: the domain of Message-IDs and of calendar UIDs.
std::string hostOf(const std::string& url) {
  auto rest = url.substr(url.find("://") == std::string::npos ? 0 : url.find("://") + 3);
  rest = rest.substr(0, rest.find('/'));
  rest = rest.substr(0, rest.find(':'));
  return rest.empty() ? "localhost" : rest;
}

void readMail(const Poco::Util::AbstractConfiguration& c, Settings& s) {
  auto& m = s.mail;
  m.folder = c.getString("samverkan.mail.folder", (s.dataDir / "mail").string());
  m.smtp.host = c.getString("samverkan.mail.smtp_host", "");
  m.smtp.port = static_cast<std::uint16_t>(c.getUInt("samverkan.mail.smtp_port", 25));
  m.smtp.startTls = c.getBool("samverkan.mail.starttls", false);
  m.smtp.caFile = c.getString("samverkan.mail.ca_file", "");
  m.smtp.user = c.getString("samverkan.mail.user", "");
  m.passwordFile = c.getString("samverkan.mail.password_file", "");
  m.smtp.timeout = std::chrono::seconds(c.getInt("samverkan.mail.timeout_seconds", 30));
  m.pollInterval = std::chrono::seconds(c.getInt("samverkan.mail.poll_seconds", 5));
  m.backoff.first = std::chrono::seconds(
      c.getInt("samverkan.mail.retry_first_seconds", static_cast<int>(m.backoff.first.count())));
  m.backoff.ceiling = std::chrono::seconds(
      c.getInt("samverkan.mail.retry_max_seconds", static_cast<int>(m.backoff.ceiling.count())));
  auto& p = s.mailPolicy;
  p.publicUrl = s.publicUrl;
  p.from = readMailbox(
      c.getString("samverkan.mail.from", "Samverkan <samverkan@" + hostOf(s.publicUrl) + ">"));
  p.messageIdDomain = hostOf(s.publicUrl);
  m.smtp.heloName = c.getString("samverkan.mail.helo_name", p.messageIdDomain);
  m.smtp.envelopeFrom = c.getString("samverkan.mail.envelope_from", p.from.address);
  p.alarmMinutes = c.getInt("samverkan.mail.alarm_minutes", p.alarmMinutes);
  p.minutesWaitingDays =
      c.getInt("samverkan.mail.remind.minutes_waiting_days", p.minutesWaitingDays);
  p.actionDueDays = c.getInt("samverkan.mail.remind.action_due_days", p.actionDueDays);
  p.agendaDays = c.getInt("samverkan.mail.remind.agenda_days", p.agendaDays);
  p.digestHour = c.getInt("samverkan.mail.digest_hour", p.digestHour);
}

}  // namespace

Settings readSettings(const Poco::Util::AbstractConfiguration& c) {
  Settings s;
  s.bind = c.getString("samverkan.bind", s.bind);
  s.port = static_cast<unsigned short>(c.getUInt("samverkan.port", s.port));
  s.dataDir = c.getString("samverkan.data_dir", s.dataDir.string());
  s.configDir = c.getString("samverkan.config_dir", s.configDir.string());
  s.publicUrl = c.getString("samverkan.public_url", "http://localhost:" + std::to_string(s.port));
  s.maxThreads = c.getInt("samverkan.http.max_threads", s.maxThreads);
  s.threadStackKib = c.getInt("samverkan.http.thread_stack_kib", s.threadStackKib);
  s.maxQueued = c.getInt("samverkan.http.max_queued", s.maxQueued);
  s.headTimeoutSeconds = c.getInt("samverkan.http.head_timeout_seconds", s.headTimeoutSeconds);
  s.http.bodyTimeout = std::chrono::seconds(c.getInt("samverkan.http.body_timeout_seconds",
                                                     static_cast<int>(s.http.bodyTimeout.count())));
  s.maxWaitingPerAddress =
      c.getInt("samverkan.http.max_waiting_per_address", s.maxWaitingPerAddress);
  s.maxWaiting = c.getInt("samverkan.http.max_waiting", s.maxWaiting);
  s.keepAliveSeconds = c.getInt("samverkan.http.keep_alive_seconds", s.keepAliveSeconds);
  s.maxKeepAliveRequests =
      c.getInt("samverkan.http.max_keep_alive_requests", s.maxKeepAliveRequests);
  s.timeoutSeconds = c.getInt("samverkan.http.timeout_seconds", s.timeoutSeconds);
  s.readConnections = c.getInt("samverkan.db.read_connections", s.readConnections);
  s.retiredPackGrace = std::chrono::seconds(
      c.getInt("samverkan.git.retired_pack_seconds", static_cast<int>(s.retiredPackGrace.count())));
  s.auditKeyFile = c.getString("samverkan.audit.key_file", "");
  s.auditAnchorFile = c.getString("samverkan.audit.anchor_file", "");
  s.store = c.getString("samverkan.store", s.store);
  s.postgresql = c.getString("samverkan.store.connection", "");
  s.bootstrapOrganization =
      c.getString("samverkan.bootstrap.organization", s.bootstrapOrganization);
  s.sealPkcs12File = c.getString("samverkan.seal.pkcs12_file", "");
  s.sealPasswordFile = c.getString("samverkan.seal.pkcs12_password_file", "");
  s.http.maxBodyBytes = c.getUInt64("samverkan.limits.max_body_bytes", s.http.maxBodyBytes);
  s.maxAttachmentBytes = c.getUInt64("samverkan.limits.max_attachment_bytes", s.maxAttachmentBytes);
  s.factCheckDays = c.getInt("samverkan.reports.fact_check_days", s.factCheckDays);
  s.caseStaleDays = c.getInt("samverkan.cases.stale_days", s.caseStaleDays);
  s.http.secureCookies = c.getBool("samverkan.security.secure_cookies", false);
  auto& a = s.accounts;
  a.idleTimeout = std::chrono::minutes(c.getInt("samverkan.session.idle_minutes", 30));
  a.absoluteTimeout = std::chrono::hours(c.getInt("samverkan.session.absolute_hours", 12));
  // Seconds, for tests that cannot wait half an hour; the minutes setting is the one to use.
  if (c.has("samverkan.session.idle_seconds"))
    a.idleTimeout = std::chrono::seconds(c.getInt("samverkan.session.idle_seconds"));
  a.throttleAfterFailures = c.getInt("samverkan.login.throttle_failures", 5);
  a.throttleWindow = std::chrono::minutes(c.getInt("samverkan.login.throttle_window_minutes", 15));
  a.passwordPolicy.opsLimit = c.getUInt64("samverkan.password.argon2_ops", 2);
  a.passwordPolicy.memLimitBytes = c.getUInt64("samverkan.password.argon2_mem_kib", 19456) * 1024;
  a.minPasswordLength = c.getUInt("samverkan.password.min_length", 10);
  s.planRule = readPlanRule(c);
  readMail(c, s);
  s.oidc = readOidcSettings(c);
  return s;
}

}  // namespace sv::app
