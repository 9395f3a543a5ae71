#!/usr/bin/env bash
# A project whose statement raises a finding on every line: a generated project (200 workers × 12 months) with
# LINES more debits to payees not on the roster (each its own card, names repeating over 1,000), one UNKNOWN_PAYEE
# each. Runs `check --timings` RUNS times and prints each run's phases, wall time and peak RSS; the outputs of the
# last run stay in $BENCH_DIR/out. KIND=credits appends LINES labour-fund credits from one client instead (all on one
# date, the busiest a statement can have), which raise nothing: the time and memory of a statement line itself.
#
#   benchmarks/many-findings.sh                      # 2,000,000 lines, the JIT build
#   LINES=500000 RUNS=3 CLI=/path/to/aot/PayrollRecon.Cli benchmarks/many-findings.sh
#   KIND=credits benchmarks/many-findings.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-/tmp/payrollrecon-many-findings}
LINES=${LINES:-2000000}
RUNS=${RUNS:-1}
KIND=${KIND:-payees}
case $KIND in
  payees) line='printf "Y%015d,2024-06-05 10:00:%02d,D,1.00,,某人%d,6222%012d,工资,\n", i, i % 60, i % 1000, i' ;;
  credits) line='printf "Y%015d,2024-06-05 10:00:%02d,C,1.00,,商丘市荣昌城乡建设发展有限公司,41008416507544006927,2024年6月人工费拨付,\n", i, i % 60' ;;
  *) echo "KIND is payees or credits" >&2; exit 2 ;;
esac

if [[ -z ${CLI:-} ]]; then
  dotnet build src/PayrollRecon.Cli -c Release -v q -nologo >/dev/null
  CLI_CMD=(dotnet src/PayrollRecon.Cli/bin/Release/net10.0/PayrollRecon.Cli.dll)
else
  CLI_CMD=("$CLI")
fi

project="$BENCH_DIR/$KIND-$LINES"
if [[ ! -f $project/.complete ]]; then
  rm -rf "$project" "$BENCH_DIR/gen"
  "${CLI_CMD[@]}" generate "$BENCH_DIR/gen" --workers 200 --months 12 --seed 5 >/dev/null
  mv "$BENCH_DIR/gen/GEN-5-0001" "$project"
  awk -v n="$LINES" "BEGIN { for (i = 0; i < n; i++) $line }" >> "$project/bank.csv"
  touch "$project/.complete"
fi

for run in $(seq 1 "$RUNS"); do
  rm -rf "$BENCH_DIR/out"
  log=$(mktemp)
  /usr/bin/time -f "wall %e s, peak RSS %M KB, exit %x" "${CLI_CMD[@]}" check "$project" --out "$BENCH_DIR/out" --timings >/dev/null 2>"$log" || true
  echo "== run $run ($LINES more lines, $KIND, load $(cut -d' ' -f1 /proc/loadavg))"
  grep -E '^(phase|read|engine|write|total|peak|wall)' "$log"
  rm -f "$log"
done
