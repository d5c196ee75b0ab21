#!/usr/bin/env bash
# Cost of ModelGates in an unchanged (no-op) build of samples/CreditRisk: no-op builds with the gates on
# (their target is skipped as up to date) against no-op builds with -p:ModelGatesEnabled=false, alternating
# so that both see the same machine load. Prints medians of wall and CPU time (user + sys of the whole
# process tree) and the load average.
# Usage: eng/bench/msbuild_noop.sh [RUNS]     (default 7)
set -euo pipefail
RUNS=${1:-7}
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK=${BENCH_DIR:-/tmp/modelgates-bench}/noop
mkdir -p "$WORK"
PROJECT="$ROOT/samples/CreditRisk"

# No build servers or reused nodes: their CPU time would escape /usr/bin/time.
NOOP=(dotnet build "$PROJECT" --no-restore --disable-build-servers -nologo -v quiet)
measure() { # appends "wall cpu" to $1
  local file=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" "$@" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$WORK/time.txt" >> "$file"
}
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

dotnet build "$PROJECT" -nologo -v quiet >/dev/null                       # gates run once, stamp written
"${NOOP[@]}" -p:ModelGatesEnabled=false >/dev/null                               # warm the other configuration
: > "$WORK/on.txt"; : > "$WORK/off.txt"
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
for _ in $(seq 1 "$RUNS"); do
  measure "$WORK/on.txt" "${NOOP[@]}"
  grep -q "MG" "$WORK/build.log" && { echo "a no-op build printed diagnostics: the gates ran" >&2; exit 1; }
  measure "$WORK/off.txt" "${NOOP[@]}" -p:ModelGatesEnabled=false
done
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)

OW=$(cut -d' ' -f1 "$WORK/on.txt" | median);  OC=$(cut -d' ' -f2 "$WORK/on.txt" | median)
FW=$(cut -d' ' -f1 "$WORK/off.txt" | median); FC=$(cut -d' ' -f2 "$WORK/off.txt" | median)
echo "| no-op build of samples/CreditRisk | wall s | CPU s |"
echo "|---|---|---|"
echo "| gates enabled (target skipped, up to date) | $OW | $OC |"
echo "| ModelGatesEnabled=false | $FW | $FC |"
awk -v ow="$OW" -v fw="$FW" -v oc="$OC" -v fc="$FC" 'BEGIN { printf "\noverhead: %+.2f s wall (%+.1f%%), %+.2f s CPU (%+.1f%%)\n", ow - fw, 100 * (ow - fw) / fw, oc - fc, 100 * (oc - fc) / fc }'
echo "runs: $RUNS each, alternating; load average before/after: $LOAD_BEFORE / $LOAD_AFTER; nproc: $(nproc)"
