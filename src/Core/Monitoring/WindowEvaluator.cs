using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Gates.Config;

using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Monitoring.Contracts;
using ModelGates.Monitoring.Windows;

namespace ModelGates.Monitoring;

/// <summary>
/// Judges one window: the drift engine compares its rows with the reference under the drift gate's options (the same
/// tests, effects, intervals, weights and dataset rule as a drift gate), the score column's result is the prediction
/// drift, and where labels exist the model gate's <c>min</c> floors are checked on them with the metric registry.
/// </summary>
internal static class WindowEvaluator
{
    public static WindowRecord Evaluate(
        GatesConfig config,
        MonitorDeclaration monitor,
        DataEngine engine,
        LoadedDataset data,
        TimestampFrame frame,
        WindowSlice slice,
        DriftReference reference,
        DriftOptions options,
        WindowEstimates? estimates = null)
    {
        var record = new WindowRecord
        {
            Key = slice.Bounds.Key,
            Start = slice.Bounds.Start,
            End = slice.Bounds.End,
            Rows = slice.Rows,
            LabelledRows = slice.LabelledRows,
            Hash = slice.Hash,
            Status = WindowStatus.Insufficient,
        };
        if (slice.Rows < monitor.MinRows)
        {
            return record with { Reasons = [Invariant($"{slice.Rows} rows, fewer than minRows {monitor.MinRows}")] };
        }

        // The window's rows as a table of their own: one (pruned) scan of the sorted table, then every query of the
        // drift engine and the metrics reads only the window.
        var windowTable = SqlText.Identifier(engine.NewName("monitor_window"));
        var columns = string.Join(", ", data.Columns.Select(c => SqlText.Identifier(c.Name)));
        engine.Execute($"CREATE TABLE {windowTable} AS SELECT {columns} FROM {slice.Relation} WHERE {slice.Filter}");
        try
        {
            var window = new LoadedDataset(data.Source, windowTable, data.Format, data.Files, data.Columns, slice.Rows, new UnparsedRows(0, []), data.Locator);
            DriftReport report;
            try
            {
                report = DriftEngine.Compare(engine, reference, window, options, slice.Hash);
            }
            catch (ConfigurationException e)
            {
                throw new ConfigurationException([.. e.Diagnostics.Select(d => MonitorRunner.Locate(config, monitor, d, monitor.DriftGate is null ? null : "drift"))]);
            }

            var left = new HashSet<string>(new[] { monitor.Timestamp, monitor.Label }.OfType<string>(), StringComparer.Ordinal);
            var judged = report.Columns.Where(c => !left.Contains(c.Column)).ToList();
            var realized = Realized(config, monitor, engine, windowTable, slice);
            var reasons = new List<string>();
            if (report.DatasetDrift)
            {
                var drifted = judged.Where(c => c.Drifted).Select(c => c.Column);
                reasons.Add(Invariant($"drifted share {Format(report.DriftedShare)} >= {Format(report.DatasetDriftShare)} ({string.Join(", ", drifted)})"));
            }

            reasons.AddRange(realized.Where(m => m.BelowFloor).Select(m => Invariant($"{m.Metric} {Format(m.Value!.Value)} < min {Format(m.Floor!.Value)}")));
            reasons.AddRange(realized.Where(m => m.AboveCeiling).Select(m => Invariant($"{m.Metric} {Format(m.Value!.Value)} > max {Format(m.Ceiling!.Value)}")));
            var missing = WindowContract.MissingShares(engine, windowTable, data.Columns, slice.Rows);
            var rules = monitor.Contract is { } contract ? contract.Check(engine, windowTable, data.Columns, slice.Rows) : [];
            reasons.AddRange(rules.Where(r => !r.Passed).Select(r => monitor.Contract!.Reason(r)));

            // Before its labels arrive, a window is judged on the estimate: breached when even the band's upper end is below the floor.
            var estimated = estimates is null ? [] : estimates.Of(engine, windowTable);
            if (realized.Count == 0)
            {
                reasons.AddRange(estimated.Where(m => m.Upper is { } u && m.Floor is { } f && u < f)
                    .Select(m => Invariant($"estimated {m.Metric} {Format(m.Value!.Value)} (band up to {Format(m.Upper!.Value)}) < min {Format(m.Floor!.Value)}")));
                reasons.AddRange(estimated.Where(m => m.Lower is { } l && m.Ceiling is { } c && l > c)
                    .Select(m => Invariant($"estimated {m.Metric} {Format(m.Value!.Value)} (band from {Format(m.Lower!.Value)}) > max {Format(m.Ceiling!.Value)}")));
            }

            return record with
            {
                Status = reasons.Count == 0 ? WindowStatus.Ok : WindowStatus.Breach,
                Reasons = reasons,
                DriftedShare = report.DriftedShare,
                DatasetDrift = report.DatasetDrift,
                Columns = [.. judged.Where(c => c.Column != monitor.Score).Select(Column)],
                Prediction = monitor.Score is { } score && judged.FirstOrDefault(c => c.Column == score) is { } p ? Column(p) : null,
                Realized = realized,
                Estimated = estimated,
                Missing = missing,
                Contract = rules,
            };
        }
        finally
        {
            engine.Execute($"DROP TABLE IF EXISTS {windowTable}");
        }
    }

