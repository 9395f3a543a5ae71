#!/usr/bin/env bash
# Cost of --previous (SPEC §7) on a portfolio: `batch` of the same projects without and with the previous run's output
# folder, alternating, best of RUNS each; wall time and peak RSS from /usr/bin/time.
#
#   benchmarks/followup.sh                       # 500 projects × 100 workers × 12 months (as benchmarks/batch.sh)
#   RUNS=3 JOBS=2 OUT_DIR=/dev/shm benchmarks/followup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-/tmp/payrollrecon-batch-bench}
OUT_DIR=${OUT_DIR:-$BENCH_DIR}
RUNS=${RUNS:-3}
JOBS=${JOBS:-2}
PROJECTS=${PROJECTS:-500}
WORKERS=${WORKERS:-100}
MONTHS=${MONTHS:-12}

dotnet build src/PayrollRecon.Cli -c Release -v q -nologo >/dev/null
CLI=(dotnet src/PayrollRecon.Cli/bin/Release/net10.0/PayrollRecon.Cli.dll)
portfolio="$BENCH_DIR/portfolio-${PROJECTS}x${WORKERS}x${MONTHS}"
[[ -d $portfolio ]] || "${CLI[@]}" generate "$portfolio" --projects "$PROJECTS" --workers "$WORKERS" --months "$MONTHS" --seed 2024 >/dev/null

previous="$OUT_DIR/followup-previous"
rm -rf "$previous"
"${CLI[@]}" batch "$portfolio" --out "$previous" --jobs "$JOBS" >/dev/null 2>&1 || true

# One run: prints "wall-seconds peak-RSS-MiB cpu-seconds" (CPU = user + system: less sensitive than wall time to a
# loaded machine).
run() {
  local out="$OUT_DIR/followup-out" log
  rm -rf "$out"
  log=$(mktemp)
  /usr/bin/time -v "${CLI[@]}" batch "$portfolio" --out "$out" --jobs "$JOBS" "$@" >/dev/null 2>"$log" || true
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = (n == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2]) }
              /Maximum resident set size/ { rss = $2 / 1024 }
              /User time \(seconds\)/ { cpu += $2 } /System time \(seconds\)/ { cpu += $2 }
              END { printf "%.1f %.0f %.1f\n", s, rss, cpu }' "$log"
  rm -f "$log"
}

best_plain="" best_prev="" rss_plain=0 rss_prev=0 cpu_plain="" cpu_prev=""
for ((i = 0; i < RUNS; i++)); do
  read -r s m c < <(run); echo "without --previous: ${s} s, ${m} MiB, CPU ${c} s" >&2
  if [[ -z $best_plain ]] || (( $(echo "$s < $best_plain" | bc) )); then best_plain=$s; fi
  if [[ -z $cpu_plain ]] || (( $(echo "$c < $cpu_plain" | bc) )); then cpu_plain=$c; fi
  (( m > rss_plain )) && rss_plain=$m
  read -r s m c < <(run --previous "$previous"); echo "with --previous:    ${s} s, ${m} MiB, CPU ${c} s" >&2
  if [[ -z $best_prev ]] || (( $(echo "$s < $best_prev" | bc) )); then best_prev=$s; fi
  if [[ -z $cpu_prev ]] || (( $(echo "$c < $cpu_prev" | bc) )); then cpu_prev=$c; fi
  (( m > rss_prev )) && rss_prev=$m
done
findings=$(find "$previous" -name history.csv -exec cat {} + | grep -vc '^.\?id,' || true)
echo "| batch of ${PROJECTS} projects (${WORKERS} workers × ${MONTHS} months), --jobs ${JOBS} | best wall time | least CPU time | peak RSS (max of ${RUNS}) |"
echo "|---|---:|---:|---:|"
echo "| without --previous | ${best_plain} s | ${cpu_plain} s | ${rss_plain} MiB |"
echo "| with --previous (${findings} ids in the previous history.csv files) | ${best_prev} s | ${cpu_prev} s | ${rss_prev} MiB |"
echo
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
