#include "server/app/settings.hpp"

namespace sv::app {

Settings readSettings(const Poco::Util::AbstractConfiguration& c) {
  Settings s;
  s.bind = c.getString("samverkan.bind", s.bind);
  s.port = static_cast<unsigned short>(c.getUInt("samverkan.port", s.port));
  s.dataDir = c.getString("samverkan.data_dir", s.dataDir.string());
  s.configDir = c.getString("samverkan.config_dir", s.configDir.string());
  s.publicUrl = c.getString("samverkan.public_url", "http://localhost:" + std::to_string(s.port));
  s.maxThreads = c.getInt("samverkan.http.max_threads", s.maxThreads);
  s.maxQueued = c.getInt("samverkan.http.max_queued", s.maxQueued);
  s.keepAliveSeconds = c.getInt("samverkan.http.keep_alive_seconds", s.keepAliveSeconds);
  s.maxKeepAliveRequests = c.getInt("samverkan.http.max_keep_alive_requests", s.maxKeepAliveRequests);
  s.timeoutSeconds = c.getInt("samverkan.http.timeout_seconds", s.timeoutSeconds);
  s.readConnections = c.getInt("samverkan.db.read_connections", s.readConnections);
  s.bootstrapOrganization = c.getString("samverkan.bootstrap.organization", s.bootstrapOrganization);
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
  return s;
}

}  // namespace sv::app
