#!/usr/bin/env bash
# Submits a province's batch as a Slurm job array of SHARDS tasks and the merge as a job that runs when all succeeded.
#
#   deploy/slurm/submit.sh ROOT RUN SHARDS [sbatch options for both jobs…]
#   AS_OF=2025-01-31 BATCH_OPTIONS="--lang en" deploy/slurm/submit.sh /shared/province/2025-01 /shared/runs/2025-01 8 --partition=night
#
# Prints the two job ids ("<array id> <merge id>"). AS_OF defaults to today, fixed here once for every task.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(realpath "${1:?ROOT: folder of project folders}")
run=$(realpath -m "${2:?RUN: folder for this run}")
shards=${3:?SHARDS: number of tasks}
shift 3
[[ -d $root ]] || { echo "submit: $root: no such folder" >&2; exit 2; }
[[ $shards =~ ^[1-9][0-9]*$ ]] || { echo "submit: SHARDS: expected a positive number, got '$shards'" >&2; exit 2; }
if [[ -e $run/out ]]; then echo "submit: $run/out exists: give this run a new folder" >&2; exit 2; fi
mkdir -p "$run/logs" "$run/shards"

export ROOT=$root RUN=$run AS_OF=${AS_OF:-$(date +%F)}
vars="ALL,ROOT=$ROOT,RUN=$RUN,AS_OF=$AS_OF"
# What a re-run of some tasks needs to be the same shards (rerun.sh reads it).
printf 'ROOT=%q\nRUN=%q\nAS_OF=%q\nSHARDS=%q\nBATCH_OPTIONS=%q\nPAYROLLRECON=%q\n' \
  "$ROOT" "$RUN" "$AS_OF" "$shards" "${BATCH_OPTIONS:-}" "${PAYROLLRECON:-payrollrecon}" >"$run/submit.env"
array=$(sbatch --parsable --array="0-$((shards - 1))" --export="$vars" --output="$run/logs/batch-%A_%a.out" "$@" "$here/batch.sbatch")
array=${array%%;*}
# afterok: the merge starts only when every task has succeeded. A task that fails leaves the dependency unsatisfiable
# (a re-run does not revive it), so the merge is cancelled rather than left pending: re-run and submit the merge again.
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --export="$vars,SHARDS=$shards" \
  --output="$run/logs/merge-%j.out" "$@" "$here/merge.sbatch")
merge=${merge%%;*}
echo "$array $merge"
