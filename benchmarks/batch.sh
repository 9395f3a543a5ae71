#!/usr/bin/env bash
# Batch at scale: wall time, MB/s, rows/s and peak working set of `payrollrecon batch` with --jobs 1 and --jobs 2,
# on a portfolio (default 500 projects × 100 workers × 12 months) and on one large project (5,000 workers × 24 months).
#
#   benchmarks/batch.sh                 # best of 3 runs each; data generated once under $BENCH_DIR
#   RUNS=2 BENCH_DIR=/data/bench benchmarks/batch.sh
#   SKIP_LARGE=1 benchmarks/batch.sh    # portfolio only
#   WAIT_IDLE=600 benchmarks/batch.sh   # before each run, wait up to 600 s for the CPUs to be 90 % idle
#   OUT_DIR=/dev/shm benchmarks/batch.sh  # write the outputs to tmpfs (takes the disk out of the figures)
#   AOT=0 benchmarks/batch.sh           # the JIT build instead of the NativeAOT binary
#
# Prints a markdown table (the one in benchmarks/results/batch.md) with the CPU and the load average next to it.
# The machine should be otherwise idle: on a shared machine run it when `uptime` shows a low load, and repeat.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-/tmp/payrollrecon-batch-bench}
RUNS=${RUNS:-3}
PROJECTS=${PROJECTS:-500}
WORKERS=${WORKERS:-100}
MONTHS=${MONTHS:-12}
LARGE_WORKERS=${LARGE_WORKERS:-5000}
LARGE_MONTHS=${LARGE_MONTHS:-24}

dotnet build src/PayrollRecon.Cli -c Release -v q -nologo >/dev/null
CLI=(dotnet src/PayrollRecon.Cli/bin/Release/net10.0/PayrollRecon.Cli.dll)
# By default the tool as `dotnet tool install` gives it on linux-x64: the NativeAOT binary, so that the figures are the
# check's own and not the JIT's (AOT=0 measures the framework-dependent JIT build).
if [[ ${AOT:-1} == 1 ]]; then
  mkdir -p "$BENCH_DIR"
  dotnet publish src/PayrollRecon.Cli -c Release -r linux-x64 -o "$BENCH_DIR/aot" -nologo -v q >/dev/null
  CLI=("$BENCH_DIR/aot/PayrollRecon.Cli")
fi

portfolio="$BENCH_DIR/portfolio-${PROJECTS}x${WORKERS}x${MONTHS}"
large="$BENCH_DIR/large-${LARGE_WORKERS}x${LARGE_MONTHS}"
if [[ ! -d $portfolio ]]; then
  "${CLI[@]}" generate "$portfolio" --projects "$PROJECTS" --workers "$WORKERS" --months "$MONTHS" --seed 2024 >/dev/null
fi
if [[ -z ${SKIP_LARGE:-} && ! -d $large ]]; then
  "${CLI[@]}" generate "$large" --projects 1 --workers "$LARGE_WORKERS" --months "$LARGE_MONTHS" --seed 2025 >/dev/null
fi

# Input bytes and data rows (header lines excluded) of the files batch reads.
measure_input() {
  local dir=$1 bytes=0 rows=0 f
  while IFS= read -r -d '' f; do
    bytes=$((bytes + $(stat -c %s "$f")))
    rows=$((rows + $(wc -l <"$f") - 1))
  done < <(find "$dir" -type f \( -name workers.csv -o -name bank.csv -o -name attendance.csv -o -name payroll.csv \
             -o -name batches.csv -o -name calendar.csv \) -print0)
  echo "$bytes $rows"
}

