using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Importance;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Gates.Config;

/// <summary>
/// Reads a model gate's <c>importance</c> block (docs/explainability.md):
/// <c>{ "repeats": 5, "seed": 1, "topK": 5, "forbidden": ["zip_code"], "shift": { "minRankCorrelation": 0.6, "maxTopKChanges": 2 } }</c>.
/// Absent, importance is not measured (it costs repeats × columns scorings of the holdout). Problems are MG0xxx at their line.
/// </summary>
internal static class ImportanceSettingsReader
{
    /// <summary>The importance settings of model gate <paramref name="name"/>, or null when it declares none.</summary>
    public static ImportanceSettings? Read(ConfigReader r, string name, ConfigObject gate, string? taskText)
    {
        if (gate.Find("importance") is null || r.Property<ConfigObject>(gate, "importance", "an object with repeats, seed, topK, forbidden and shift", required: false) is not { } o)
        {
            return null;
        }

        r.CheckKeys(o, $"'importance' of model gate '{name}'", [.. ConfigKeys.Importance.Accepted]);
        if (gate.Find("model") is null)
        {
            r.Report(DiagnosticCatalog.ImportanceNeedsModel, o.Position, $"Model gate '{name}' reads a predictions file; permutation importance shuffles the inputs of an ML.NET model and scores them again, so 'importance' needs 'model'.");
        }

        var options = new ImportanceOptions();
        if (Positive(r, o, "repeats", 1000) is { } repeats)
        {
            options = options with { Repeats = repeats };
        }

        if (r.Integer(o, "seed") is { } seed)
        {
            if (seed < 0)
            {
                r.Invalid(o.Find("seed")!.Value, $"'seed' must be a whole number ≥ 0, not {seed}.");
            }
            else
            {
                options = options with { Seed = (ulong)seed };
            }
        }

        if (Positive(r, o, "resamples", 100_000) is { } resamples)
        {
            options = options with { Resamples = resamples };
        }

        if (r.Number(o, "confidence") is { } confidence)
        {
            if (confidence is > 0 and < 1)
            {
                options = options with { Confidence = confidence };
            }
            else
            {
                r.Invalid(o.Find("confidence")!.Value, $"'confidence' must be between 0 and 1 (exclusive), not {Scalar.Format(confidence)}.");
            }
        }

        if (r.String(o, "metric") is { } metric && TaskText.TryParse(taskText, out var task))
        {
            if (MetricRegistry.Problem(task, metric) is not null || MetricRegistry.IsPattern(metric) || metric.Contains('@', StringComparison.Ordinal) || metric.Contains('.', StringComparison.Ordinal))
            {
                var known = MetricRegistry.KnownIds(task).Where(id => !MetricRegistry.IsPattern(id) && !id.Contains('.', StringComparison.Ordinal)).ToList();
                r.Invalid(o.Find("metric")!.Value, $"'metric' of 'importance' must be one of the {TaskText.ToText(task)} metrics {string.Join(", ", known)}, not '{metric}'.");
            }
            else
            {
                options = options with { Metric = metric };
            }
        }

        var topK = Positive(r, o, "topK", 10_000) ?? ImportanceSettings.DefaultTopK;
        var forbidden = new List<(string, SourcePosition)>();
        if (r.Property<ConfigArray>(o, "forbidden", "an array of column names", required: false) is { } array)
        {
            foreach (var item in array.Items)
            {
                if (item is ConfigString s && s.Value.Length > 0)
                {
                    forbidden.Add((s.Value, s.Position));
                }
                else
                {
                    r.Report(DiagnosticCatalog.WrongType, item.Position, $"Each item of 'forbidden' must be a column name, not {item.TypeName}.");
                }
            }
        }

        return new ImportanceSettings
        {
            Position = o.Position,
            Options = options,
            TopK = topK,
            Forbidden = forbidden,
            Shift = ReadShift(r, name, gate, o),
        };
    }

    private static ImportanceShiftSettings? ReadShift(ConfigReader r, string name, ConfigObject gate, ConfigObject importance)
    {
        if (importance.Find("shift") is null || r.Property<ConfigObject>(importance, "shift", "an object with minRankCorrelation and maxTopKChanges", required: false) is not { } o)
        {
            return null;
        }

        r.CheckKeys(o, "'shift' of 'importance'", [.. ConfigKeys.ImportanceShift.Accepted]);
        if (gate.Find("baseline") is null && gate.Find("baselineModel") is null)
        {
            r.Report(DiagnosticCatalog.ImportanceShiftNeedsBaseline, o.Position,
                $"'shift' compares importances with a baseline's, but model gate '{name}' declares neither 'baseline' (a metrics file, where 'modelgates accept' stores the importances) nor 'baselineModel'.");
        }

        var shift = new ImportanceShiftSettings { Position = o.Position };
        if (r.Number(o, "minRankCorrelation") is { } min)
        {
            if (min is >= -1 and <= 1)
            {
                shift = shift with { MinRankCorrelation = min, MinRankCorrelationPosition = o.Find("minRankCorrelation")!.NamePosition };
            }
            else
            {
                r.Invalid(o.Find("minRankCorrelation")!.Value, $"'minRankCorrelation' is a correlation and must be between -1 and 1, not {Scalar.Format(min)}.");
            }
        }

        if (r.Integer(o, "maxTopKChanges") is { } max)
        {
            if (max >= 0)
            {
                shift = shift with { MaxTopKChanges = (int)Math.Min(max, int.MaxValue), MaxTopKChangesPosition = o.Find("maxTopKChanges")!.NamePosition };
            }
            else
            {
                r.Invalid(o.Find("maxTopKChanges")!.Value, $"'maxTopKChanges' must be a whole number ≥ 0, not {max}.");
            }
        }

        switch (r.String(o, "method"))
        {
            case null or "spearman":
                break;
            case "kendall":
                shift = shift with { Method = RankCorrelationMethod.Kendall };
                break;
            case var other:
                r.Invalid(o.Find("method")!.Value, $"'method' must be \"spearman\" or \"kendall\", not \"{other}\".");
                break;
        }

        if (shift.MinRankCorrelation is null && shift.MaxTopKChanges is null && !r.HasErrors)
        {
            r.Report(DiagnosticCatalog.MissingKey, o.Position, "'shift' needs 'minRankCorrelation', 'maxTopKChanges' or both.");
        }

        return shift;
    }

    private static int? Positive(ConfigReader r, ConfigObject o, string key, int max)
    {
        if (r.Integer(o, key) is not { } value)
        {
            return null;
        }

        if (value < 1 || value > max)
        {
            r.Invalid(o.Find(key)!.Value, $"'{key}' must be a whole number from 1 to {max}, not {value}.");
            return null;
        }

        return (int)value;
    }
}
