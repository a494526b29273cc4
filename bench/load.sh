#!/usr/bin/env bash
# Load test of the web server: wrk against a release build on loopback.
#
#   bench/load.sh            measure: 15 s on the status endpoint, then 10 s of the same
#                            load with bad and oversized requests beside it; fails unless
#                            >= 20,000 requests/s, p99 < 5 ms and zero errors. Then, for
#                            information, 10 s of it beside a flood of uncached requests.
#   bench/load.sh --smoke    3 s phases, checks only correctness (no errors, every bad
#                            request a 4xx, the server up and stopping cleanly): for CI
#
# Environment: PORT (18181), CONNECTIONS (8), THREADS (1), OUT (tests-output/load).
# Needs wrk and curl (Debian: apt-get install wrk curl). Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-measure}
PORT=${PORT:-18181}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-1}
OUT=${OUT:-tests-output/load}
if [ "$mode" = "--smoke" ]; then main_s=3; mixed_s=3; else main_s=15; mixed_s=10; fi
mkdir -p "$OUT"
base="http://127.0.0.1:$PORT"
status_url="$base/api/v1/status?treaty=apmbc&on=2026-03-01"

cargo build --release --locked -q -p treatywatch
./target/release/treatywatch serve --addr "127.0.0.1:$PORT" 2> "$OUT/server.log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fsS -o /dev/null "$base/api/v1/treaties" 2>/dev/null && break
  sleep 0.1
done
curl -fsS -o /dev/null -H 'Accept-Encoding: gzip' "$status_url"   # render and cache once

echo "== status endpoint: ${main_s}s, $THREADS threads, $CONNECTIONS connections, gzip as browsers and CDNs ask"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${main_s}s" --latency -H 'Accept-Encoding: gzip' "$status_url" \
  | tee "$OUT/status.txt"

echo "== the same load, with bad and oversized requests beside it: ${mixed_s}s"
wrk -t1 -c8 -d"${mixed_s}s" -s bench/bad-requests.lua "$base" > "$OUT/bad.txt" &
bad_pid=$!
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${mixed_s}s" --latency -H 'Accept-Encoding: gzip' "$status_url" \
  | tee "$OUT/mixed.txt"
wait "$bad_pid"
cat "$OUT/bad.txt"

if [ "$mode" != "--smoke" ]; then
  echo "== the same load, with uncached requests beside it (random days): ${mixed_s}s (for information)"
  wrk -t1 -c4 -d"${mixed_s}s" -s bench/random-dates.lua "$base" > "$OUT/flood.txt" &
  flood_pid=$!
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${mixed_s}s" --latency -H 'Accept-Encoding: gzip' "$status_url" \
    > "$OUT/beside-flood.txt"
  wait "$flood_pid"
  grep -E "99%|Requests/sec|Socket|Non-2xx" "$OUT/beside-flood.txt" || true
  echo "uncached renders:"; grep -E "Requests/sec|Socket|Non-2xx" "$OUT/flood.txt" || true
fi

# Figures. wrk prints latencies with units (us, ms, s); p99 in ms.
rps=$(awk '/^Requests\/sec/ {print int($2)}' "$OUT/status.txt")
p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; print v }' "$OUT/status.txt")
errors() { { grep -E "Socket errors|Non-2xx" "$1" || true; } | { grep -oE "[0-9]+" || true; } | awk '{s += $1} END {print s + 0}'; }
err_main=$(errors "$OUT/status.txt")
err_mixed=$(errors "$OUT/mixed.txt")
not4xx=$(awk '/^not_4xx/ {print $2}' "$OUT/bad.txt")
got4xx=$(awk '/^4xx/ {print $2}' "$OUT/bad.txt")

fail=0
alive=yes
curl -fsS -o /dev/null "$status_url" || { alive=no; fail=1; }
kill -TERM "$pid"
if wait "$pid"; then stopped=cleanly; else stopped="with an error"; fail=1; fi
trap - EXIT

echo
echo "status endpoint: $rps requests/s, p99 ${p99} ms, $err_main errors ($THREADS wrk thread, $CONNECTIONS connections, load average $(cut -d" " -f1 /proc/loadavg))"
echo "beside bad requests: $err_mixed errors on the status endpoint; bad requests: $got4xx answered 4xx, $not4xx not"
echo "server up after the load: $alive; stopped on SIGTERM $stopped"
echo "request log lines: $(wc -l < "$OUT/server.log")"
[ "$err_main" -eq 0 ] && [ "$err_mixed" -eq 0 ] || { echo "FAIL: errors under load"; fail=1; }
[ "${not4xx:-1}" -eq 0 ] && [ "${got4xx:-0}" -gt 0 ] || { echo "FAIL: a bad request was not answered 4xx"; fail=1; }
if [ "$mode" != "--smoke" ]; then
  [ "$rps" -ge 20000 ] || { echo "FAIL: under 20,000 requests/s"; fail=1; }
  awk -v p="$p99" 'BEGIN { exit !(p < 5) }' || { echo "FAIL: p99 not under 5 ms"; fail=1; }
fi
exit "$fail"
