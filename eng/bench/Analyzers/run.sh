#!/usr/bin/env bash
# Measures what ModelGates.Analyzers adds to a clean build of a large ML.NET project.
#
# Generates a project of FILES training-like source files (default 520) outside the repository, restores it
# once, then alternates clean builds (`dotnet build --no-restore --no-incremental`) without and with the
# analyzers, REPS times each (default 5). The analyzers are added as <Analyzer> items built from
# src/Analyzers in Release, exactly the two dlls the package ships. Reports median wall times, the added
# time in percent, and the compiler's own per-analyzer execution time (ReportAnalyzer) as a cross-check
# that is not disturbed by other load on the machine.
#
# Usage: eng/bench/Analyzers/run.sh [--files N] [--reps N] [--out DIR]
set -euo pipefail

FILES=520
REPS=5
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
OUT="$REPO/eng/bench/out/analyzers"
WORK="${TMPDIR:-/tmp}/modelgates-analyzer-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --files) FILES="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
# Build servers off: every build starts its own compiler, so no run profits from another's warm server
# and nothing is left running afterwards.
BUILD_FLAGS=(--no-restore --no-incremental --disable-build-servers -nodeReuse:false -v:q -clp:NoSummary)

echo "== building the analyzers (Release)"
dotnet build "$REPO/src/Analyzers/ModelGates.Analyzers.csproj" -c Release --disable-build-servers -nodeReuse:false -v:q -clp:NoSummary
ANALYZERS_DIR="$REPO/src/Analyzers/bin/Release/netstandard2.0"
CODEFIXES_DIR="$REPO/src/Analyzers.CodeFixes/bin/Release/netstandard2.0"

echo "== generating $FILES files in $WORK"
rm -rf "$WORK"
mkdir -p "$WORK/src" "$OUT"
cat > "$WORK/Bench.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);NU1603</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.ML" Version="5.0.1" />
    <PackageReference Include="Microsoft.ML.FastTree" Version="5.0.1" />
    <PackageReference Include="Microsoft.ML.LightGbm" Version="5.0.1" />
  </ItemGroup>
  <ItemGroup Condition="'\$(UseModelGatesAnalyzers)' == 'true'">
    <Analyzer Include="$ANALYZERS_DIR/ModelGates.Analyzers.dll" />
    <Analyzer Include="$CODEFIXES_DIR/ModelGates.Analyzers.CodeFixes.dll" />
  </ItemGroup>
</Project>
EOF
# Stop the generated project from picking up any Directory.Build.* above the temp folder.
printf '<Project />\n' > "$WORK/Directory.Build.props"
printf '<Project />\n' > "$WORK/Directory.Build.targets"

trainer() {
  case $(( $1 % 6 )) in
    0) echo 'ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 16, numberOfTrees: 50)' ;;
    1) echo 'ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1, MaximumNumberOfIterations = 20 })' ;;
    2) echo 'ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options { Deterministic = true, ForceColumnWise = true, NumberOfIterations = 40 })' ;;
    3) echo 'ml.BinaryClassification.Trainers.LbfgsLogisticRegression()' ;;
    4) echo 'ml.BinaryClassification.Trainers.SdcaLogisticRegression()' ;;
    5) echo 'ml.BinaryClassification.Trainers.Gam()' ;;
  esac
}

for i in $(seq 1 "$FILES"); do
  if [ $(( i % 10 )) -eq 0 ]; then CONTEXT='new MLContext()'; else CONTEXT="new MLContext(seed: $i)"; fi
  cat > "$WORK/src/Model$i.cs" <<EOF
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace Bench.Models.M$i;

public sealed class Input$i
{
    [LoadColumn(0)] public float Age { get; set; }
    [LoadColumn(1)] public float Income { get; set; }
    [LoadColumn(2)] public float Debt { get; set; }
    [LoadColumn(3)] public float Tenure { get; set; }
    [LoadColumn(4)] public string Region { get; set; } = "";
    [LoadColumn(5)] public string Product { get; set; } = "";
    [LoadColumn(6)] public bool Label { get; set; }
}

