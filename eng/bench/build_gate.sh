#!/usr/bin/env bash
# What a drift gate over a 1M × 30 CSV pair costs inside `dotnet build`: builds of samples/CreditRisk
# pointed at a modelgates.json with that one gate (its target forced to run by touching the config), against
# the same builds with -p:ModelGatesEnabled=false, and against the engine alone (`modelgates check` with the
# arguments the build's task passes). Alternating runs; medians of wall and CPU time (user + sys of the whole
# process tree) and peak RSS, and the load average.
#
# Usage: eng/bench/build_gate.sh [ROWS] [RUNS] [SHIFT]     (defaults: 1000000 5 0.05)
# Data is shared with drift_vs_scipy.sh in $BENCH_DIR (default /tmp/modelgates-bench).
set -euo pipefail

ROWS=${1:-1000000}
RUNS=${2:-5}
SHIFT=${3:-0.05}
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK=${BENCH_DIR:-/tmp/modelgates-bench}
PY=/usr/bin/python3
REF="$WORK/ref_${ROWS}.csv"
CUR="$WORK/cur_${ROWS}_${SHIFT}.csv"
GATE="$WORK/build_gate_${ROWS}_${SHIFT}"
mkdir -p "$GATE"
[ -f "$REF" ] || $PY "$ROOT/eng/bench/generate_data.py" "$ROWS" "$REF" --seed 1
[ -f "$CUR" ] || $PY "$ROOT/eng/bench/generate_data.py" "$ROWS" "$CUR" --seed 2 --shift "$SHIFT"
CONFIG="$GATE/modelgates.json"
cat > "$CONFIG" <<JSON
{
  "schemaVersion": 1,
  "datasets": { "reference": { "path": "$REF" }, "current": { "path": "$CUR" } },
  "drift": { "scoring": { "reference": "reference", "current": "current" } }
}
JSON

PROJECT="$ROOT/samples/CreditRisk"
ENGINE="$ROOT/src/Cli/bin/Release/net10.0/modelgates.dll"
# The task runs in MSBuild's own process, as from the ModelGates.Build package (the sample's default task host
# exists only so that a task built from source is never locked by a reused node; no node is reused here).
BUILD=(dotnet build "$PROJECT" -c Release --no-restore --disable-build-servers -nologo -v quiet "-p:ModelGatesConfig=$CONFIG" -p:ModelGatesTaskHost=false)

# One measured command: prints "wall cpu rss_kb". A failing gate (exit 1) is a result, not a failure.
measure() {
    set +e
    /usr/bin/time -f "%e %U %S %M" -o "$GATE/time.txt" "$@" >"$GATE/out.txt" 2>&1
    local code=$?
    set -e
    if [ "$code" -gt 1 ]; then
        echo "command failed with exit code $code: $*" >&2
        cat "$GATE/out.txt" >&2
        exit 1
    fi
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$GATE/time.txt"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

dotnet build "$PROJECT" -c Release -nologo -v quiet "-p:ModelGatesConfig=$CONFIG" >/dev/null 2>&1 || true   # restore, compile, engine built
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A WALL CPU RSS
for run in $(seq 1 "$RUNS"); do
    for side in gates off engine; do
        case $side in
            gates) touch "$CONFIG"; result=$(measure "${BUILD[@]}") ;;
            off) result=$(measure "${BUILD[@]}" -p:ModelGatesEnabled=false) ;;
            engine) result=$(measure dotnet "$ENGINE" check --config "$CONFIG" --format msbuild --report-dir "$GATE/report" --diagnostics-file "$GATE/report/modelgates.diagnostics.tsv") ;;
        esac
        read -r wall cpu rss <<<"$result"
        WALL[$side]+="$wall "; CPU[$side]+="$cpu "; RSS[$side]+="$rss "
        echo "run $run $side: ${wall}s wall, ${cpu}s cpu, ${rss} KB" >&2
    done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

stat() { tr ' ' '\n' <<<"$1" | grep -v '^$' | median; }
echo
echo "A drift gate over $ROWS × 30 rows per side in \`dotnet build -c Release\` of samples/CreditRisk; median of $RUNS runs."
echo "Machine: $(nproc) cores; load average before: $LOAD_BEFORE, after: $LOAD_AFTER."
echo
echo "| side | wall s | CPU s | peak RSS MB |"
echo "|---|---|---|---|"
for side in gates off engine; do
    case $side in
        gates) name="dotnet build, gates run" ;;
        off) name="dotnet build, ModelGatesEnabled=false" ;;
        engine) name="modelgates check alone (the task's arguments)" ;;
    esac
    awk -v n="$name" -v w="$(stat "${WALL[$side]}")" -v c="$(stat "${CPU[$side]}")" -v r="$(stat "${RSS[$side]}")" \
        'BEGIN { printf "| %s | %.2f | %.2f | %.0f |\n", n, w, c, r / 1024 }'
done
awk -v gw="$(stat "${WALL[gates]}")" -v ow="$(stat "${WALL[off]}")" -v ew="$(stat "${WALL[engine]}")" \
    -v gc="$(stat "${CPU[gates]}")" -v oc="$(stat "${CPU[off]}")" -v ec="$(stat "${CPU[engine]}")" \
    'BEGIN { printf "\nThe gates add %.2f s wall (%.2f s CPU) to the build; the engine alone takes %.2f s wall (%.2f s CPU): %.2f× (wall).\n", gw - ow, gc - oc, ew, ec, (gw - ow) / ew }'
