#!/usr/bin/env bash
# A monitor over WEEKS weekly windows of ROWS rows (30 columns + a timestamp; eng/bench/monitor_data.py) against one
# `modelgates drift` of the reference against all WEEKS x ROWS rows at once, then a rerun after one new week lands.
# Prints wall and CPU (user + sys) seconds of each, their ratios, and the load average (the machine may be shared).
# Usage: [MODELGATES_BUILD=tool|jit] eng/bench/monitor_bench.sh [WEEKS] [ROWS]      (defaults 52 100000; needs numpy)
set -euo pipefail
WEEKS="${1:-52}"
ROWS="${2:-100000}"
cd "$(dirname "$0")/../.."
OUT="eng/bench/out/monitor_${WEEKS}x${ROWS}"
rm -rf "$OUT/batches" "$OUT/.modelgates"
mkdir -p "$OUT"
/usr/bin/python3 eng/bench/monitor_data.py "$OUT" "$WEEKS" "$ROWS"
CLI=$(MODELGATES_BUILD="${MODELGATES_BUILD:-jit}" eng/bench/cli_build.sh)

cat > "$OUT/modelgates.json" <<JSON
{
  "schemaVersion": 1,
  "datasets": {
    "reference": { "path": "reference.csv" },
    "production": { "path": "batches/*.csv" }
  },
  "monitors": {
    "bench": { "reference": "reference", "data": "production", "timestamp": "ts", "window": "7d", "minRows": 1000,
               "trigger": { "breaches": 2, "of": 3, "severity": "info" } }
  }
}
JSON

measure() { # label, command...: prints "label wall cpu"
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S" -o "$OUT/time.txt" "$@" >"$OUT/$label.out" 2>"$OUT/$label.err" || true
  # A command that exits non-zero (drift found) makes /usr/bin/time write a status line first: read the last line.
  tail -n 1 "$OUT/time.txt" | awk -v l="$label" '{ printf "%s %.2f %.2f\n", l, $1, $2 + $3 }'
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# The drift run reads the same rows as one dataset: every batch file through the same glob.
DRIFT=$(measure drift dotnet "$CLI" drift --reference "$OUT/reference.csv" --current "$OUT/batches/*.csv" --format json)
MONITOR=$(measure monitor dotnet "$CLI" monitor --config "$OUT/modelgates.json" --format json)
/usr/bin/python3 eng/bench/monitor_data.py "$OUT" 1 "$ROWS" --first-week "$WEEKS"
RERUN=$(measure rerun dotnet "$CLI" monitor --config "$OUT/modelgates.json" --format json)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

read -r _ DW DC <<<"$DRIFT"; read -r _ MW MC <<<"$MONITOR"; read -r _ RW RC <<<"$RERUN"
for run in monitor rerun; do
  /usr/bin/python3 -c 'import json, sys; m = json.load(open(sys.argv[1]))["monitors"][0]; print(sys.argv[2] + ":", m["windowsComputed"], "windows judged,", m["windowsReused"], "reused")' "$OUT/$run.out" "$run"
done
echo "| run | wall s | CPU s (user+sys) |"
echo "|---|---|---|"
echo "| modelgates drift, reference vs all $((WEEKS * ROWS)) rows | $DW | $DC |"
echo "| modelgates monitor, $WEEKS windows of $ROWS rows, empty history | $MW | $MC |"
echo "| modelgates monitor rerun, one new window | $RW | $RC |"
awk -v dw="$DW" -v dc="$DC" -v mw="$MW" -v mc="$MC" -v rw="$RW" -v rc="$RC" -v n="$WEEKS" 'BEGIN {
  printf "\nmonitor / drift: %.2fx wall, %.2fx CPU; rerun / (monitor / %d windows): %.2fx wall, %.2fx CPU\n", mw / dw, mc / dc, n, rw / (mw / n), rc / (mc / n) }'
echo "load average (1, 5, 15 min) before: $LOAD_BEFORE, after: $LOAD_AFTER; cores: $(nproc)"
echo "modelgates build: ${MODELGATES_BUILD:-jit} ($CLI)"
