using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation;
using ModelGates.Monitoring.Estimation;

namespace ModelGates.Monitoring;

/// <summary>
/// DLE for a regression model gate: the nanny models learn once on the gate's evaluation data (its numeric columns that
/// the monitored data also has, besides the label, the score and the timestamp, plus the model's prediction), then each
/// window's features and score column give the expected <c>mae</c> and <c>rmse</c> with their bands, held to the gate's
/// <c>max</c> (or <c>min</c>) bounds on them.
/// </summary>
internal sealed class RegressionWindowEstimates : WindowEstimates
{
    private static readonly string[] Estimable = ["mae", "rmse"];

    private readonly DleEstimator estimator;
    private readonly string score;
    private readonly IReadOnlyList<string> features;
    private readonly IReadOnlyList<(string Metric, double? Floor, double? Ceiling)> bounds;

    private RegressionWindowEstimates(DleEstimator estimator, string score, IReadOnlyList<string> features, IReadOnlyList<(string, double?, double?)> bounds)
    {
        this.estimator = estimator;
        this.score = score;
        this.features = features;
        this.bounds = bounds;
    }

    /// <summary>The feature columns the nanny models read, in the order they were fitted on.</summary>
    public IReadOnlyList<string> Features => features;

    public static RegressionWindowEstimates? For(GatesConfig config, MonitorDeclaration monitor, ModelGate gate, GateRunContext context, LoadedDataset data)
    {
        var bounds = gate.Thresholds.Where(t => t.Kind is "min" or "max" && Estimable.Contains(t.Metric, StringComparer.Ordinal))
            .GroupBy(t => t.Metric, StringComparer.Ordinal)
            .Select(g => (g.Key, g.FirstOrDefault(t => t.Kind == "min")?.Value, g.FirstOrDefault(t => t.Kind == "max")?.Value))
            .ToList();
        if (bounds.Count == 0)
        {
            return null;
        }

        var (request, set) = Evaluate(config, monitor, gate, context);
        var predictions = ((RegressionPredictionSet)set).Predictions;
        var reference = request.Data;
        var left = new HashSet<string>(new[] { monitor.Timestamp, monitor.Label, monitor.Score, gate.Label, gate.Evaluation?.Columns.Score }.OfType<string>(), StringComparer.Ordinal);
        var features = reference.Columns
            .Where(c => !left.Contains(c.Name) && SqlTypes.IsNumeric(c.SqlType) && data.Find(c.Name) is { } d && SqlTypes.IsNumeric(d.SqlType))
            .Select(c => c.Name)
            .ToList();
        if (reference.Rows != predictions.Count)
        {
            throw new DataReadException(MonitorRunner.Locate(config, monitor, DiagnosticCatalog.EstimationReferenceTooSmall.Create(string.Create(CultureInfo.InvariantCulture,
                $"Monitor '{monitor.Name}': DLE needs one prediction per row of '{gate.Data ?? gate.Predictions}', but {predictions.Count} of its {reference.Rows} rows were scored (rows without a label?)."))));
        }

        var columns = Columns(context.Datasets.Engine, reference.Table, features, null);
        return new RegressionWindowEstimates(DleEstimator.Fit(columns, predictions.Predictions, predictions.Labels), monitor.Score!, features, bounds);
    }

    public override IReadOnlyList<WindowMetric> Of(DataEngine engine, string windowTable)
    {
        var s = SqlText.Identifier(score);
        var filter = $"{s} IS NOT NULL AND isfinite(CAST({s} AS DOUBLE))";
        var windowPredictions = engine.Query($"SELECT CAST({s} AS DOUBLE) FROM {windowTable} WHERE {filter}", r => r.GetDouble(0)).ToArray();
        if (windowPredictions.Length == 0)
        {
            return [.. bounds.Select(b => new WindowMetric(b.Metric, null, null, null, b.Floor, b.Ceiling))];
        }

        var estimates = estimator.Estimate(Columns(engine, windowTable, features, filter), windowPredictions).ToDictionary(e => e.Metric, StringComparer.Ordinal);
        return [.. bounds.Where(b => estimates.ContainsKey(b.Metric)).Select(b =>
        {
            var e = estimates[b.Metric];
            return new WindowMetric(b.Metric, e.Value, e.Lower, e.Upper, b.Floor, b.Ceiling);
        })];
    }

    /// <summary>Each feature column as numbers (a missing value is NaN, LightGBM's missing value), in table order.</summary>
    private static double[][] Columns(DataEngine engine, string table, IReadOnlyList<string> features, string? filter)
    {
        if (features.Count == 0)
        {
            return [];
        }

        var select = string.Join(", ", features.Select(f => $"CAST({SqlText.Identifier(f)} AS DOUBLE)"));
        var rows = engine.Query($"SELECT {select} FROM {table}{(filter is null ? string.Empty : $" WHERE {filter}")}", r =>
        {
            var values = new double[features.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = r.IsDBNull(i) ? double.NaN : r.GetDouble(i);
            }

            return values;
        });
        var columns = new double[features.Count][];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = new double[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                columns[c][i] = rows[i][c];
            }
        }

        return columns;
    }
}
