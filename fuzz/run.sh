#!/usr/bin/env bash
# Runs the fuzz targets for a bounded time (default 60 s each; all targets unless some
# are named). Not part of CI.
#   fuzz/run.sh [SECONDS] [TARGET...]
# cargo fuzz needs nightly features; the machine has one stable toolchain, so
# RUSTC_BOOTSTRAP=1 unlocks them.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dataset dates state_names annotate eval_labels untc_import)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  if [ "$target" = eval_labels ] && [ -d ../corpus/annotate/dev ]; then
    # Seeds: each label file, a NUL byte, its article.
    for t in ../corpus/annotate/dev/*.toml; do
      seed="corpus/$target/$(basename "$t" .toml)"
      [ -e "$seed" ] || { cat "$t"; printf '\0'; cat "${t%.toml}.txt"; } > "$seed"
    done
  fi
  if [ "$target" = untc_import ]; then
    cp -n ../crates/treatywatch-untc/tests/fixtures/untc/treaties/*.csv "corpus/$target/" 2>/dev/null || true
  fi
  echo "== $target ($secs s)"
  cargo fuzz run "$target" "corpus/$target" -- -max_total_time="$secs" -max_len=4096 2>&1 \
    | grep -E "^(#[0-9]+.*DONE|Done|==[0-9]+== ERROR|SUMMARY|thread .* panicked)" || true
  if ls artifacts/"$target"/crash-* >/dev/null 2>&1; then
    echo "crash found in $target: see fuzz/artifacts/$target" >&2
    exit 1
  fi
done
echo "no crashes"