    private static WindowColumn Column(ColumnDriftResult c) => new(
        c.Column,
        c.Status.ToString().ToLowerInvariant(),
        c.EffectMeasure ?? c.Test,
        c.Effect ?? c.Statistic,
        c.EffectInterval?.Lower,
        c.EffectInterval?.Upper,
        c.EffectThreshold ?? c.Threshold,
        c.MissingShareCurrent,
        c.MissingShareReference);

    /// <summary>
    /// The model gate's <c>min</c> floors measured on the window's labelled rows (binary and multiclass models), or its
    /// <c>min</c> and <c>max</c> bounds (regression models). A window with fewer labelled rows than <c>minRows</c>, or with one class
    /// only, has no realized metrics: labels that have not arrived yet are not a breach.
    /// </summary>
    private static List<WindowMetric> Realized(GatesConfig config, MonitorDeclaration monitor, DataEngine engine, string windowTable, WindowSlice slice)
    {
        if (monitor.Model is not { } name || monitor.Label is not { } label || slice.LabelledRows < monitor.MinRows)
        {
            return [];
        }

        var gate = config.Models.First(m => m.Name == name);
        if (gate.Evaluation?.Task == ModelTask.Multiclass)
        {
            return monitor.Probabilities is { } classes ? MulticlassRealized.Of(config, gate, monitor, classes, engine, windowTable, label, slice.Bounds.Key) : [];
        }

        if (monitor.Score is not { } score)
        {
            return [];
        }

        if (gate.Evaluation?.Task == ModelTask.Regression)
        {
            return RealizedRegression(gate, monitor, engine, windowTable, label, score);
        }

        if (gate.Evaluation?.Task != ModelTask.Binary)
        {
            return [];
        }

        var floors = gate.Thresholds.Where(t => t.Kind == "min" && MetricRegistry.Problem(ModelTask.Binary, t.Metric) is null).ToList();
        if (floors.Count == 0)
        {
            return [];
        }

        var positive = gate.Evaluation.Options.PositiveClass;
        var l = SqlText.Identifier(label);
        var s = SqlText.Identifier(score);
        var rows = engine.Query(
            $"SELECT CAST({l} AS VARCHAR), CAST({s} AS DOUBLE) FROM {windowTable} WHERE {l} IS NOT NULL AND CAST({l} AS VARCHAR) <> '' AND {s} IS NOT NULL",
            r => (Label: r.GetString(0), Score: r.GetDouble(1)));
        var labels = rows.Select(r => IsPositive(r.Label, positive) ? 1 : 0).ToArray();
        var scores = rows.Select(r => r.Score).ToArray();
        if (labels.Length < monitor.MinRows || labels.Distinct().Count() < 2 || scores.Any(v => !double.IsFinite(v)))
        {
            return [];
        }

        var kind = scores.All(v => v is >= 0 and <= 1) ? BinaryScoreKind.Probability : BinaryScoreKind.Score;
        var predictions = new BinaryPredictions(labels, scores, null, kind);
        return [.. floors.Select(f =>
        {
            var value = MetricRegistry.ResolveBinary(f.Metric).Compute(predictions);
            return new WindowMetric(f.Metric, value.Value, null, null, f.Value);
        })];
    }

    private static List<WindowMetric> RealizedRegression(ModelGate gate, MonitorDeclaration monitor, DataEngine engine, string windowTable, string label, string score)
    {
        var bounds = gate.Thresholds.Where(t => t.Kind is "min" or "max" && MetricRegistry.Problem(ModelTask.Regression, t.Metric) is null)
            .GroupBy(t => t.Metric, StringComparer.Ordinal)
            .Select(g => (Metric: g.Key, Floor: g.FirstOrDefault(t => t.Kind == "min")?.Value, Ceiling: g.FirstOrDefault(t => t.Kind == "max")?.Value))
            .ToList();
        if (bounds.Count == 0)
        {
            return [];
        }

        var l = $"TRY_CAST({SqlText.Identifier(label)} AS DOUBLE)";
        var s = $"TRY_CAST({SqlText.Identifier(score)} AS DOUBLE)";
        var rows = engine.Query($"SELECT {l}, {s} FROM {windowTable} WHERE isfinite({l}) AND isfinite({s})", r => (Label: r.GetDouble(0), Score: r.GetDouble(1)));
        if (rows.Count < monitor.MinRows)
        {
            return [];
        }

        var predictions = new RegressionPredictions([.. rows.Select(r => r.Label)], [.. rows.Select(r => r.Score)]);
        return [.. bounds.Select(b => new WindowMetric(b.Metric, MetricRegistry.ResolveRegression(b.Metric).Compute(predictions).Value, null, null, b.Floor, b.Ceiling))];
    }

    private static bool IsPositive(string label, string? positive) =>
        positive is not null
            ? string.Equals(label, positive, StringComparison.Ordinal)
            : label is "1" or "true" or "True" or "1.0";

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
