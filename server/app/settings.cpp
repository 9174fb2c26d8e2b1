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
  s.keepAliveSeconds = c.getInt("samverkan.http.keep_alive_seconds", s.keepAliveSeconds);
  s.maxKeepAliveRequests =
      c.getInt("samverkan.http.max_keep_alive_requests", s.maxKeepAliveRequests);
  s.timeoutSeconds = c.getInt("samverkan.http.timeout_seconds", s.timeoutSeconds);
  s.readConnections = c.getInt("samverkan.db.read_connections", s.readConnections);
  s.retiredPackGrace = std::chrono::seconds(
      c.getInt("samverkan.git.retired_pack_seconds", static_cast<int>(s.retiredPackGrace.count())));
  s.bootstrapOrganization =
      c.getString("samverkan.bootstrap.organization", s.bootstrapOrganization);
  s.http.maxBodyBytes = c.getUInt64("samverkan.limits.max_body_bytes", s.http.maxBodyBytes);
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
  return s;
}

}  // namespace sv::app
