#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs each libFuzzer target for SECONDS (default 300), one after another,
# on a scratch corpus in /tmp seeded with tests/data (and ../shared/samples
# when present), then lists what it found.
#
#   tests/fuzz/run-fuzzers.sh [SECONDS] [TARGET...]
#
# The targets come from _build-fuzz (BUILD_DIR=… to change); see
# tests/fuzz/meson.build for how to configure it. FUZZ_WORK=… moves the
# scratch folder (default /tmp/demarc-fuzz). KEEP_GOING=1 keeps fuzzing
# after a crash (libFuzzer's fork mode) instead of stopping at the first.
# Extra libFuzzer flags can be given in FUZZ_FLAGS.

set -u

seconds=${1:-300}
shift || true
case $seconds in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS] [TARGET...]" >&2; exit 2 ;;
esac

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$top/_build-fuzz}
work=${FUZZ_WORK:-/tmp/demarc-fuzz}
if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=(fuzz-json-reader fuzz-importer fuzz-model fuzz-csv fuzz-json-writer)
fi

for target in "${targets[@]}"; do
  if [ ! -x "$build/tests/fuzz/$target" ]; then
    echo "$build/tests/fuzz/$target: not built; see tests/fuzz/meson.build" >&2
    exit 2
  fi
done

mkdir -p "$work"

# A dictionary of the member names and values the code looks for, taken
# from its string literals ("Compliance.Status" gives "Compliance" and
# "Status"), plus JSON's own tokens.
dict=$work/demarc.dict
{
  for token in '{' '}' '[' ']' ':' ',' '""' 'true' 'false' 'null' '-0' '1e999' '\\u0000' '\\ud800' '=' ';' "'" '/' '/*' '*/'; do
    printf '"%s"\n' "${token//\"/\\\"}"
  done
  grep -ohE '"[A-Za-z0-9_.:/$*-]+( [A-Za-z0-9_]+)?"' \
       "$top"/src/core/dm-import*.c "$top"/src/core/dm-checks*.c "$top"/src/core/dm-model.c \
       "$top"/src/core/dm-json-reader.c "$top"/src/core/dm-types.c |
    tr -d '"' | tr '.' '\n' | grep -E '^.{2,48}$' | sort -u |
    while read -r word; do
      printf '"\\"%s\\""\n' "$word"
    done
} > "$dict"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# GLib 2.74 still has GSlice: use malloc, so ASan sees every block.
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly,fatal-criticals
export LC_ALL=C.UTF-8

# Recursion that overflows an 8 MiB stack with megabytes of input overflows
# 1 MiB with the tens of kB -max_len allows, so fuzzing sees it.
ulimit -s "${FUZZ_STACK_KB:-1024}"

mode=()
if [ "${KEEP_GOING:-0}" = 1 ]; then
  mode=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi

status=0
for target in "${targets[@]}"; do
  dir=$work/$target
  corpus=$dir/corpus
  artifacts=$dir/artifacts
  log=$dir/log
  mkdir -p "$corpus" "$artifacts"

  # Seeds: every fixture, the demo export, the second shipped model and
  # the shared samples. Copies only. The reproducers in tests/data/fuzz/
  # are not seeds (a known, unfixed crash would end every run at once):
  # run them by hand, e.g. _build-fuzz/tests/fuzz/fuzz-model FILE.
  find "$top/tests/data" -maxdepth 1 -type f -exec cp -f {} "$corpus/" \;
  cp -f "$top/data/demo/demo-export.json" "$top/data/model/generic-cloud.json" "$corpus/"
  if [ -d "$top/../shared/samples" ]; then
    find "$top/../shared/samples" -type f \( -name '*.js*' -o -name '*.csv' \) -exec cp -f {} "$corpus/" \;
  fi

  echo "== $target: ${seconds}s, corpus $corpus, artifacts $artifacts/"
  # shellcheck disable=SC2086
  "$build/tests/fuzz/$target" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -max_total_time="$seconds" -print_final_stats=1 \
    -dict="$dict" -artifact_prefix="$artifacts/" \
    "${mode[@]}" ${FUZZ_FLAGS:-} \
    "$corpus" > "$log" 2>&1
  rc=$?

  grep -E '^#[0-9]+.*(DONE|pulse|NEW)' "$log" | tail -n 1
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log"
  echo "   exit status $rc, log $log"

  found=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
            -o -name 'oom-*' -o -name 'slow-unit-*' \) | sort)
  if [ -n "$found" ]; then
    status=1
    echo "   found:"
    for file in $found; do
      echo "     $file ($(stat -c %s "$file") bytes)"
    done
    grep -E '^(SUMMARY|==[0-9]+==ERROR|.*runtime error:|.*ERROR \*\*|.*CRITICAL \*\*)' "$log" | sort | uniq -c | head -n 20 |
      sed 's/^/     /'
  else
    echo "   nothing found"
  fi
done

exit $status
