#!/usr/bin/env bash
# Measures what the ModelGates.Analyzers package adds to a clean build of a large ML.NET project.
#
# One generated project of FILES source files (default 520, see generate.sh: 1 file in TRAIN_EVERY is a
# training pipeline, the rest scoring and plain application code; --train-every 1 is the worst case where
# every file trains), compiled by two project files that differ only in one line:
#
#   without/Bench.csproj   Microsoft.ML + FastTree + LightGbm, the SDK defaults (its .NET analyzers and
#                          source generators run, as in every user project)
#   with/Bench.csproj      the same + <PackageReference Include="ModelGates.Analyzers"> from a local feed
#                          (the packed package, both dlls as the package ships them)
#
# Both are restored once, built once to warm up, then clean-built (`dotnet build -c Release --no-restore
# --no-incremental`, build servers and node reuse off, one node) REPS times each, alternating A B B A ...
# Reported: median wall time and median CPU time (user+sys of the whole build process tree, from
# /usr/bin/time), the load average at each run, and one more build of each side with ReportAnalyzer for the
# compiler's per-analyzer times and the Csc task time.
#
# --sliced runs each pair's two builds at the same time in alternating 50 ms slices (slice.py: only one of them
# runs at any moment), both pinned to the cores of --cpus (default 0, one core). On a shared virtual machine a
# core's speed moves by 20-50 % within a minute, so builds run one after the other differ by more than the
# analyzers add; interleaved, the two builds of a pair share every fast and slow phase, and pinned to one core
# neither varies with how its threads happen to spread over two. Without --sliced the builds alternate
# A B B A as before, on all cores. Either way the summary gives the per-pair differences of CPU time.
#
# Usage: eng/bench/Analyzers/run.sh [--files N] [--reps N] [--train-every N] [--out DIR] [--sliced] [--cpus LIST]
set -euo pipefail

FILES=520
REPS=5
TRAIN_EVERY=5
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
OUT="$REPO/eng/bench/out/analyzers"
SLICED=0
CPUS=0
WORK="${TMPDIR:-/tmp}/modelgates-analyzer-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --files) FILES="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --train-every) TRAIN_EVERY="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --sliced) SLICED=1; shift ;;
    --cpus) CPUS="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
# Build servers off: every build starts its own compiler, so no run profits from another's warm server and
# nothing is left running afterwards. One node: the whole build is one process tree that /usr/bin/time sees.
BUILD_FLAGS=(-c Release --no-restore --no-incremental --disable-build-servers -nodeReuse:false -m:1 -v:q -clp:NoSummary)
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

VERSION="0.0.0-bench.$(date -u +%Y%m%d%H%M%S)"
PACKAGES="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
cleanup() { rm -rf "$PACKAGES/modelgates.analyzers/$VERSION"; }
trap cleanup EXIT
trap "exit 130" INT TERM

rm -rf "$WORK"
mkdir -p "$WORK/feed" "$WORK/without" "$WORK/with" "$OUT"

echo "== packing ModelGates.Analyzers $VERSION (Release)"
dotnet pack "$REPO/src/Analyzers/ModelGates.Analyzers.csproj" -c Release -o "$WORK/feed" -p:Version="$VERSION" \
  --disable-build-servers -nodeReuse:false -v:q -clp:NoSummary > "$OUT/pack.log" 2>&1 || { cat "$OUT/pack.log" >&2; exit 1; }

echo "== generating $FILES files (1 in $TRAIN_EVERY training code) in $WORK/src"
"$REPO/eng/bench/Analyzers/generate.sh" "$WORK/src" "$FILES" "$TRAIN_EVERY"

cat > "$WORK/NuGet.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="bench" value="$WORK/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
</configuration>
EOF
# Nothing above the temp folder leaks in.
printf '<Project />\n' > "$WORK/Directory.Build.props"
printf '<Project />\n' > "$WORK/Directory.Build.targets"
project() {
  cat <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="../src/*.cs" />
    <PackageReference Include="Microsoft.ML" Version="5.0.1" />
    <PackageReference Include="Microsoft.ML.FastTree" Version="5.0.1" />
    <PackageReference Include="Microsoft.ML.LightGbm" Version="5.0.1" />
$1
  </ItemGroup>
</Project>
EOF
}
project "" > "$WORK/without/Bench.csproj"
project "    <PackageReference Include=\"ModelGates.Analyzers\" Version=\"$VERSION\" PrivateAssets=\"all\" />" > "$WORK/with/Bench.csproj"

echo "== restoring"
for side in without with; do
  dotnet restore "$WORK/$side/Bench.csproj" --disable-build-servers -v:q > "$OUT/restore-$side.log" 2>&1 || { cat "$OUT/restore-$side.log" >&2; exit 1; }