public sealed class Prediction$i
{
    [ColumnName("PredictedLabel")] public bool Predicted { get; set; }
    public float Score { get; set; }
    public float Probability { get; set; }
}

public static class Training$i
{
    private static readonly string[] Numeric = { nameof(Input$i.Age), nameof(Input$i.Income), nameof(Input$i.Debt), nameof(Input$i.Tenure) };

    public static IEstimator<ITransformer> Build(MLContext ml) =>
        ml.Transforms.Categorical.OneHotEncoding(new[] { new InputOutputColumnPair("RegionKey", nameof(Input$i.Region)), new InputOutputColumnPair("ProductKey", nameof(Input$i.Product)) })
            .Append(ml.Transforms.ReplaceMissingValues(Numeric.Select(name => new InputOutputColumnPair(name)).ToArray()))
            .Append(ml.Transforms.Concatenate("Features", Numeric.Concat(new[] { "RegionKey", "ProductKey" }).ToArray()))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append($(trainer "$i"));

    public static IReadOnlyList<Input$i> Clean(IEnumerable<Input$i> rows) => rows
        .Where(row => !float.IsNaN(row.Income) && row.Age is > 17 and < 100)
        .Select(row => { row.Debt = Math.Max(0, row.Debt); row.Region = row.Region.Trim().ToUpperInvariant(); return row; })
        .OrderBy(row => row.Region, StringComparer.Ordinal)
        .ThenBy(row => row.Income)
        .ToList();

    public static double Train(string path, string modelPath)
    {
        var ml = $CONTEXT;
        var raw = ml.Data.LoadFromTextFile<Input$i>(path, hasHeader: true, separatorChar: ',');
        var rows = Clean(ml.Data.CreateEnumerable<Input$i>(raw, reuseRowObject: false));
        var data = ml.Data.LoadFromEnumerable(rows);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
        var model = Build(ml).Fit(split.TrainSet);
        var metrics = ml.BinaryClassification.EvaluateNonCalibrated(model.Transform(split.TestSet));
        Report("model $i", metrics.Accuracy, metrics.AreaUnderRocCurve, metrics.F1Score);
        ml.Model.Save(model, split.TrainSet.Schema, modelPath);
        return metrics.AreaUnderRocCurve;
    }

    public static float Score(string modelPath, Input$i input)
    {
        var ml = new MLContext();
        var model = ml.Model.Load(modelPath, out _);
        var engine = ml.Model.CreatePredictionEngine<Input$i, Prediction$i>(model);
        return engine.Predict(input).Probability;
    }

    public static IDataView CrossValidationFolds(MLContext ml, IDataView data) =>
        ml.Data.CrossValidationSplit(data, numberOfFolds: 5, seed: $i)[0].TrainSet;

    private static void Report(string name, double accuracy, double auc, double f1)
    {
        var line = string.Format(CultureInfo.InvariantCulture, "{0}: accuracy={1:F4} auc={2:F4} f1={3:F4}", name, accuracy, auc, f1);
        if (auc < 0.5)
        {
            line += " (worse than chance)";
        }

        Console.WriteLine(line);
    }
}
EOF
done

echo "== restoring"
dotnet restore "$WORK/Bench.csproj" --disable-build-servers -v:q

# Prints "<wall seconds> <cpu seconds>": CPU is user+sys of the whole build process tree (dotnet, MSBuild
# nodes, csc), which other load on a shared machine disturbs far less than wall time.
build_seconds() {
  local use="$1"
  local TIMEFORMAT='%R %U %S'
  local times
  times=$( { time dotnet build "$WORK/Bench.csproj" "${BUILD_FLAGS[@]}" -p:UseModelGatesAnalyzers="$use" > "$OUT/last-build-$use.log" 2>&1 || { cat "$OUT/last-build-$use.log" >&2; exit 1; } ; } 2>&1 )
  echo "$times" | awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }'
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "== warm-up build (not counted)"
build_seconds false > /dev/null
build_seconds true > /dev/null

