#!/usr/bin/env bash
# Drift of a reference/current CSV pair (30 columns) with modelgates, side by side with pandas + SciPy
# doing the per-column tests Evidently runs (eng/bench/drift_scipy.py), and modelgates against a stored
# reference profile; both also as a drift gate of a modelgates.json run by `modelgates check` exactly as
# `dotnet build` runs it (--format msbuild --report-dir: diagnostics file, JSON, Markdown and HTML reports). Each side runs RUNS times, alternating, so that all see the same machine load;
# the table reports medians of wall time and of CPU time (user + sys, less sensitive to a shared
# machine), peak RSS, and the load average before and after.
#
# Usage: [MODELGATES_BUILD=tool|jit] eng/bench/drift_vs_scipy.sh [ROWS] [RUNS] [SHIFT]     (defaults: 1000000 3 0.05)
# Needs /usr/bin/python3 with numpy, pandas and scipy, and /usr/bin/time. Data goes to $BENCH_DIR
# (default /tmp/modelgates-bench) and is reused when present.
set -euo pipefail

ROWS=${1:-1000000}
RUNS=${2:-3}
SHIFT=${3:-0.05}
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK=${BENCH_DIR:-/tmp/modelgates-bench}
PY=/usr/bin/python3
mkdir -p "$WORK"
REF="$WORK/ref_${ROWS}.csv"
CUR="$WORK/cur_${ROWS}_${SHIFT}.csv"
PROFILE="$WORK/ref_${ROWS}.profile.json"

[ -f "$REF" ] || $PY "$ROOT/eng/bench/generate_data.py" "$ROWS" "$REF" --seed 1
[ -f "$CUR" ] || $PY "$ROOT/eng/bench/generate_data.py" "$ROWS" "$CUR" --seed 2 --shift "$SHIFT"

# The CLI as the installed tool runs it (ReadyToRun); MODELGATES_BUILD=jit for the plain build (eng/bench/cli_build.sh).
CLI=(dotnet "$("$ROOT/eng/bench/cli_build.sh")")

# One measured command: prints "wall cpu rss_kb"; drift's exit code 1 (drift found) is a result, not a failure.
measure() {
    local out="$WORK/time.txt"
    set +e
    /usr/bin/time -f "%e %U %S %M" -o "$out" "$@" >/dev/null 2>"$WORK/stderr.txt"
    local code=$?
    set -e
    if [ "$code" -gt 1 ]; then
        echo "command failed with exit code $code: $*" >&2
        cat "$WORK/stderr.txt" >&2
        exit 1
    fi
    tail -n 1 "$out" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# One drift gate over the same pair, against the raw reference and against the profile. The peer runs per-column
# tests only, so the like-for-like sides switch the dataset-level multivariate checks off ("multivariate": "off");
# the "rawmv" gate keeps the default (both checks on a 10,000-row sample a side) to show what they add.
CHECK="$WORK/check_${ROWS}_${SHIFT}"
mkdir -p "$CHECK/raw" "$CHECK/rawmv" "$CHECK/profile"
for kind in raw rawmv profile; do
    reference='"reference"'
    [ "$kind" = profile ] && reference="\"$PROFILE\""
    multivariate=', "multivariate": "off"'
    [ "$kind" = rawmv ] && multivariate=''
    [ "$kind" = profile ] && multivariate=
    cat > "$CHECK/$kind/modelgates.json" <<JSON
{
  "schemaVersion": 1,
  "datasets": { "reference": { "path": "$REF" }, "current": { "path": "$CUR" } },
  "drift": { "scoring": { "reference": $reference, "current": "current"$multivariate } }
}
JSON
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
read -r PROFILE_WALL PROFILE_CPU PROFILE_RSS < <(measure "${CLI[@]}" profile "$REF" -o "$PROFILE")

declare -A WALL CPU RSS
for run in $(seq 1 "$RUNS"); do
    for side in ours check checkmv profile checkprofile scipy; do
        case $side in
            ours) result=$(measure "${CLI[@]}" drift --reference "$REF" --current "$CUR" --multivariate off --format json) ;;
            check) result=$(measure "${CLI[@]}" check --config "$CHECK/raw/modelgates.json" --format msbuild --report-dir "$CHECK/raw/report") ;;
            checkmv) result=$(measure "${CLI[@]}" check --config "$CHECK/rawmv/modelgates.json" --format msbuild --report-dir "$CHECK/rawmv/report") ;;
            profile) result=$(measure "${CLI[@]}" drift --reference "$PROFILE" --current "$CUR" --format json) ;;
            checkprofile) result=$(measure "${CLI[@]}" check --config "$CHECK/profile/modelgates.json" --format msbuild --report-dir "$CHECK/profile/report") ;;
            scipy) result=$(measure $PY "$ROOT/eng/bench/drift_scipy.py" "$REF" "$CUR") ;;
        esac
        read -r wall cpu rss <<<"$result"
        WALL[$side]+="$wall "
        CPU[$side]+="$cpu "
        RSS[$side]+="$rss "
        echo "run $run $side: ${wall}s wall, ${cpu}s cpu, ${rss} KB" >&2
    done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

