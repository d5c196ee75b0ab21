#!/usr/bin/env bash
# CBPE and DLE (eng/bench/Estimation) against the numpy / scikit-learn peer (eng/bench/estimation_peer.py):
# reference 100,000 rows, one window of 1,000,000, alternating repetitions; prints every run's per-step wall and
# CPU seconds and the medians of CPU time. Usage: eng/bench/estimation_bench.sh [REPS]
set -euo pipefail
cd "$(dirname "$0")/../.."
reps="${1:-3}"
dotnet build eng/bench/Estimation -c Release -v quiet -nologo >/dev/null
out="$(mktemp -d)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for rep in $(seq 1 "$reps"); do
  dotnet eng/bench/Estimation/bin/Release/net10.0/ModelGates.Bench.Estimation.dll | tee -a "$out/modelgates.txt"
  OMP_NUM_THREADS=1 /usr/bin/python3 eng/bench/estimation_peer.py | tee -a "$out/peer.txt"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$out" <<'PY'
import re, statistics, sys
def medians(path):
    steps = {}
    for line in open(path):
        m = re.match(r"(\w+)\twall_s=([\d.]+)\tcpu_s=([\d.]+)", line)
        if m:
            steps.setdefault(m.group(1), []).append(float(m.group(3)))
    return {k: statistics.median(v) for k, v in steps.items()}
ours, peer = medians(sys.argv[1] + "/modelgates.txt"), medians(sys.argv[1] + "/peer.txt")
print("step\tmodelgates_cpu_s\tpeer_cpu_s\tratio(peer/modelgates)")
for step in ours:
    print(f"{step}\t{ours[step]:.3f}\t{peer[step]:.3f}\t{peer[step] / ours[step]:.2f}")
PY
