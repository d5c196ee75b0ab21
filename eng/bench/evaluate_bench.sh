#!/usr/bin/env bash
# End-to-end benchmark of `modelgates evaluate --predictions`: read a 1,000,000-row predictions CSV, every binary
# metric, 1,000 bootstrap resamples of all of them, JSON out; side by side with scikit-learn doing the same
# metrics and bootstrap in one Python process (eng/bench/metrics_sklearn.py), timed as whole processes
# (start-up and CSV read included on both sides). The machine is shared: we report wall and CPU time
# (user + sys) of each repetition, their medians, and the load average before each run.
#
#   bash eng/bench/evaluate_bench.sh [ROWS=1000000] [REPS=5] [SKLEARN_RESAMPLES=1000]
#
# scikit-learn needs minutes per 100 resamples at 1M rows; SKLEARN_RESAMPLES below 1000 measures fewer
# resamples and extrapolates the resample part linearly (printed as such).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
REPS=${2:-5}
SK_RESAMPLES=${3:-1000}
OUT=eng/bench/out
CSV=$OUT/evaluate_bench.csv
mkdir -p "$OUT"
[ -f "$CSV" ] || /usr/bin/python3 eng/bench/evaluate_data.py "$ROWS" "$CSV"
dotnet build src/Cli -c Release -nologo -v:q >/dev/null
CLI=src/Cli/bin/Release/net10.0/modelgates.dll

measure() { # prints: wall_s cpu_s
  /usr/bin/time -f "%e %U %S" -o "$OUT/time.txt" "$@" >"$OUT/last.out" 2>"$OUT/last.err"
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$OUT/time.txt"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "rows=$ROWS reps=$REPS cores=$(nproc) $(dotnet --version) sklearn=$(/usr/bin/python3 -c 'import sklearn; print(sklearn.__version__)')"
: >"$OUT/mg.txt"
for i in $(seq "$REPS"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  r=$(measure dotnet "$CLI" evaluate --predictions "$CSV" --label label --score score --resamples 1000 --seed 1 --format json)
  echo "modelgates rep $i: wall/cpu $r s (load $load)"
  echo "$r" >>"$OUT/mg.txt"
done
cp "$OUT/last.out" "$OUT/evaluate_result.json"
MG_WALL=$(cut -d' ' -f1 "$OUT/mg.txt" | median)
MG_CPU=$(cut -d' ' -f2 "$OUT/mg.txt" | median)
echo "modelgates median: wall $MG_WALL s, cpu $MG_CPU s"

load=$(cut -d' ' -f1 /proc/loadavg)
r=$(measure /usr/bin/python3 eng/bench/metrics_sklearn.py --csv "$CSV" --resamples "$SK_RESAMPLES" --progress 10)
echo "scikit-learn ($SK_RESAMPLES resamples): wall/cpu $r s (load $load)"
grep -E "point metrics|elapsed|cpu time" "$OUT/last.out"
SK_WALL=$(echo "$r" | cut -d' ' -f1)
SK_CPU=$(echo "$r" | cut -d' ' -f2)
awk -v w="$SK_WALL" -v c="$SK_CPU" -v n="$SK_RESAMPLES" -v mw="$MG_WALL" -v mc="$MG_CPU" -v out="$OUT/last.out" 'BEGIN {
  while ((getline line < out) > 0) {
    if (line ~ /^point metrics/) { split(line, p, " "); point = p[3] }
    if (line ~ /^elapsed/) { split(line, e, ": "); split(e[2], f, " "); loop = f[1] - point }
  }
  scale = 1000 / n
  ew = w + loop * (scale - 1); ec = c + loop * (scale - 1)
  printf "scikit-learn for 1000 resamples%s: wall %.1f s, cpu %.1f s\n", (n < 1000 ? " (resample time extrapolated linearly)" : ""), ew, ec
  printf "speed-up: wall %.1fx, cpu %.1fx\n", ew / mw, ec / mc
}'