stat() { tr ' ' '\n' <<<"$1" | grep -v '^$' | median; }
row() {
    local name=$1 side=$2
    local wall cpu rss
    wall=$(stat "${WALL[$side]}")
    cpu=$(stat "${CPU[$side]}")
    rss=$(stat "${RSS[$side]}")
    local scipy_wall scipy_cpu scipy_rss
    scipy_wall=$(stat "${WALL[scipy]}")
    scipy_cpu=$(stat "${CPU[scipy]}")
    scipy_rss=$(stat "${RSS[scipy]}")
    awk -v n="$name" -v w="$wall" -v c="$cpu" -v r="$rss" -v sw="$scipy_wall" -v sc="$scipy_cpu" -v sr="$scipy_rss" \
        'BEGIN { printf "| %s | %.1f | %.1f | %.0f | %.1f× | %.1f× | %.2f× |\n", n, w, c, r / 1024, sw / w, sc / c, r / sr }'
}

echo
echo "Drift of $ROWS rows × 30 columns (20 numeric, 10 categorical), current shifted by $SHIFT σ; median of $RUNS runs."
echo "Machine: $(nproc) cores; load average (1, 5, 15 min) before: $LOAD_BEFORE, after: $LOAD_AFTER."
echo "modelgates build: ${MODELGATES_BUILD:-tool} (${CLI[*]})."
echo
echo "| side | wall s | CPU s | peak RSS MB | speed-up (wall) | speed-up (CPU) | RSS vs pandas |"
echo "|---|---|---|---|---|---|---|"
row "pandas + SciPy (ks, chi-squared)" scipy
row "modelgates drift, raw reference (multivariate off)" ours
row "modelgates check (a drift gate, as dotnet build runs it), raw reference (multivariate off)" check
row "modelgates check, raw reference, default multivariate checks (10,000-row samples)" checkmv
row "modelgates drift, reference profile" profile
row "modelgates check (a drift gate, as dotnet build runs it), reference profile" checkprofile
echo
versus() {
    awk -v n="$1" -v cw="$(stat "${WALL[$2]}")" -v dw="$(stat "${WALL[$3]}")" -v cr="$(stat "${RSS[$2]}")" -v dr="$(stat "${RSS[$3]}")" \
        'BEGIN { printf "check vs drift, %s: %.2f× the time, %.2f× the memory.\n", n, cw / dw, cr / dr }'
}
versus "raw reference" check ours
versus "reference profile" checkprofile profile
awk -v w="$PROFILE_WALL" -v c="$PROFILE_CPU" -v r="$PROFILE_RSS" 'BEGIN { printf "Writing the reference profile once (modelgates profile): %.1f s wall, %.1f s CPU, %.0f MB.\n", w, c, r / 1024 }'
