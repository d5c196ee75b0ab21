using System.Globalization;
using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;
using ModelGates.Configuration.Options;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Options;
using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Models.Evaluation.Slices;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Gates.Config;

/// <summary>
/// Reads the evaluation settings of a model gate (everything beyond model, data, task, label and the metric
/// bounds, which <see cref="GatesConfigReader"/> reads) and checks them against the task when the config is
/// read: unknown metrics with a did-you-mean, wrong types, bounds that cannot apply, malformed slices. Every
/// problem is an MG0xxx at its line (exit code 2) before any data is touched.
/// </summary>
internal static class ModelGateSettingsReader
{
    /// <summary>Reads the settings of model gate <paramref name="name"/>; null when the task is unknown.</summary>
    public static ModelGateSettings? Read(ConfigReader r, GatesConfig config, string name, ConfigObject o, string? taskText, IReadOnlyList<MetricThresholdDeclaration> declarations)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(declarations);
        if (!TaskText.TryParse(taskText, out var task))
        {
            return null;
        }

        var isModel = o.Find("model") is not null;
        if (!isModel && o.Find("predictions") is not null && o.Find("data") is { } data)
        {
            r.Invalid(data.Value, $"Model gate '{name}' reads a predictions file, which holds the evaluation rows itself; 'data' is for scoring a 'model'.");
        }

        var columns = ReadColumns(r, o, task, isModel, name);
        var options = ReadOptions(r, o, task);
        var baselineModel = BaselineModel(r, config, o);
        if (baselineModel is not null && !isModel)
        {
            r.Invalid(o.Find("baselineModel")!.Value, $"'baselineModel' is scored on the same rows as 'model'; model gate '{name}' reads a predictions file, so compare it with a 'baseline' metrics file instead.");
        }

        if (o.Find("baseline") is not null && o.Find("baselineModel") is not null)
        {
            r.Invalid(o.Find("baselineModel")!.Value, $"Model gate '{name}' declares both 'baseline' (a metrics file) and 'baselineModel'; change thresholds compare with one of them.");
        }

