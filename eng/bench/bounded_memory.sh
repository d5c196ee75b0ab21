#!/usr/bin/env bash
# Peak memory and wall time of `modelgates profile` and of `modelgates drift` against a stored reference profile,
# against the row count: CSVs of 1M, 3M, 10M and 100M rows × 30 columns (eng/bench/generate_data.py, written block
# by block so the generator's memory stays bounded too). The 100M-row file (~19 GB) is the 10M-row file's rows ten
# times over, written streaming, and deleted afterwards. Prints a Markdown table for docs/benchmarks.md.
#
# Usage: [MODELGATES_BUILD=tool|jit] [BEFORE_CLI=path/to/old/modelgates.dll] eng/bench/bounded_memory.sh [ROWS...]
#   (default rows: 1000000 3000000 10000000 100000000). With BEFORE_CLI, the 1M-row runs are repeated with that
#   build too, for a before/after comparison of the speed of the exact in-memory path.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${BENCH_DIR:-/tmp/modelgates-bench}/bounded"
mkdir -p "$WORK"
ROWS=("$@")
[ ${#ROWS[@]} -gt 0 ] || ROWS=(1000000 3000000 10000000 100000000)
CLI=$("$ROOT/eng/bench/cli_build.sh")
PY=/usr/bin/python3

measure() { # prints "wall_s peak_rss_kb"; drift's exit code 1 (drift found) is a result
  /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || [ $? -eq 1 ] || { cat "$WORK/stderr.txt" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] } /Maximum resident/ { m = $2 } END { printf "%.1f %d\n", s, m }' "$WORK/time.txt"
}

data() { # the current file of $1 rows (shift 0.05 from the reference)
  local n=$1 f="$WORK/cur_$1.csv"
  if [ ! -f "$f" ]; then
    if [ "$n" -gt 10000000 ] && [ $((n % 10000000)) -eq 0 ]; then
      local base; base=$(data 10000000)
      { cat "$base"; for _ in $(seq 2 $((n / 10000000))); do tail -n +2 "$base"; done; } > "$f.tmp" && mv "$f.tmp" "$f"
    else
      $PY "$ROOT/eng/bench/generate_data.py" "$n" "$f.tmp" --seed 7 --shift 0.05 --block-rows 1000000 && mv "$f.tmp" "$f"
    fi
  fi
  echo "$f"
}

REF="$WORK/ref_1000000.csv"
[ -f "$REF" ] || $PY "$ROOT/eng/bench/generate_data.py" 1000000 "$REF" --seed 42
PROFILE="$WORK/ref_1000000.profile.json"
dotnet "$CLI" profile "$REF" -o "$PROFILE" 2>/dev/null

echo "| rows | CSV size | profile: wall s | profile: peak RSS MB | drift vs profile: wall s | drift vs profile: peak RSS MB |"
echo "|---|---|---|---|---|---|"
for n in "${ROWS[@]}"; do
  f=$(data "$n")
  size=$(du -BM "$f" | cut -f1)
  read -r pw pm < <(measure dotnet "$CLI" profile "$f" -o "$WORK/cur_$n.profile.json")
  read -r dw dm < <(measure dotnet "$CLI" drift --reference "$PROFILE" --current "$f" --format json)
  printf "| %'d | %s | %s | %d | %s | %d |\n" "$n" "$size" "$pw" $((pm / 1024)) "$dw" $((dm / 1024))
  [ "$n" -le 10000000 ] || rm -f "$f"
done

if [ -n "${BEFORE_CLI:-}" ]; then
  f=$(data 1000000)
  echo
  echo "| 1M rows, median of 3 | profile: wall s | profile: peak RSS MB | drift vs profile: wall s | drift vs profile: peak RSS MB |"
  echo "|---|---|---|---|---|"
  for build in before after; do
    cli=$CLI; [ "$build" = before ] && cli=$BEFORE_CLI
    : > "$WORK/runs.txt"
    for _ in 1 2 3; do
      read -r pw pm < <(measure dotnet "$cli" profile "$f" -o "$WORK/p.json")
      read -r dw dm < <(measure dotnet "$cli" drift --reference "$PROFILE" --current "$f" --format json)
      echo "$pw $pm $dw $dm" >> "$WORK/runs.txt"
    done
    med() { cut -d' ' -f"$1" "$WORK/runs.txt" | sort -g | sed -n 2p; }
    echo "| $build | $(med 1) | $(( $(med 2) / 1024 )) | $(med 3) | $(( $(med 4) / 1024 )) |"
  done
fi
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GB RAM"
