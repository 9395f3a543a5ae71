#!/usr/bin/env bash
# Bounded fuzzing for CI: every target for SECONDS (default 30) with tests/fuzz/run.sh, on a fresh instrumented build.
# Prints each target's line and, last, "fuzz: P passed, F failed, S skipped" (a target passes when it found no crash
# and no hang that reproduces without instrumentation). Exit 1 when a target failed, 0 otherwise (skipped targets do not fail: afl++ could not be
# installed, and the message says so).
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
rm -f out/fuzz/bin/.instrumented
passed=0 failed=0 skipped=0
for target in csv readers fields workbook project; do
  tests/fuzz/run.sh "$target" "$seconds"
  case $? in
    0) passed=$((passed + 1)) ;;
    3) skipped=$((skipped + 1)) ;;
    *) failed=$((failed + 1)) ;;
  esac
done
echo "fuzz: ${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
