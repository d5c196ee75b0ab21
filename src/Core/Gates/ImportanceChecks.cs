using System.Globalization;
using ModelGates.Checks;
using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation.Baselines;
using ModelGates.Models.Importance;

namespace ModelGates.Gates;

/// <summary>
/// The checks on a model gate's permutation importances (docs/explainability.md): no forbidden column in the top k
/// (MG4050), and against the baseline's importances a rank correlation at least the minimum (MG4051) and at most
/// the allowed number of columns entering the top k (MG4052). Without baseline importances the shift checks are
/// reported as not run (MG4053, info), never failed.
/// </summary>
internal static class ImportanceChecks
{
    /// <summary>The baseline side of the shift: column → importance, the metric, and what it is.</summary>
    internal sealed record Baseline(IReadOnlyDictionary<string, double> Importances, string Metric, string Source);

    /// <summary>The baseline importances of a baseline file, or null when it holds none.</summary>
    public static Baseline? FromFile(BaselineMetrics? file, string path)
    {
        if (file?.Importances is not { } importances)
        {
            return null;
        }

        return new Baseline(
            importances.Columns.Where(c => c.Importance is not null).ToDictionary(c => c.Column, c => c.Importance!.Value, StringComparer.Ordinal),
            importances.Metric,
            $"baseline {Data.PathDisplay.For(path)}");
    }

    /// <summary>The checks and the report's details.</summary>
    /// <param name="config">The config, for positions.</param>
    /// <param name="gate">The model gate.</param>
    /// <param name="measured">The current importances.</param>
    /// <param name="baseline">The baseline's importances, or null when there are none to compare with.</param>
    /// <param name="whyNoBaseline">Why there is no baseline, when the gate declares a shift and <paramref name="baseline"/> is null.</param>
    public static (IReadOnlyList<CheckResult> Checks, ImportanceDetails Details) Run(GatesConfig config, ModelGate gate, ImportanceResult measured, Baseline? baseline, string? whyNoBaseline)
    {
        var settings = gate.Importance!;
        var checks = new List<CheckResult>();
        var top = measured.TopK(settings.TopK);
        foreach (var (column, position) in settings.Forbidden)
        {
            checks.Add(Forbidden(config, gate, measured, top, column, position));
        }

        ImportanceShiftDetails? shiftDetails = null;
        if (settings.Shift is { } shift)
        {
            if (baseline is not null && !string.Equals(baseline.Metric, measured.Metric, StringComparison.Ordinal))
            {
                whyNoBaseline = $"the {baseline.Source} holds importances measured with '{baseline.Metric}', not '{measured.Metric}'; run 'modelgates accept' after reviewing";
                baseline = null;
            }

            if (baseline is null)
            {
                checks.Add(NotRun(config, gate, shift, whyNoBaseline ?? "there is no baseline"));
            }
            else
            {
                var (correlation, common, entered, left) = ImportanceShift.Compare(measured.ByColumn(), baseline.Importances, settings.TopK, shift.Method);
                var method = shift.Method == RankCorrelationMethod.Kendall ? "kendall" : "spearman";
                shiftDetails = new ImportanceShiftDetails(baseline.Source, method, double.IsNaN(correlation) ? null : correlation, common, entered, left);
                if (shift.MinRankCorrelation is { } min)
                {
                    checks.Add(RankShift(config, gate, shift, shiftDetails, min));
                }

                if (shift.MaxTopKChanges is { } max)
                {
                    checks.Add(TopKChanges(config, gate, settings, shift, shiftDetails, max));
                }
            }
        }

        var baselineValues = baseline?.Importances;
        var details = new ImportanceDetails(
            measured.Metric,
            double.IsNaN(measured.MetricValue) ? null : measured.MetricValue,
            measured.Options.Repeats,
            measured.Options.Seed,
            measured.Options.Resamples,
            measured.Options.Confidence,
            settings.TopK,
            [.. measured.Features.Select(f => new ImportanceFeatureDetails(f.Column, Finite(f.Importance), Finite(f.StandardDeviation), f.Lower, f.Upper, f.Rank)
            {
                Baseline = baselineValues is not null && baselineValues.TryGetValue(f.Column, out var b) ? b : null,
            })])
        {
            Forbidden = [.. settings.Forbidden.Select(f => f.Column)],
            Shift = shiftDetails,
        };
        return (checks, details);
    }

    private static CheckResult Forbidden(GatesConfig config, ModelGate gate, ImportanceResult measured, IReadOnlyList<string> top, string column, SourcePosition position)
    {
        var id = $"model:{gate.Name}/importance/forbidden/{column}";
        var description = $"'{column}' not among the top {gate.Importance!.TopK} features";
        var feature = measured.Features.FirstOrDefault(f => string.Equals(f.Column, column, StringComparison.Ordinal));
        if (feature is null || !top.Contains(column, StringComparer.Ordinal))
        {
            return new CheckResult(id, description) { Status = CheckStatus.Passed, Measured = feature?.Rank, Bound = gate.Importance.TopK };
        }

        var message = string.Create(CultureInfo.InvariantCulture,
            $"Model gate '{gate.Name}': forbidden feature '{column}' is the model's number {feature.Rank} by permutation importance (a drop of {Scalar.Format(feature.Importance)} in {measured.Metric}{Interval(feature)} when shuffled), within the top {gate.Importance.TopK}. A proxy of a protected attribute must not drive the model: drop the column or its proxies, or retrain.");
        return Failed(config, id, description, DiagnosticCatalog.ForbiddenFeatureImportant, message, position, $"importance/forbidden/{column}", feature.Rank, gate.Importance.TopK);
    }