done

# Prints "<wall s> <cpu s> <load1>": CPU is user+sys of the build and every process it waited for (MSBuild,
# csc), which load from other processes on a shared machine disturbs far less than wall time.
build() {
  local side="$1" load
  load=$(cut -d' ' -f1 /proc/loadavg)
  "$TIME" -f '%e %U %S' -o "$OUT/time.txt" dotnet build "$WORK/$side/Bench.csproj" "${BUILD_FLAGS[@]}" > "$OUT/last-build-$side.log" 2>&1 \
    || { cat "$OUT/last-build-$side.log" >&2; exit 1; }
  awk -v load="$load" '{ printf "%.2f %.2f %s\n", $1, $2 + $3, load }' "$OUT/time.txt"
}

# Runs one build of each side in alternating slices (see the header); prints two lines, "<wall s> <cpu s> <load1>"
# for "without" then "with". FIRST says which side gets the first slice, alternated between pairs.
sliced_pair() {
  local first="$1" second=without load result pin=() cpu_first cpu_second wall_first wall_second
  [ "$first" = without ] && second=with
  load=$(cut -d' ' -f1 /proc/loadavg)
  [ "$CPUS" = all ] || pin=(taskset -c "$CPUS")
  command_for() { echo "${pin[*]} dotnet build '$WORK/$1/Bench.csproj' ${BUILD_FLAGS[*]} > '$OUT/last-build-$1.log' 2>&1"; }
  result=$(python3 "$REPO/eng/bench/Analyzers/slice.py" 50 bash -c "$(command_for "$first")" -- bash -c "$(command_for "$second")") \
    || { cat "$OUT/last-build-without.log" "$OUT/last-build-with.log" >&2; exit 1; }
  read -r cpu_first cpu_second wall_first wall_second <<< "$result"
  if [ "$first" = without ]; then
    printf '%s %s %s\n%s %s %s\n' "$wall_first" "$cpu_first" "$load" "$wall_second" "$cpu_second" "$load"
  else
    printf '%s %s %s\n%s %s %s\n' "$wall_second" "$cpu_second" "$load" "$wall_first" "$cpu_first" "$load"
  fi
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "== warm-up builds (not counted)"
build without > /dev/null
build with > /dev/null

: > "$OUT/without.txt"
: > "$OUT/with.txt"
for rep in $(seq 1 "$REPS"); do
  # A B, then B A: a slow phase of the machine hits both sides alike.
  if [ $(( rep % 2 )) -eq 1 ]; then order="without with"; else order="with without"; fi
  if [ "$SLICED" = 1 ]; then
    pair=$(sliced_pair "${order%% *}")
    { read -r _ without_cpu load; read -r _ with_cpu _; } <<< "$pair"
    echo "$pair" | sed -n 1p >> "$OUT/without.txt"
    echo "$pair" | sed -n 2p >> "$OUT/with.txt"
    printf '  rep %d sliced  cpu without %7.2f s  with %7.2f s  load %s\n' "$rep" "$without_cpu" "$with_cpu" "$load"
    continue
  fi
  for side in $order; do
    result=$(build "$side")
    echo "$result" >> "$OUT/$side.txt"
    printf '  rep %d %-7s wall %7.2f s  cpu %7.2f s  load %s\n' "$rep" "$side" $result
  done
done

echo "== compiler-reported times (ReportAnalyzer, one more build of each side)"
for side in without with; do
  dotnet build "$WORK/$side/Bench.csproj" -c Release --no-restore --no-incremental --disable-build-servers -nodeReuse:false -m:1 \
    -v:d -clp:PerformanceSummary -p:ReportAnalyzer=true > "$OUT/report-analyzer-$side.log" 2>&1
done
# "<seconds> <percent> <assembly>" lines of the analyzer section (before the generator section).
analyzer_lines() { awk '/Total analyzer execution time/ { on = 1 } /Total generator execution time/ { on = 0 } on' "$1" | grep -E '^\s*<?[0-9.]+\s+<?[0-9]+\s+[A-Za-z.]+, Version=' | sed -E 's/^ +//; s/, Version=[^ ]*.*$//' || true; }
total_analyzers() { grep -m1 -oE 'Total analyzer execution time: [0-9.]+' "$1" | grep -oE '[0-9.]+$' || echo 0; }
csc_task() { grep -E '^\s+[0-9]+ ms\s+Csc\s+[0-9]+ calls' "$1" | awk '{ printf "%.2f", $1 / 1000 }' || echo 0; }
mg_time() { analyzer_lines "$1" | awk '$3 == "ModelGates.Analyzers" { print $1 }'; }
WITH_LOG="$OUT/report-analyzer-with.log"
WITHOUT_LOG="$OUT/report-analyzer-without.log"
MG=$(mg_time "$WITH_LOG"); MG=${MG:-0}

col() { cut -d' ' -f"$1" "$OUT/$2.txt"; }
W_WALL=$(col 1 without | median); M_WALL=$(col 1 with | median)
W_CPU=$(col 2 without | median); M_CPU=$(col 2 with | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f (%+.1f %%)", a / b, (a - b) / b * 100 }'; }
# Per-pair CPU differences (with - without, rep by rep): median, mean and the mean's standard error, in seconds
# and in % of the median "without" CPU time.
DIFFS=$(paste -d' ' <(col 2 without) <(col 2 with) | awk '{ print $2 - $1 }')
PAIRED=$(echo "$DIFFS" | sort -g | awk -v base="$W_CPU" '
  { d[NR] = $1; sum += $1; sq += $1 * $1 }
  END {
    median = NR % 2 ? d[(NR + 1) / 2] : (d[NR / 2] + d[NR / 2 + 1]) / 2; mean = sum / NR
    se = NR > 1 ? sqrt((sq - NR * mean * mean) / (NR - 1) / NR) : 0
    printf "median %+.2f s (%+.1f %%), mean %+.2f s (%+.1f %%), standard error %.2f s (%.1f %%), %d pairs", median, median / base * 100, mean, mean / base * 100, se, se / base * 100, NR
  }')
# The console logger prints each warning twice (as it happens and again at the end): count distinct lines.
WARNINGS=$(grep -E 'warning MG10[0-9]{2}' "$OUT/last-build-with.log" | sort -u | grep -oE 'warning MG10[0-9]{2}' | sort | uniq -c | awk '{ printf "%s%s x%s", sep, $3, $1; sep = ", " }' || true)

{
  echo "ModelGates.Analyzers build-time benchmark"
  if [ "$SLICED" = 1 ]; then mode="run in pairs in alternating 50 ms slices, cpus $CPUS"; else mode="alternating A B B A, all cores"; fi
  echo "project: $FILES files, 1 in $TRAIN_EVERY training code; $REPS clean builds per side, $mode"
  echo "machine: $(nproc) cores, SDK $(dotnet --version), load average during the runs: $(cut -d' ' -f3 "$OUT/without.txt" "$OUT/with.txt" | sort -g | sed -n '1p;$p' | paste -sd- -) (1-min, at each run start)"
  echo
  printf '| %-38s | %10s | %10s | %-18s |\n' "" "without" "with" "with / without"
  printf '|%s|%s|%s|%s|\n' "----------------------------------------" "------------" "------------" "--------------------"
  # Sliced, a build's wall time is the time both builds of its pair took together: not a build time.
  [ "$SLICED" = 1 ] || printf '| %-38s | %8.2f s | %8.2f s | %-18s |\n' "median wall time, clean build" "$W_WALL" "$M_WALL" "$(ratio "$M_WALL" "$W_WALL")"
  printf '| %-38s | %8.2f s | %8.2f s | %-18s |\n' "median CPU time (user+sys), clean build" "$W_CPU" "$M_CPU" "$(ratio "$M_CPU" "$W_CPU")"
  printf '| %-38s | %8.2f s | %8.2f s | %-18s |\n' "Csc task (ReportAnalyzer build)" "$(csc_task "$WITHOUT_LOG")" "$(csc_task "$WITH_LOG")" ""
  printf '| %-38s | %8.2f s | %8.2f s | %-18s |\n' "all analyzers, summed (ReportAnalyzer)" "$(total_analyzers "$WITHOUT_LOG")" "$(total_analyzers "$WITH_LOG")" ""
  printf '| %-38s | %10s | %8.2f s | %-18s |\n' "ModelGates.Analyzers (ReportAnalyzer)" "-" "$MG" "$(awk -v m="$MG" -v c="$W_CPU" 'BEGIN { printf "%.1f %% of base CPU", m / c * 100 }')"
  echo
  echo "CPU with - without, per pair: $PAIRED"
  echo "runs (wall cpu load): without: $(paste -sd'|' "$OUT/without.txt")"
  echo "                      with:    $(paste -sd'|' "$OUT/with.txt")"
  echo "diagnostics reported with the analyzers: ${WARNINGS:-none}"
  echo "analyzer assemblies in the 'with' build (seconds, % of all analyzer time):"
  analyzer_lines "$WITH_LOG" | sed 's/^/  /'
} | tee "$OUT/summary.txt"
