using System.Globalization;
using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Segments;

namespace ModelGates.Gates;

/// <summary>
/// A model gate's weak segments (docs/evaluate.md#weak-segments): the search over the gate's evaluation rows, and its
/// check <c>model:&lt;gate&gt;/weakSegments</c>, MG4060 at the line of <c>weakSegments</c> when a significant segment's
/// metric is worse than overall by more than <c>maxDrop</c>.
/// </summary>
internal static class WeakSegmentChecks
{
    /// <summary>Searches the rows of <paramref name="request"/> scored as <paramref name="predictions"/>.</summary>
    public static WeakSegmentResult Search(Data.DataEngine engine, EvaluationRequest request, WeakSegmentSettings settings, PredictionSet predictions)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        var columns = request.Columns;
        string?[] excluded = [request.Label, columns.Score, columns.Predicted, .. columns.Probabilities.Select(p => p.Column)];
        var features = SegmentFeature.Read(engine, request.Data, request.TextData ?? request.Data, settings.Columns, [.. excluded.OfType<string>()]);
        return WeakSegmentSearch.Run(predictions, features, settings, request.Bootstrap.Seed);
    }

    /// <summary>The check of a search's result.</summary>
    public static CheckResult Check(GatesConfig config, ModelGate gate, WeakSegmentSettings settings, WeakSegmentResult result)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(result);
        var id = $"model:{gate.Name}/weakSegments";
        var description = string.Create(CultureInfo.InvariantCulture, $"no segment of ≥ {result.MinRows} rows significantly worse than overall on {result.Metric} by > {Scalar.Format(settings.MaxDrop)} (Holm α {Scalar.Format(result.Alpha)})");
        var findings = result.Segments.Where(s => s.Drop is { } d && d > settings.MaxDrop).ToList();
        var worst = result.Segments.Select(s => s.Drop).OfType<double>().DefaultIfEmpty().Max();
        if (findings.Count == 0)
        {
            return new CheckResult(id, description) { Status = CheckStatus.Passed, Measured = result.Segments.Count == 0 ? null : worst, Bound = settings.MaxDrop };
        }

        var first = findings.OrderByDescending(s => s.Drop).ThenBy(s => s.AdjustedPValue).First();
        var more = findings.Count == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" {findings.Count - 1} more segment(s) are past maxDrop; the report lists them.");
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Model gate '{gate.Name}': the model is significantly worse in segment '{first.Description}' ({first.Rows} rows): {result.Metric} {Number(first.Value)} against {Number(result.Overall)} overall, a drop of {Number(first.Drop)} beyond maxDrop {Scalar.Format(settings.MaxDrop)} (Holm-adjusted p = {Number(first.AdjustedPValue)} over {result.Tested} segments tested).{more}");
        var position = settings.Position;
        var diagnostic = DiagnosticCatalog.WeakSegment.Create(message) with
        {
            Severity = settings.Severity,
            File = config.File,
            Line = position.Line,
            SourceColumn = position.Column,
            Check = "weakSegments",
            Measured = first.Drop,
            Bound = settings.MaxDrop,
        };
        return new CheckResult(id, description)
        {
            Status = settings.Severity == Severity.Error ? CheckStatus.Failed : CheckStatus.Warned,
            Measured = first.Drop,
            Bound = settings.MaxDrop,
            Diagnostic = diagnostic,
        };
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "undefined";
}
