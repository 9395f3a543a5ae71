#!/usr/bin/env bash
# Coverage-guided fuzzing of one target with AFL++ and SharpFuzz:  tests/fuzz/run.sh TARGET SECONDS
#   TARGET: csv | readers | fields | workbook | project   (tests/fuzz/PayrollRecon.Fuzz/FuzzTargets.cs)
# Publishes tests/fuzz/PayrollRecon.Fuzz to out/fuzz/bin, instruments PayrollRecon.dll and ExcelDataReader.dll with
# SharpFuzz, runs afl-fuzz for SECONDS from the committed seeds (tests/fuzz/corpus/TARGET), and prints one line:
#   fuzz TARGET: N execs, C corpus, K crashes, H hangs in S s
# Crashing inputs are copied to out/fuzz/crashes/TARGET/ and replayed without instrumentation to show the exception.
# Exit: 0 no crash, 1 a crash or a hang that reproduces, 3 skipped (afl-fuzz not installed and cannot be installed).
set -uo pipefail
cd "$(dirname "$0")/../.."
target=${1:?usage: tests/fuzz/run.sh TARGET SECONDS}
seconds=${2:?usage: tests/fuzz/run.sh TARGET SECONDS}
out=out/fuzz

if ! command -v afl-fuzz >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null) >/dev/null 2>&1
fi
if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "fuzz $target: skipped: afl-fuzz is not installed and 'apt-get install afl++' failed"
  exit 3
fi

tools=$out/tools
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null || { echo "fuzz $target: could not install SharpFuzz.CommandLine 2.3.0" >&2; exit 1; }
fi

# Publish and instrument once per build (tests/fuzz/ci.sh removes the stamp to force a fresh one).
if [ ! -f "$out/bin/.instrumented" ]; then
  rm -rf "$out/bin"
  dotnet publish tests/fuzz/PayrollRecon.Fuzz -c Release -o "$out/bin" -p:UseAppHost=true >/dev/null || { echo "fuzz $target: publish failed" >&2; exit 1; }
  for dll in PayrollRecon.dll ExcelDataReader.dll; do
    "$tools/sharpfuzz" "$out/bin/$dll" >/dev/null || { echo "fuzz $target: could not instrument $dll" >&2; exit 1; }
  done
  touch "$out/bin/.instrumented"
fi

findings=$out/findings/$target
rm -rf "$findings"
mkdir -p "$findings"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_FORKSRV_INIT_TMOUT=60000 AFL_QUIET=1
start=$(date +%s)
afl-fuzz -i "tests/fuzz/corpus/$target" -o "$findings" -V "$seconds" -t 5000 -m none -- "$out/bin/PayrollRecon.Fuzz" "$target" >"$findings/afl.log" 2>&1
afl_status=$?
elapsed=$(( $(date +%s) - start ))
stats=$findings/default/fuzzer_stats
if [ ! -f "$stats" ]; then
  echo "fuzz $target: afl-fuzz did not start (exit $afl_status); see $findings/afl.log:"
  tail -5 "$findings/afl.log"
  exit 1
fi
stat() { awk -F: -v k="$1" '{gsub(/ /,"",$1)} $1==k {gsub(/ /,"",$2); print $2}' "$stats"; }
execs=$(stat execs_done)
corpus=$(stat corpus_count); [ -n "$corpus" ] || corpus=$(stat paths_total)
crashes=$(stat saved_crashes); [ -n "$crashes" ] || crashes=$(stat unique_crashes)
hangs=$(stat saved_hangs); [ -n "$hangs" ] || hangs=$(stat unique_hangs)
echo "fuzz $target: ${execs:-0} execs, ${corpus:-0} corpus, ${crashes:-0} crashes, ${hangs:-0} hangs in ${elapsed} s"

# A crash fails the target. A hang fails it only when it reproduces without instrumentation within 20 s: on a loaded
# shared machine the instrumented run can pass afl's 5 s limit on an input that takes well under a second.
status=0
replay="tests/fuzz/PayrollRecon.Fuzz/bin/Release/net10.0/PayrollRecon.Fuzz.dll"
mkdir -p "$out/crashes/$target"
for f in "$findings"/default/crashes/id:* "$findings"/default/hangs/id:*; do
  [ -f "$f" ] || continue
  name=$(sha1sum "$f" | cut -c1-12)
  cp "$f" "$out/crashes/$target/$name"
  kind=$(basename "$(dirname "$f")")
  if [ "$kind" = crashes ]; then
    status=1
    echo "  crash: $out/crashes/$target/$name"
    dotnet "$replay" replay "$target" "$out/crashes/$target/$name" 2>&1 | grep -E '^(CRASH|  at| +at )' | head -2 | sed 's/^/    /'
  else
    started=$(date +%s)
    timeout 20 dotnet "$replay" replay "$target" "$out/crashes/$target/$name" >/dev/null 2>&1
    if [ $? -eq 124 ]; then
      status=1
      echo "  hang: $out/crashes/$target/$name (still running after 20 s without instrumentation)"
    else
      echo "  hang under afl only: $out/crashes/$target/$name ($(( $(date +%s) - started )) s without instrumentation; not counted)"
    fi
  fi
done
exit $status
