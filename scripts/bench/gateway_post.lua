-- wrk script for scripts/bench-gateway.sh: every request sends the body in $BODY_FILE with
-- $METHOD and $CONTENT_TYPE to the URL's path (one connection per wrk connection, keep-alive).
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.body = f:read("*a")
f:close()
wrk.method = os.getenv("METHOD")
wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE")

local failures = 0
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.3f p50=%.3f p99=%.3f non200=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
