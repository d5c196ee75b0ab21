#!/usr/bin/env bash
# Times the label-error check (5-fold LightGBM out-of-fold probabilities + confident learning) on a 100k-row
# file generated from the credit sample (eng/bench/label_errors_data.py, seeded). Records wall, CPU and peak memory.
# Usage: eng/bench/label_errors.sh [rows] [trainer]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ROWS="${1:-100000}"
TRAINER="${2:-lightGbm}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

/usr/bin/python3 "$ROOT/eng/bench/label_errors_data.py" "$ROWS" "$WORK/credit.csv"
dotnet build "$ROOT/eng/bench/LabelErrors/LabelErrors.csproj" -c Release -o "$WORK/bin" -v quiet -nologo >/dev/null

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/ {print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "wall_s=%e user_s=%U sys_s=%S max_rss_kb=%M" \
  dotnet "$WORK/bin/ModelGates.Bench.LabelErrors.dll" "$WORK/credit.csv" Status "$TRAINER" 5
