using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Models.Segments;

namespace ModelGates.Gates.Config;

/// <summary>
/// Reads a model gate's <c>weakSegments</c>: <c>{ "minRows": 100, "maxDrop": 0.05, "alpha": 0.05, "severity": "warning" }</c>.
/// Absent: no search. Problems are MG0xxx at their line.
/// </summary>
internal static class WeakSegmentsReader
{
    /// <summary>The settings of model gate <paramref name="name"/>, or null when it declares none.</summary>
    public static WeakSegmentSettings? Read(ConfigReader r, ConfigObject gate, ModelTask task, string name)
    {
        if (gate.Find("weakSegments") is null || r.Property<ConfigObject>(gate, "weakSegments", "an object with minRows, maxDrop, alpha, severity", required: false) is not { } o)
        {
            return null;
        }

        r.CheckKeys(o, $"'weakSegments' of model gate '{name}'", [.. ConfigKeys.WeakSegments.Accepted]);
        var settings = new WeakSegmentSettings { Position = gate.Find("weakSegments")!.NamePosition };
        if (r.Integer(o, "minRows") is { } minRows)
        {
            if (minRows < 2)
            {
                r.Invalid(o.Find("minRows")!.Value, $"'minRows' of 'weakSegments' must be at least 2, not {minRows}.");
            }

            settings = settings with { MinRows = (int)Math.Min(minRows, int.MaxValue) };
        }

        if (r.Number(o, "maxDrop") is { } maxDrop)
        {
            if (!(maxDrop >= 0) || double.IsInfinity(maxDrop))
            {
                r.Invalid(o.Find("maxDrop")!.Value, $"'maxDrop' of 'weakSegments' must be a number of at least 0, not {Scalar.Format(maxDrop)}.");
            }

            settings = settings with { MaxDrop = maxDrop };
        }

        if (r.Number(o, "alpha") is { } alpha)
        {
            if (!(alpha > 0 && alpha < 1))
            {
                r.Invalid(o.Find("alpha")!.Value, $"'alpha' of 'weakSegments' must be between 0 and 1 (exclusive), not {Scalar.Format(alpha)}.");
            }

            settings = settings with { Alpha = alpha };
        }

        if (r.Integer(o, "maxDepth") is { } depth)
        {
            if (depth is < 1 or > 3)
            {
                r.Invalid(o.Find("maxDepth")!.Value, $"'maxDepth' of 'weakSegments' must be 1, 2 or 3 (conditions per segment), not {depth}.");
            }

            settings = settings with { MaxDepth = (int)Math.Clamp(depth, 1, 3) };
        }

        if (r.String(o, "metric") is { } metric)
        {
            if (MetricRegistry.Problem(task, metric) is { } problem)
            {
                var suggestion = DidYouMean.Suggest(metric, MetricRegistry.KnownIds(task));
                r.Report(DiagnosticCatalog.InvalidValue, o.Find("metric")!.Value.Position, problem.Length > 0
                    ? problem
                    : $"'metric' of 'weakSegments': '{metric}' is not a {TaskText.ToText(task)} metric.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}");
            }

            settings = settings with { Metric = metric };
        }

        if (r.StringArray(o, "columns") is { } columns)
        {
            if (columns.Count == 0)
            {
                r.Invalid(o.Find("columns")!.Value, "'columns' of 'weakSegments' names no column; leave it out to split on every column but the label.");
            }

            settings = settings with { Columns = columns };
        }

        if (r.SeverityValue(o) is { } severity)
        {
            settings = settings with { Severity = severity };
        }

        return settings;
    }
}
