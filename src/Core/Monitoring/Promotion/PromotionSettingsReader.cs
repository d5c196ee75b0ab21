using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Metrics;

namespace ModelGates.Monitoring.Promotion;

/// <summary>Reads the <c>promotion</c> section of a model gate; problems are MG0xxx at their line (exit code 2), like every config key.</summary>
internal static class PromotionSettingsReader
{
    /// <summary>The section of model gate <paramref name="name"/>, or null when it declares none.</summary>
    public static PromotionSettings? Read(ConfigReader r, string name, ConfigObject gate, string? taskText)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(gate);
        if (gate.Find("promotion") is not { } property || r.Property<ConfigObject>(gate, "promotion", "an object", required: false) is not { } o)
        {
            return null;
        }

        r.CheckKeys(o, $"'promotion' of model gate '{name}'", [.. ConfigKeys.Promotion.Accepted]);
        r.String(o, "description");
        if (gate.Find("model") is null)
        {
            r.Invalid(o, $"Model gate '{name}' reads a predictions file; 'promotion' replaces a model with a challenger model, so it needs 'model'.");
        }

        var metric = r.String(o, "metric");
        if (metric is not null && TaskText.TryParse(taskText, out var task))
        {
            if (CheckMetric(task, metric) is { } problem)
            {
                r.Invalid(o.Find("metric")!.Value, problem);
            }
        }

        return new PromotionSettings
        {
            Metric = metric,
            Margin = Margin(r, o, "margin") ?? 0.0,
            SliceMargin = Margin(r, o, "sliceMargin"),
            Position = property.NamePosition,
        };
    }

    /// <summary>Null when <paramref name="metric"/> is a metric of <paramref name="task"/>, else what is wrong, with a did-you-mean.</summary>
    internal static string? CheckMetric(Models.Predictions.ModelTask task, string metric)
    {
        if (MetricRegistry.Problem(task, metric) is not { } problem)
        {
            return null;
        }

        if (problem.Length > 0)
        {
            return problem;
        }

        var known = MetricRegistry.KnownIds(task);
        var suggestion = DidYouMean.Suggest(metric, known);
        return $"'{metric}' is not a {TaskText.ToText(task)} metric.{(suggestion is null ? $" Known: {string.Join(", ", known)}." : $" Did you mean '{suggestion}'?")}";
    }

    private static double? Margin(ConfigReader r, ConfigObject o, string key)
    {
        var value = r.Number(o, key);
        if (value is { } v && !(v >= 0))
        {
            r.Invalid(o.Find(key)!.Value, $"'{key}' is how much worse the challenger may be and must be ≥ 0, not {Scalar.Format(v)}.");
            return null;
        }

        return value;
    }
}