: > "$OUT/without.txt"
: > "$OUT/with.txt"
for rep in $(seq 1 "$REPS"); do
  # Alternate the order so a slow phase of the machine hits both sides alike.
  if [ $(( rep % 2 )) -eq 1 ]; then order="false true"; else order="true false"; fi
  for use in $order; do
    result=$(build_seconds "$use")
    if [ "$use" = true ]; then echo "$result" >> "$OUT/with.txt"; else echo "$result" >> "$OUT/without.txt"; fi
    printf '  rep %d analyzers=%-5s wall %7.2f s  cpu %7.2f s\n' "$rep" "$use" ${result}
  done
done

WITHOUT=$(cut -d' ' -f1 "$OUT/without.txt" | median)
WITH=$(cut -d' ' -f1 "$OUT/with.txt" | median)
WITHOUT_CPU=$(cut -d' ' -f2 "$OUT/without.txt" | median)
WITH_CPU=$(cut -d' ' -f2 "$OUT/with.txt" | median)
percent() { awk -v with="$1" -v without="$2" 'BEGIN { printf "%+.2f\n", (with - without) / without * 100 }'; }
ADDED=$(percent "$WITH" "$WITHOUT")
ADDED_CPU=$(percent "$WITH_CPU" "$WITHOUT_CPU")

echo "== compiler-reported analyzer time (ReportAnalyzer, one more build with the analyzers)"
dotnet build "$WORK/Bench.csproj" --no-restore --no-incremental --disable-build-servers -nodeReuse:false -v:d -p:UseModelGatesAnalyzers=true -p:ReportAnalyzer=true > "$OUT/report-analyzer.log" 2>&1
# Per-assembly and per-rule lines of the compiler's report: "<seconds> <percent> <name>".
grep -E '^\s*(Total analyzer execution time|<?[0-9.]+\s+<?[0-9]+\s+(ModelGates|Microsoft\.CodeAnalysis\.(CSharp\.)?NetAnalyzers,))' "$OUT/report-analyzer.log" | sed 's/^ *//' | sort -u > "$OUT/report-analyzer.txt" || true
WARNINGS=$(grep -oE 'warning MG10[0-9]{2}' "$OUT/last-build-true.log" | sort | uniq -c | tr -s ' ' | paste -sd, - || true)

{
  echo "ModelGates.Analyzers build-time benchmark"
  echo "files=$FILES reps=$REPS machine: $(nproc) cores, SDK $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
  echo "median clean build wall time without analyzers: $(printf '%.2f' "$WITHOUT") s   (runs: $(cut -d' ' -f1 "$OUT/without.txt" | paste -sd' ' -))"
  echo "median clean build wall time with analyzers:    $(printf '%.2f' "$WITH") s   (runs: $(cut -d' ' -f1 "$OUT/with.txt" | paste -sd' ' -))"
  echo "median build CPU time without analyzers: $(printf '%.2f' "$WITHOUT_CPU") s   (runs: $(cut -d' ' -f2 "$OUT/without.txt" | paste -sd' ' -))"
  echo "median build CPU time with analyzers:    $(printf '%.2f' "$WITH_CPU") s   (runs: $(cut -d' ' -f2 "$OUT/with.txt" | paste -sd' ' -))"
  echo "added wall time: $ADDED %"
  echo "added CPU time:  $ADDED_CPU %"
  echo "diagnostics reported with analyzers: $WARNINGS"
  echo "compiler-reported analyzer execution time (seconds, % of all analyzers):"
  sed 's/^/  /' "$OUT/report-analyzer.txt"
} | tee "$OUT/summary.txt"
