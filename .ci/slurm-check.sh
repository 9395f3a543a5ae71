#!/usr/bin/env bash
# End-to-end check of deploy/slurm on a real Slurm (Debian's slurm-wlm) started on this machine: a generated
# portfolio checked as a 3-task job array plus the dependent merge job, compared byte for byte with an unsharded
# batch of the same inputs. Run by .ci/run after the tests (it uses the CLI they built).
#
# Last line: "slurm: passed …", "slurm: FAILED …" or "slurm: skipped …"; exit 0, 1, or 77 when Slurm cannot start.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

work=$(mktemp -d /tmp/payrollrecon-slurm.XXXXXX)
cluster=$work/cluster
conf=""
cleanup() {
  # Only jobs of this check's own cluster (never one that SLURM_CONF pointed at before).
  [[ -n $conf ]] && SLURM_CONF=$conf scancel --quiet --user=root >/dev/null 2>&1
  .ci/slurm-cluster.sh stop "$cluster" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
# A timeout or Ctrl-C exits through the trap: the daemons are stopped whatever happens.
trap 'exit 1' TERM INT HUP

skip() { echo "slurm: skipped: $*"; exit 77; }
fail() {
  echo "--- slurmctld log (last lines) ---"; tail -n 15 "$cluster/log/slurmctld.log" 2>/dev/null
  for f in "$work"/run/logs/*.out; do [[ -f $f ]] && { echo "--- $f ---"; tail -n 5 "$f"; }; done
  echo "slurm: FAILED: $*"
  exit 1
}

if ! command -v slurmctld >/dev/null 2>&1; then
  echo "installing slurm-wlm for the Slurm check"
  (apt-get update -qq && apt-get install -y -qq slurm-wlm >/dev/null) 2>"$work/apt.err" ||
    skip "could not install slurm-wlm ($(tail -n 1 "$work/apt.err"))"
fi
conf=$(.ci/slurm-cluster.sh start "$cluster" 2>"$work/start.err") || skip "$(tail -n 1 "$work/start.err" | sed 's/^slurm: //')"
export SLURM_CONF=$conf
echo "slurm: local cluster up ($(sinfo -h -o '%P %D node(s) %c CPUs %t'), $(slurmctld -V))"

dll=$repo/src/PayrollRecon.Cli/bin/Release/net10.0/PayrollRecon.Cli.dll
[[ -f $dll ]] || dotnet build src/PayrollRecon.Cli -c Release -v q -nologo >/dev/null || fail "could not build the CLI"
cli=(dotnet "$dll")
as_of=2024-07-15

# 12 projects, one of which cannot be checked (no bank.csv), so a shard carries a failed project to the merge.
"${cli[@]}" generate "$work/in" --projects 12 --workers 60 --months 6 --seed 77 >/dev/null || fail "generate failed"
broken=$(find "$work/in" -mindepth 1 -maxdepth 1 -type d | sort | sed -n 5p)
rm "$broken/bank.csv"
"${cli[@]}" batch "$work/in" --out "$work/unsharded" --as-of "$as_of" --jobs 2 >/dev/null 2>"$work/unsharded.err"
[[ -f $work/unsharded/manifest.json ]] || fail "unsharded batch wrote no manifest: $(tail -n 1 "$work/unsharded.err")"

# One CPU per task, so that the check runs on a 1-core runner too.
ids=$(AS_OF=$as_of PAYROLLRECON="dotnet $dll" deploy/slurm/submit.sh "$work/in" "$work/run" 3 --cpus-per-task=1 --mem=1G) ||
  fail "submit.sh failed: $ids"
read -r array merge <<<"$ids"
echo "slurm: submitted array job $array (3 tasks) and merge job $merge (afterok:$array)"

# Waits (up to 15 min) for job $1 to end; sets $state and $waited.
wait_job() {
  state=""
  for ((waited = 0; waited < 900; waited += 2)); do
    state=$(scontrol show job -o "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2)
    case $state in COMPLETED | FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE) return ;; esac
    sleep 2
  done
}
wait_job "$merge"
tasks=$(scontrol show job -o "$array" 2>/dev/null | grep -o 'ArrayTaskId=[0-9]* .*JobState=[A-Z]*' | sed -E 's/ArrayTaskId=([0-9]+) .*JobState=([A-Z]+)/\1:\2/' | sort | tr '\n' ' ')
echo "slurm: array tasks ${tasks:-?}; merge job $state after ${waited} s"
[[ $state == COMPLETED ]] || fail "merge job ended $state"

for i in 0 1 2; do
  # The line is in the language of --lang (Chinese by default): match its shard and the variables it names.
  grep -Eq "^batch: [^0-9]*$i/3[^0-9].*SLURM_ARRAY_TASK_ID=$i, SLURM_ARRAY_TASK_MIN=0, SLURM_ARRAY_TASK_COUNT=3" "$work"/run/logs/batch-*_"$i".out ||
    fail "task $i did not take shard $i/3 from the array variables"
done
diff -r "$work/unsharded" "$work/run/out" >"$work/diff.txt" || fail "merged output differs from the unsharded run: $(head -n 3 "$work/diff.txt" | tr '\n' ' ')"
files=$(find "$work/run/out" -type f | wc -l)
links=$(find "$work/run/out" -mindepth 2 -type f -links 2 | wc -l)
projects=$(find "$work/run/out" -mindepth 1 -maxdepth 1 -type d | wc -l)
((links == files - 3)) || fail "expected the $((files - 3)) project files to be hard links of the shards', found $links"

# A shard lost (its node's disk, say): rerun.sh runs that task alone as --shard 1/3 and the merge again.
mv "$work/run/out" "$work/first-out"
rm -rf "$work/run/shards/1"
ids=$(deploy/slurm/rerun.sh "$work/run" 1 --cpus-per-task=1 --mem=1G) || fail "rerun.sh failed: $ids"
read -r array merge <<<"$ids"
wait_job "$merge"
echo "slurm: re-run of task 1 as job $array, merge job $merge $state after ${waited} s"
[[ $state == COMPLETED ]] || fail "merge job after the re-run ended $state"
grep -q "SLURM_ARRAY_TASK_ID=" "$work"/run/logs/batch-"$array"_1.out && fail "the re-run task took its shard from the array variables, not SHARDS"
diff -r "$work/unsharded" "$work/run/out" >"$work/diff.txt" || fail "merged output after the re-run differs: $(head -n 3 "$work/diff.txt" | tr '\n' ' ')"
echo "slurm: passed: 3 shards + merge on Slurm = unsharded batch, byte for byte ($files files, $projects project folders hard-linked), also after re-running one shard"
