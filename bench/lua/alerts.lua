-- wrk script: POST alerts spread over N channels (CHANNELS env, default 100), BATCH alerts per request.
-- Counts the response statuses and prints them at the end, so refusals are never mistaken for throughput.
local channels = tonumber(os.getenv("CHANNELS") or "100")
local batch = tonumber(os.getenv("BATCH") or "1")
local path = os.getenv("TARGET_PATH") or "/alerts"
-- DELAY_MS > 0: each connection waits that long before its next request (wrk's delay hook), for a fixed offered
-- load of about connections x 1000 / (DELAY_MS + latency) requests per second
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local bodies = {}

function init(args)
  for c = 0, channels - 1 do
    local ch = string.format("C0BENCH%03d", c)
    if batch == 1 then
      bodies[c + 1] = string.format('{"header":"bench %s","severity":"error","slackChannelId":"%s"}', ch, ch)
    else
      local parts = {}
      for i = 1, batch do
        parts[i] = string.format('{"header":"bench %d","correlationId":"c%d","severity":"error","slackChannelId":"%s"}', i, i % 10, ch)
      end
      bodies[c + 1] = "[" .. table.concat(parts, ",") .. "]"
    end
  end
end

local n = 0
statuses = {}

function request()
  n = n + 1
  local body = bodies[(n % channels) + 1]
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
end

if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