# Share of CPU time idle over the last 2 seconds, in percent (from /proc/stat).
idle_percent() {
  local a b
  a=($(head -1 /proc/stat)); sleep 2; b=($(head -1 /proc/stat))
  local total=0 i
  for ((i = 1; i < ${#a[@]}; i++)); do total=$((total + b[i] - a[i])); done
  echo $(((100 * (b[4] - a[4] + b[5] - a[5])) / (total > 0 ? total : 1)))
}

# On a shared machine, wait (up to WAIT_IDLE seconds, default 0 = do not wait) until the CPUs are 90 % idle;
# prints the last idle share seen.
wait_idle() {
  local deadline=$((SECONDS + ${WAIT_IDLE:-0})) idle
  idle=$(idle_percent)
  while ((SECONDS < deadline && idle < 90)); do idle=$(idle_percent); done
  echo "$idle"
}

# One run: prints "<wall seconds> <peak RSS kB> <CPU seconds> <idle % just before>".
run_once() {
  local root=$1 jobs=$2 out="${OUT_DIR:-$BENCH_DIR}/payrollrecon-batch-out-$$" log="$BENCH_DIR/time-$$.txt" idle
  rm -rf "$out"
  idle=$(wait_idle)
  /usr/bin/time -v -o "$log" "${CLI[@]}" batch "$root" --out "$out" --jobs "$jobs" >/dev/null 2>&1
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$log")
  rm -rf "$out" "$log"
  echo "$wall $rss $cpu $idle"
}

# Best (lowest wall time) of $RUNS runs, alternating the job counts so that a change in load hits both alike.
declare -A best_wall best_rss
bench() {
  local name=$1 root=$2 r jobs result wall rss cpu idle
  for ((r = 1; r <= RUNS; r++)); do
    for jobs in 1 2; do
      result=$(run_once "$root" "$jobs")
      read -r wall rss cpu idle <<<"$result"
      echo "  $name --jobs $jobs run $r: ${wall} s wall, ${cpu} s CPU, peak RSS $((rss / 1024)) MB, CPUs ${idle} % idle before, load after $(cut -d' ' -f1 /proc/loadavg)" >&2
      if [[ -z ${best_wall[$name/$jobs]:-} ]] || awk -v a="$wall" -v b="${best_wall[$name/$jobs]}" 'BEGIN { exit !(a < b) }'; then
        best_wall[$name/$jobs]=$wall
        best_rss[$name/$jobs]=$rss
      fi
    done
  done
}

row() {
  local name=$1 label=$2 bytes=$3 rows=$4 jobs
  for jobs in 1 2; do
    local wall=${best_wall[$name/$jobs]} rss=${best_rss[$name/$jobs]}
    awk -v label="$label" -v jobs="$jobs" -v wall="$wall" -v rss="$rss" -v bytes="$bytes" -v rows="$rows" -v w1="${best_wall[$name/1]}" \
      'BEGIN { printf "| %s | %d | %.2f | %.0f | %.2f M | %.0f | %.2f× |\n", label, jobs, wall, bytes / 1e6 / wall, rows / 1e6 / wall, rss / 1024, w1 / wall }'
  done
}

echo "CPU: $(lscpu | awk -F': +' '/Model name/ { print $2; exit }'), $(nproc) cores; .NET $(dotnet --version)" >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
read -r pbytes prows < <(measure_input "$portfolio")
bench portfolio "$portfolio"
if [[ -z ${SKIP_LARGE:-} ]]; then
  read -r lbytes lrows < <(measure_input "$large")
  bench large "$large"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

echo
echo "| input | jobs | wall s | MB/s | rows/s | peak RSS MB | speed-up |"
echo "|---|---:|---:|---:|---:|---:|---:|"
row portfolio "$(printf 'portfolio %d × %d × %d (%d MB, %.2f M rows)' "$PROJECTS" "$WORKERS" "$MONTHS" $((pbytes / 1000000)) "$(awk -v r="$prows" 'BEGIN { print r / 1e6 }')")" "$pbytes" "$prows"
if [[ -z ${SKIP_LARGE:-} ]]; then
  row large "$(printf '1 project %d × %d (%d MB, %.2f M rows)' "$LARGE_WORKERS" "$LARGE_MONTHS" $((lbytes / 1000000)) "$(awk -v r="$lrows" 'BEGIN { print r / 1e6 }')")" "$lbytes" "$lrows"
fi
