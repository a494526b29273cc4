-- wrk script: a rotation of bad and oversized requests. Every answer must be a 4xx;
-- done() prints how many were not ("not_4xx N") and how many were ("4xx N").
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not4xx = 0
  got4xx = 0
  local long = string.rep("a", 3000)
  reqs = {
    wrk.format("GET", "/api/v1/status?treaty=apmbc&on=2026-02-30"),
    wrk.format("GET", "/api/v1/status?treaty=apmbc&on=1%2F3%2F2026"),
    wrk.format("GET", "/api/v1/states/Finlnd?on=2026-03-01"),
    wrk.format("GET", "/api/v1/status?treaty=nope&on=2026-03-01"),
    wrk.format("GET", "/api/v1/status?treaty=apmbc&date=2026-03-01"),
    wrk.format("GET", "/api/v1/changes?to=2026-03-01"),
    wrk.format("GET", "/api/v1/status?treaty=" .. long),
    wrk.format("POST", "/api/v1/status?treaty=apmbc&on=2026-03-01"),
    wrk.format("DELETE", "/api/v1/states/FIN"),
    wrk.format("GET", "/api/v1/nowhere"),
    wrk.format("GET", "/api/v1/status?treaty=apmbc&on=2026-03-01", { ["X-Big"] = string.rep("b", 20000) }),
    wrk.format("GET", "/api/v1/deadlines?on=2020-13-01"),
    wrk.format("GET", "/api/v1/exports/panel?treaty=all&from=1000&to=9999&granularity=day"),
    wrk.format("GET", "/api/v1/exports/panel?treaty=all&from=1900&to=2099&granularity=day"),
    wrk.format("GET", "/api/v1/deadlines?to=9999-12-31"),
    wrk.format("GET", "/api/v1/deadlines?on=9999-01-01"),
    wrk.format("GET", "/api/v1/states/" .. string.rep("x", 1500)),
    wrk.format("GET", "/api/v1/status?on=2026-03-01&utm_source=x&nope=1"),
    wrk.format("GET", "/api/v1/annotate"),
    wrk.format("POST", "/api/v1/annotate", { ["Content-Type"] = "text/html" }, "<p>Finland</p>"),
    wrk.format("POST", "/api/v1/annotate", { ["Content-Type"] = "application/json" }, '{"text": ""}'),
  }
  i = 0
end

function request()
  i = i % #reqs + 1
  return reqs[i]
end

function response(status, headers, body)
  if status >= 400 and status < 500 then
    got4xx = got4xx + 1
  else
    not4xx = not4xx + 1
  end
end

function done(summary, latency, requests)
  local bad, good = 0, 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("not4xx")
    good = good + t:get("got4xx")
  end
  io.write(string.format("4xx %d\nnot_4xx %d\n", good, bad))
end
