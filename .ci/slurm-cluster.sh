#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the CI test of deploy/slurm (needs root and Debian's slurm-wlm).
#
#   .ci/slurm-cluster.sh start DIR   # munged, slurmctld and slurmd with all state under DIR; prints DIR/slurm.conf
#   .ci/slurm-cluster.sh stop DIR    # stops the daemons started from DIR (by their pid files) and removes DIR
#
# Everything is private to DIR: its own munge key and socket (a munged already running is left alone) and its own
# ports (SLURM_PORTS="ctld slurmd", default 16817 16818; `start` moves on to the next free pair), so it can run next to
# another cluster on the same machine. `start` exits non-zero with one line on stderr when the cluster does not come up.
set -uo pipefail

cmd=${1:?start or stop}
dir=${2:?state folder}

stop() {
  local f pid
  for f in slurmd slurmctld munged; do
    [[ -f $dir/$f.pid ]] || continue
    pid=$(cat "$dir/$f.pid")
    [[ -n $pid ]] && kill "$pid" 2>/dev/null
  done
  # Wait (up to 10 s) for them to go, so that the ports and the folder are free when this returns.
  for _ in $(seq 50); do
    local alive=0
    for f in slurmd slurmctld munged; do
      [[ -f $dir/$f.pid ]] && kill -0 "$(cat "$dir/$f.pid")" 2>/dev/null && alive=1
    done
    ((alive)) || break
    sleep 0.2
  done
  for f in slurmd slurmctld munged; do
    [[ -f $dir/$f.pid ]] && kill -9 "$(cat "$dir/$f.pid")" 2>/dev/null
  done
  rm -rf "$dir"
}

fail() {
  echo "slurm: $*" >&2
  stop
  exit 1
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  for tool in munged slurmctld slurmd sbatch sinfo; do
    command -v "$tool" >/dev/null 2>&1 || { echo "slurm: $tool not installed (apt-get install -y slurm-wlm)" >&2; exit 1; }
  done
  [[ $(id -u) -eq 0 ]] || { echo "slurm: the local cluster runs its daemons as root" >&2; exit 1; }
  mkdir -p "$dir"/{ctld,spool,log} || exit 1
  chmod 700 "$dir"

  dd if=/dev/urandom of="$dir/munge.key" bs=1024 count=1 status=none && chmod 400 "$dir/munge.key"
  munged --force --socket="$dir/munge.socket" --key-file="$dir/munge.key" --pid-file="$dir/munged.pid" \
    --log-file="$dir/log/munged.log" --seed-file="$dir/munged.seed" 2>"$dir/log/munged.err" ||
    fail "munged did not start: $(tail -1 "$dir/log/munged.err")"

  read -r ctld_port slurmd_port <<<"${SLURM_PORTS:-16817 16818}"
  while ! port_free "$ctld_port" || ! port_free "$slurmd_port"; do
    ctld_port=$((ctld_port + 100)); slurmd_port=$((slurmd_port + 100))
    ((ctld_port < 20000)) || fail "no free pair of ports"
  done

  local host cpus memory
  host=$(hostname -s)
  cpus=$(nproc)
  # Slurm drains a node that has less memory than slurm.conf says: declare 90 % of it.
  memory=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
  cat >"$dir/slurm.conf" <<EOF
ClusterName=ci
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge.socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
StateSaveLocation=$dir/ctld
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
ReturnToService=2
MpiDefault=none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
MinJobAge=3600
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF=$dir/slurm.conf
  slurmctld -f "$SLURM_CONF" 2>"$dir/log/slurmctld.err" || fail "slurmctld did not start: $(tail -1 "$dir/log/slurmctld.err")"
  slurmd -f "$SLURM_CONF" 2>"$dir/log/slurmd.err" || fail "slurmd did not start: $(tail -1 "$dir/log/slurmd.err")"
  for _ in $(seq 60); do
    state=$(sinfo -h -n "$host" -o %t 2>/dev/null)
    [[ $state == idle ]] && { echo "$SLURM_CONF"; return 0; }
    sleep 0.5
  done
  fail "node $host not idle after 30 s (sinfo: ${state:-no answer}; $(tail -1 "$dir/log/slurmctld.log" 2>/dev/null))"
}

case $cmd in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
