-- wrk script: the status endpoint on random days from 1998 to 2030, so that most
-- answers are not cached yet and must be rendered (a cache-busting flood).
math.randomseed(os.time())

function request()
  local path = string.format("/api/v1/status?treaty=apmbc&on=%04d-%02d-%02d",
    math.random(1998, 2030), math.random(1, 12), math.random(1, 28))
  return wrk.format("GET", path, { ["Accept-Encoding"] = "gzip" })
end
