#!/usr/bin/env bash
# The import-and-panel benchmark: treatywatch against a plain pandas baseline.
#
#   bench/run.sh [UNTC_DIR] [FUZZ_SECONDS]
#
# 1. Builds treatywatch (release).
# 2. Times `treatywatch --untc UNTC_DIR --untc-captured 2013-01-01/2015-12-31 export panel
#    --all --from 1945 --to 2026 --format csv`: all 324 tables imported, merged with the
#    curated record, the country-year panel written (best of 3, with peak memory).
# 3. Times bench/panel_pandas.py, the same panel from the same files in pandas (once).
# 4. Checks that the two panels agree row for row (byte for byte), and reports the
#    times, the ratio and peak memory against the targets (< 2 s, >= 20x, < 200 MB).
# 5. The Parquet variant: times the same panel as Parquet (best of 3) against polars
#    writing the same rows (bench/panel_polars.py: the CSV read with the same types, then
#    write_parquet with zstd), checks both files hold the same rows and types, and reports
#    times and sizes (targets: faster than polars, no larger than its file).
# 6. Runs the importer's fuzz target for FUZZ_SECONDS (default 60; 0 skips it).
# Not part of CI. Python packages go into bench/.venv.
set -euo pipefail
cd "$(dirname "$0")/.."
untc="${1:-../shared/data/untc-2015}"
# The snapshot's capture range (shared/README.md: a 2013-2015 snapshot).
captured="${CAPTURED:-2013-01-01/2015-12-31}"
fuzz_secs="${2:-60}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

if [ ! -f "$untc/index.csv" ]; then
  echo "no UN tables at $untc (give the directory holding index.csv and treaties/)" >&2
  exit 2
fi
echo "== build"
cargo build --release --locked -q -p treatywatch
bin=target/release/treatywatch

echo "== python"
if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
fi
bench/.venv/bin/pip install -q pandas polars pyarrow >/dev/null

measure() { # measure LABEL CMD...: prints seconds and peak RSS in MB
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$out/time" "$@" >/dev/null
  read -r secs kb < "$out/time"
  echo "$label $secs $((kb / 1024))"
}

echo "== treatywatch (best of 3)"
best=""
for i in 1 2 3; do
  r=$(measure ours "$bin" --untc "$untc" --untc-captured "$captured" export panel --all --from 1945 --to 2026 --format csv --out "$out/ours.csv")
  echo "  run $i: ${r#ours } (seconds, peak MB)"
  secs=$(echo "$r" | cut -d' ' -f2)
  if [ -z "$best" ] || awk "BEGIN{exit !($secs < ${best%% *})}"; then best="$secs $(echo "$r" | cut -d' ' -f3)"; fi
done

echo "== pandas"
r=$(measure pandas bench/.venv/bin/python bench/panel_pandas.py "$untc" data 1945 2026 "$out/pandas.csv" "${captured%%/*}")
pandas="${r#pandas }"
echo "  $pandas (seconds, peak MB)"

echo "== agreement"
rows=$(($(wc -l < "$out/ours.csv") - 1))
if cmp -s "$out/ours.csv" "$out/pandas.csv"; then
  echo "  the two panels agree row for row: $rows rows"
  agree=yes
else
  agree=no
  echo "  the panels differ; first differences:" >&2
  diff "$out/ours.csv" "$out/pandas.csv" | head -20 >&2 || true
fi

ours_s=${best%% *}; ours_mb=${best##* }; pandas_s=${pandas%% *}
ratio=$(awk "BEGIN{printf \"%.1f\", $pandas_s / $ours_s}")
echo
echo "== result ($(nproc) cores)"
printf '  treatywatch: %s s, peak %s MB (targets: < 2 s, < 200 MB)\n' "$ours_s" "$ours_mb"
printf '  pandas:      %s s, peak %s MB\n' "$pandas_s" "${pandas##* }"
printf '  ratio:       %sx (target: >= 20x)\n' "$ratio"
printf '  rows:        %s, identical: %s\n' "$rows" "$agree"
ok=yes
awk "BEGIN{exit !($ours_s < 2)}" || ok=no
awk "BEGIN{exit !($ratio >= 20)}" || ok=no
[ "$ours_mb" -lt 200 ] || ok=no
[ "$agree" = yes ] || ok=no

echo
echo "== Parquet: treatywatch (best of 3)"
pbest=""
for i in 1 2 3; do
  r=$(measure ours "$bin" --untc "$untc" --untc-captured "$captured" export panel --all --from 1945 --to 2026 --format parquet --out "$out/ours.parquet")
  echo "  run $i: ${r#ours } (seconds, peak MB)"
  secs=$(echo "$r" | cut -d' ' -f2)
  if [ -z "$pbest" ] || awk "BEGIN{exit !($secs < ${pbest%% *})}"; then pbest="$secs $(echo "$r" | cut -d' ' -f3)"; fi
done
echo "== Parquet: polars (best of 3)"
polbest=""
for i in 1 2 3; do
  r=$(measure polars bench/.venv/bin/python bench/panel_polars.py "$out/pandas.csv" "$out/polars.parquet")
  echo "  run $i: ${r#polars } (seconds, peak MB; reading the CSV included)"
  secs=$(echo "$r" | cut -d' ' -f2)
  if [ -z "$polbest" ] || awk "BEGIN{exit !($secs < ${polbest%% *})}"; then polbest="$secs $(echo "$r" | cut -d' ' -f3)"; fi
done
bench/.venv/bin/python bench/panel_polars.py "$out/pandas.csv" "$out/polars.parquet" | sed 's/^/  /'
pagree=yes
bench/.venv/bin/python bench/parquet_agree.py "$out/ours.parquet" "$out/polars.parquet" || pagree=no
ours_pq=$(stat -c %s "$out/ours.parquet"); pol_pq=$(stat -c %s "$out/polars.parquet")
printf '  treatywatch: %s s, peak %s MB, %s bytes\n' "${pbest%% *}" "${pbest##* }" "$ours_pq"
printf '  polars:      %s s, peak %s MB, %s bytes\n' "${polbest%% *}" "${polbest##* }" "$pol_pq"
awk "BEGIN{exit !(${pbest%% *} < ${polbest%% *})}" || { echo "  Parquet slower than polars" >&2; ok=no; }
[ "$ours_pq" -le "$pol_pq" ] || { echo "  Parquet larger than polars'" >&2; ok=no; }
[ "$pagree" = yes ] || ok=no

if [ "$fuzz_secs" != 0 ]; then
  echo
  echo "== fuzz the importer ($fuzz_secs s)"
  fuzz/run.sh "$fuzz_secs" untc_import
fi

[ "$ok" = yes ] || { echo "a target was missed" >&2; exit 1; }
echo "all targets met"
