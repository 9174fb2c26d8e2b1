-- wrk script: send the bearer token from BENCH_TOKEN with every request. Only headers are set, so
-- wrk still builds the request once and sends it unchanged (no per-request Lua work).
local token = os.getenv("BENCH_TOKEN")
if token == nil or token == "" then
  error("bearer.lua: BENCH_TOKEN is not set")
end
wrk.headers["Authorization"] = "Bearer " .. token