    private static CheckResult RankShift(GatesConfig config, ModelGate gate, ImportanceShiftSettings shift, ImportanceShiftDetails details, double min)
    {
        var id = $"model:{gate.Name}/importance/rankCorrelation";
        var description = $"{details.Method} rank correlation of importances with the baseline ≥ {Scalar.Format(min)}";
        if (details.RankCorrelation is not { } correlation)
        {
            return new CheckResult(id, description)
            {
                Status = CheckStatus.Insufficient,
                Bound = min,
                Diagnostic = DiagnosticCatalog.ImportanceBaselineMissing.Create(string.Create(CultureInfo.InvariantCulture,
                    $"Model gate '{gate.Name}': the rank correlation with the {details.Source} is undefined ({details.Columns} column(s) in common, or importances that are all equal); the check did not run.")) with
                {
                    File = config.File, Line = shift.Position.Line, SourceColumn = shift.Position.Column, Check = "importance/rankCorrelation",
                },
            };
        }

        if (correlation >= min)
        {
            return new CheckResult(id, description) { Status = CheckStatus.Passed, Measured = correlation, Bound = min };
        }

        var message = string.Create(CultureInfo.InvariantCulture,
            $"Model gate '{gate.Name}': the importances' {details.Method} rank correlation with the {details.Source} is {Scalar.Format(correlation)} over {details.Columns} columns, below the minimum {Scalar.Format(min)}: the model relies on its features differently than the accepted one.{Moves(details)} Review the change, then run 'modelgates accept'.");
        return Failed(config, id, description, DiagnosticCatalog.ImportanceRankShift, message, shift.MinRankCorrelationPosition ?? shift.Position, "importance/rankCorrelation", correlation, min);
    }

    private static CheckResult TopKChanges(GatesConfig config, ModelGate gate, ImportanceSettings settings, ImportanceShiftSettings shift, ImportanceShiftDetails details, int max)
    {
        var id = $"model:{gate.Name}/importance/topKChanges";
        var description = $"at most {max} new feature(s) in the top {settings.TopK} vs the baseline";
        var changes = details.Entered.Count;
        if (changes <= max)
        {
            return new CheckResult(id, description) { Status = CheckStatus.Passed, Measured = changes, Bound = max };
        }

        var message = string.Create(CultureInfo.InvariantCulture,
            $"Model gate '{gate.Name}': {changes} feature(s) entered the top {settings.TopK} by permutation importance since the {details.Source}, more than the {max} allowed.{Moves(details)} Review the change, then run 'modelgates accept'.");
        return Failed(config, id, description, DiagnosticCatalog.ImportanceTopKChanged, message, shift.MaxTopKChangesPosition ?? shift.Position, "importance/topKChanges", changes, max);
    }

    private static CheckResult NotRun(GatesConfig config, ModelGate gate, ImportanceShiftSettings shift, string why) =>
        new($"model:{gate.Name}/importance/shift", "importance shift vs the baseline")
        {
            Status = CheckStatus.Skipped,
            Diagnostic = DiagnosticCatalog.ImportanceBaselineMissing.Create($"Model gate '{gate.Name}': the importance shift checks did not run: {why}. 'modelgates accept' stores the importances in the baseline.") with
            {
                File = config.File, Line = shift.Position.Line, SourceColumn = shift.Position.Column, Check = "importance/shift",
            },
        };

    private static CheckResult Failed(GatesConfig config, string id, string description, DiagnosticDescriptor descriptor, string message, SourcePosition position, string check, double measured, double bound) =>
        new(id, description)
        {
            Status = CheckStatus.Failed,
            Measured = measured,
            Bound = bound,
            Diagnostic = descriptor.Create(message) with
            {
                File = config.File, Line = position.Line, SourceColumn = position.Column, Check = check, Measured = measured, Bound = bound,
            },
        };

    private static string Moves(ImportanceShiftDetails details) =>
        details.Entered.Count == 0 && details.Left.Count == 0
            ? string.Empty
            : $" Entered the top k: {List(details.Entered)}; left it: {List(details.Left)}.";

    private static string List(IReadOnlyList<string> columns) => columns.Count == 0 ? "none" : string.Join(", ", columns.Select(c => $"'{c}'"));

    private static string Interval(FeatureImportance feature) =>
        feature.Lower is { } lo && feature.Upper is { } hi ? $" [{Scalar.Format(lo)}, {Scalar.Format(hi)}]" : string.Empty;

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