        var slices = ReadSlices(r, o, task);
        var thresholds = declarations.Select(d => Threshold(r, d, task, null)).Where(t => t is not null).Select(t => t!).ToList();
        CheckThresholds(r, o, name, thresholds, slices);
        return new ModelGateSettings
        {
            Task = task,
            Columns = columns,
            Options = options,
            BaselineModel = baselineModel,
            Slices = slices,
            Thresholds = thresholds,
            WeakSegments = WeakSegmentsReader.Read(r, o, task, name),
        };
    }

    private static PredictionColumns ReadColumns(ConfigReader r, ConfigObject o, ModelTask task, bool isModel, string name)
    {
        var score = r.String(o, "score");
        var predicted = r.String(o, "predicted");
        var probabilities = new List<ClassColumn>();
        switch (o.Find("probabilities")?.Value)
        {
            case null:
                break;
            case ConfigArray array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (array.Items[i] is ConfigString s)
                    {
                        probabilities.Add(new ClassColumn(i.ToString(CultureInfo.InvariantCulture), s.Value));
                    }
                    else
                    {
                        r.Report(DiagnosticCatalog.WrongType, array.Items[i].Position, $"Each item of 'probabilities' must be a column name, not {array.Items[i].TypeName}.");
                    }
                }

                break;
            case ConfigObject map:
                foreach (var property in map.Properties)
                {
                    if (property.Value is ConfigString s)
                    {
                        probabilities.Add(new ClassColumn(property.Name, s.Value));
                    }
                    else
                    {
                        r.Report(DiagnosticCatalog.WrongType, property.Value.Position, $"The probability column of class '{property.Name}' must be a column name, not {property.Value.TypeName}.");
                    }
                }

                break;
            case var other:
                r.Report(DiagnosticCatalog.WrongType, other.Position, $"'probabilities' must be an array of columns (classes 0..K-1) or an object mapping class labels to columns, not {other.TypeName}.");
                break;
        }

        if (isModel)
        {
            foreach (var key in new[] { "score", "probabilities", "predicted" }.Where(k => o.Find(k) is not null))
            {
                r.Invalid(o.Find(key)!.Value, $"'{key}' names a column of a predictions file; model gate '{name}' scores an ML.NET model, whose outputs are read by name (docs/evaluate.md#mlnet-models).");
            }

            return new PredictionColumns();
        }

        if (task != ModelTask.Multiclass && o.Find("probabilities") is { } p)
        {
            r.Invalid(p.Value, "'probabilities' (one column per class) is for multiclass tasks; a binary or regression task names its 'score' column.");
        }

        if (task == ModelTask.Multiclass && o.Find("score") is { } s2)
        {
            r.Invalid(s2.Value, "A multiclass task names one probability column per class in 'probabilities', not a 'score' column.");
        }

        if (task == ModelTask.Multiclass && probabilities.Count is > 0 and < 2)
        {
            r.Invalid(o.Find("probabilities")!.Value, "'probabilities' needs a column for each of at least two classes.");
        }

        var hasScores = task == ModelTask.Multiclass ? probabilities.Count > 0 : score is not null;
        if (!hasScores && predicted is null && !r.HasErrors)
        {
            r.Report(DiagnosticCatalog.MissingKey, o.Position, task == ModelTask.Multiclass
                ? $"Model gate '{name}' reads a predictions file and needs 'probabilities' (one column per class) or 'predicted'."
                : $"Model gate '{name}' reads a predictions file and needs 'score' (or 'predicted').");
        }

        return new PredictionColumns { Score = score, Probabilities = probabilities, Predicted = predicted };
    }

    private static string? BaselineModel(ConfigReader r, GatesConfig config, ConfigObject o)
    {
        if (r.String(o, "baselineModel") is not { } path)
        {
            return null;
        }

        var resolved = config.Resolve(path);
        if (!File.Exists(resolved))
        {
            r.Report(DiagnosticCatalog.FileNotFound, o.Find("baselineModel")!.Value.Position, $"'baselineModel': '{path}' does not exist (relative to {config.BaseDirectory}).");
        }

        return resolved;
    }

    /// <summary>The settings of <see cref="ModelOptionTable"/>, each read, checked against the task and its range at its line.</summary>
    private static EvaluationOptions ReadOptions(ConfigReader r, ConfigObject o, ModelTask task)
    {
        var bootstrap = r.Property<ConfigObject>(o, ModelOptionTable.BootstrapGroup, "an object with resamples, confidence and seed", required: false);
        if (bootstrap is not null)
        {
            r.CheckKeys(bootstrap, "'bootstrap'", [.. ConfigKeys.Bootstrap.Accepted]);
        }

        var options = EvaluationOptions.Default;
        var written = new Dictionary<ModelOption, ConfigNode>();
        foreach (var option in ModelOptionTable.All)
        {
            var holder = option.Group is null ? o : bootstrap;
            if (holder?.Find(option.Key)?.Value is not { } node)
            {
                continue;
            }

            if (!option.AppliesTo(task))
            {
                r.Invalid(node, ModelOptionTable.NotForTask(option, task, OptionFrontEnd.Json));
                continue;
            }

            switch (OptionValues.TryReadJson(option.Type, [], option.Minimum, node, out var value))
            {
                case JsonOptionRead.WrongType:
                    r.Report(DiagnosticCatalog.WrongType, node.Position, $"'{option.Key}' must be {option.Expected}, not {node.TypeName}.");
                    continue;
                case JsonOptionRead.NotAllowed:
                    r.Invalid(node, $"'{option.Key}' must be {option.Expected}.");
                    continue;
            }

            options = option.Set(options, value!);
            written[option] = node;
        }

        foreach (var (option, diagnostic) in ModelOptionTable.Check(options, OptionFrontEnd.Json))
        {
            r.Report(DiagnosticCatalog.InvalidValue, written[option].Position, diagnostic.Message);
        }

        return options;
    }

    private static List<SliceDefinition> ReadSlices(ConfigReader r, ConfigObject o, ModelTask task)
    {
        var slices = new List<SliceDefinition>();
        if (r.Property<ConfigArray>(o, "slices", "an array of slice definitions", required: false) is not { } array)
        {
            return slices;
        }

        foreach (var item in array.Items)
        {
            if (r.AsObject(item, "a slice definition") is not { } s)
            {
                continue;
            }

            r.CheckKeys(s, "a slice definition", [.. ConfigKeys.Slice.Accepted]);
            r.String(s, "description");
            var column = r.String(s, "column");
            var name = r.String(s, "name");
            var where = s.Find("where")?.Value;
            if ((column is null) == (where is null))
            {
                r.Invalid(s, "A slice definition needs either 'column' (one slice per value) or 'where' (SQL predicates), not both or neither.");
                continue;
            }

            var predicates = new List<SlicePredicate>();
            switch (where)
            {
                case null:
                    break;
                case ConfigString when name is null:
                    r.Report(DiagnosticCatalog.MissingKey, s.Position, "A 'where' slice needs a 'name'.");
                    break;
                case ConfigString sql:
                    predicates.Add(new SlicePredicate(name!, sql.Value) { Position = sql.Position });
                    break;
                case ConfigObject when name is null:
                    r.Report(DiagnosticCatalog.MissingKey, s.Position, "A group of 'where' slices needs a 'name' for the group.");
                    break;
                case ConfigObject map:
                    foreach (var property in map.Properties)
                    {
                        if (property.Value is ConfigString sql)
                        {
                            predicates.Add(new SlicePredicate(property.Name, sql.Value) { Position = sql.Position });
                        }
                        else
                        {
                            r.Report(DiagnosticCatalog.WrongType, property.Value.Position, $"Slice '{property.Name}' must be a SQL condition (a string), not {property.Value.TypeName}.");
                        }
                    }

                    break;
                default:
                    r.Report(DiagnosticCatalog.WrongType, where.Position, $"'where' must be a SQL condition or an object mapping slice names to conditions, not {where.TypeName}.");
                    break;
            }

            if (predicates.Any(p => string.IsNullOrWhiteSpace(p.Sql)))
            {
                r.Invalid(where!, "A slice's SQL condition is empty.");
            }

            var group = column ?? name ?? "slice";
            var bounds = ReadSliceBounds(r, s, task, group);
            slices.Add(new SliceDefinition { Group = group, Column = column, Predicates = predicates, Thresholds = bounds, Position = s.Position });
        }

        foreach (var duplicate in slices.GroupBy(s => s.Group, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            r.Invalid(array, $"Two slice definitions are named '{duplicate.Key}'; give each a distinct column or name.");
        }

        return slices;
    }

    private static List<MetricThreshold> ReadSliceBounds(ConfigReader r, ConfigObject slice, ModelTask task, string group)
    {
        var thresholds = new List<MetricThreshold>();
        if (r.Property<ConfigObject>(slice, "metrics", "an object mapping metric names to bounds", required: false) is not { } metrics)
        {
            return thresholds;
        }

        foreach (var metric in metrics.Properties)
        {
            if (r.AsObject(metric.Value, $"the bounds of metric '{metric.Name}'") is not { } bounds)
            {
                continue;
            }

            r.CheckKeys(bounds, $"the slice bounds of metric '{metric.Name}' (change thresholds apply to the overall metrics only)", [.. ConfigKeys.SliceBounds.Accepted]);
            var severity = bounds.Find("severity")?.Value is ConfigString { Value: "off" } ? null : r.SeverityValue(bounds);
            foreach (var bound in bounds.Properties.Where(p => p.Name != "severity" && ConfigKeys.SliceBounds.Accepted.Contains(p.Name)))
            {
                if (bound.Value is not ConfigNumber number)
                {
                    r.Report(DiagnosticCatalog.WrongType, bound.Value.Position, $"'{bound.Name}' of metric '{metric.Name}' must be a number, not {bound.Value.TypeName}.");
                    continue;
                }

                if (Threshold(r, new MetricThresholdDeclaration(metric.Name, bound.Name, number.Value, bound.NamePosition) { Severity = severity }, task, group) is { } threshold)
                {
                    thresholds.Add(threshold);
                }
            }
        }

        return thresholds;
    }

    /// <summary>A declaration checked against the task: a known metric and a bound that can apply.</summary>
    private static MetricThreshold? Threshold(ConfigReader r, MetricThresholdDeclaration d, ModelTask task, string? group)
    {
        if (!ThresholdKindText.TryParse(d.Kind, out var kind))
        {
            return null;
        }

        if (MetricRegistry.Problem(task, d.Metric) is { } problem)
        {
            if (problem.Length > 0)
            {
                // A member of a metric family with a malformed parameter (lift@10, ece@010): say how to write it.
                r.Report(DiagnosticCatalog.InvalidValue, d.Position, problem);
                return null;
            }

            var known = MetricRegistry.KnownIds(task);
            var suggestion = DidYouMean.Suggest(d.Metric, known);
            r.Report(DiagnosticCatalog.InvalidValue, d.Position,
                $"'{d.Metric}' is not a {TaskText.ToText(task)} metric.{(suggestion is null ? $" Known: {string.Join(", ", known)}." : $" Did you mean '{suggestion}'?")}");
            return null;
        }

        if (kind is not (ThresholdKind.Min or ThresholdKind.Max) && !(d.Value >= 0))
        {
            r.Report(DiagnosticCatalog.InvalidValue, d.Position, $"'{d.Kind}' of metric '{d.Metric}' is a largest allowed change or gap and must be ≥ 0, not {Scalar.Format(d.Value)}.");
            return null;
        }

        return new MetricThreshold(d.Metric, kind, d.Value) { SliceGroup = group, Position = d.Position, Severity = d.Severity };
    }

    private static void CheckThresholds(ConfigReader r, ConfigObject o, string name, List<MetricThreshold> thresholds, List<SliceDefinition> slices)
    {
        var hasBaseline = o.Find("baseline") is not null || o.Find("baselineModel") is not null;
        foreach (var change in thresholds.Where(t => t.Kind.IsChange() && !hasBaseline))
        {
            r.Report(DiagnosticCatalog.MissingKey, change.Position!.Value,
                $"'{change.Kind.ToKey()}' of metric '{change.Metric}' compares with a baseline, but model gate '{name}' declares neither 'baseline' (a metrics file written by modelgates accept) nor 'baselineModel'.");
        }

        foreach (var gap in thresholds.Where(t => t.Kind == ThresholdKind.MaxGap && slices.Count == 0))
        {
            r.Report(DiagnosticCatalog.MissingKey, gap.Position!.Value, $"'maxGap' of metric '{gap.Metric}' bounds the gap between slices, but model gate '{name}' declares no 'slices'.");
        }

        if (o.Find("requireSignificantRegression")?.Value is ConfigBoolean { Value: true } flag && !thresholds.Any(t => t.Kind.IsChange()))
        {
            r.Invalid(flag, "'requireSignificantRegression' applies to change thresholds (maxDrop, maxRelativeDrop), and this gate has none.");
        }
    }
}
