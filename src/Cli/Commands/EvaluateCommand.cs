using System.Globalization;
using System.Text.Json;
using ModelGates.Cli.Arguments;
using ModelGates.Cli.Output;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Inputs;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Baselines;
using ModelGates.Models.Evaluation.Options;
using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Models.Evaluation.Slices;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Predictions;

namespace ModelGates.Cli.Commands;

/// <summary>
/// <c>modelgates evaluate</c>: score an ML.NET model on a dataset (or read a predictions file), report every metric
/// with its bootstrap interval and every slice, and judge thresholds given on the command line (docs/evaluate.md).
/// </summary>
internal sealed class EvaluateCommand : ICliCommand
{
    public string Name => "evaluate";

    public string Summary => "Score a model (or a predictions file): metrics with intervals, slices, thresholds.";

    public string Usage => "modelgates evaluate (--model <model.zip> --data <data> | --predictions <file> --score <col>|--probabilities <cols>) --label <col> [--task binary|multiclass|regression] [--min auc=0.8] [--format text|json|msbuild]";

    public string Example => "modelgates evaluate --model samples/CreditRisk/model/credit-risk.zip --data samples/CreditRisk/data/holdout.csv --label Status --positive-class bad --min auc=0.78";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("model", true, "<model.zip>: an ML.NET model saved with its input schema, scored on --data"),
        new("data", true, "<path>: the evaluation data the model scores"),
        new("predictions", true, "<path>: a predictions file from any model, instead of --model/--data"),
        new("label", true, "<column>: the true label (required)"),
        new("task", true, "binary|multiclass|regression: the model's task (default binary)"),
        new("score", true, "<column>: predictions file: the positive-class score (binary) or predicted value (regression)"),
        new("probabilities", true, "<p_0,p_1,...> or <class=col,...>: predictions file: one probability column per class (multiclass)"),
        new("predicted", true, "<column>: predictions file: predicted labels, when there are no scores"),
        new("baseline", true, "<baseline.json>: a baseline metrics file (written by modelgates accept) to compare with"),
        new("baseline-model", true, "<model.zip>: a baseline (champion) model scored on the same rows, compared by paired bootstrap"),
        new("slice", true, "<column>: one slice per value of the column; repeatable", Repeatable: true),
        new("slice-where", true, "<name>=<sql>: a slice of the rows where the DuckDB condition holds; repeatable", Repeatable: true),
        new("min", true, "<metric>=<value>: fail when the metric is below the value; repeatable", Repeatable: true),
        new("max", true, "<metric>=<value>: fail when the metric is above the value; repeatable", Repeatable: true),
        new("max-drop", true, "<metric>=<value>: fail when the metric is worse than the baseline by more; repeatable", Repeatable: true),
        new("max-relative-drop", true, "<metric>=<fraction>: fail when the metric is worse than the baseline by more than this share; repeatable", Repeatable: true),
        new("max-gap", true, "<metric>=<value>: fail when the metric differs across the slices of a group by more; repeatable", Repeatable: true),
        new("slice-min", true, "<metric>=<value>: a floor for the metric on every slice; repeatable", Repeatable: true),
        .. ModelOptionSpecs.All,
        CommonOptions.Format,
        .. DatasetOptions.Specs,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var format = OutputFormats.From(args);
        var request = Request(args, out var pipeline);
        using (pipeline)
        {
            var progress = TerminalProgress.ForPhases(context);
            var result = ModelEvaluation.Run(pipeline.Engine, request, progress is null ? null : progress.Phase);
            var diagnostics = result.Outcomes.Where(o => o.Descriptor is not null).Select(Diagnostic).ToList();

            // Rows left out within the tolerance are said, never dropped without a word.
            if (UnparsedRowsCheck.Check(request.Data, request.Data.Source.MaxUnparsedRows) is { } tolerated)
            {
                diagnostics.Insert(0, tolerated);
            }

            var outcome = new CheckOutcome("evaluate", diagnostics)
            {
                JsonBody = w => EvaluationJson.Write(w, result, request),
                TextBody = o => EvaluationText.Write(o, result, request),
            };
            return OutcomePrinter.Print(outcome, format, context.Out);
        }
    }

    private EvaluationRequest Request(ParsedArguments args, out InputPipeline pipeline)
    {
        var model = args.Value("model");
        var predictions = args.Value("predictions");
        if ((model is null) == (predictions is null))
        {
            throw UsageError($"Give either --model with --data, or --predictions. Usage: {Usage}");
        }

        var dataPath = model is not null ? args.Required("data", Usage) : predictions!;
        if (model is not null && !File.Exists(model))
        {
            throw new DataReadException(DiagnosticCatalog.ModelUnreadable.Create($"Model '{model}' does not exist.") with { File = model });
        }

        var task = TaskText.TryParse(args.Choice("task", "binary", "binary", "multiclass", "regression"), out var t) ? t : ModelTask.Binary;
        var columns = new PredictionColumns
        {
            Score = args.Value("score"),
            Probabilities = Probabilities(args.Value("probabilities")),
            Predicted = args.Value("predicted"),
        };
        if (predictions is not null && columns.Score is null && columns.Probabilities.Count == 0 && columns.Predicted is null)
        {
            throw new ConfigurationException(DiagnosticCatalog.MissingArgument.Create(task == ModelTask.Multiclass
                ? "A multiclass predictions file needs --probabilities (one column per class) or --predicted."
                : "A predictions file needs --score (or --predicted)."));
        }

        var slices = args.Values("slice").Select(SliceDefinition.ByColumn).ToList();
        var where = args.Values("slice-where").Select(s => Pair(s, "slice-where")).Select(p => new SlicePredicate(p.Key, p.Value)).ToList();
        if (where.Count > 0)
        {
            slices.Add(new SliceDefinition { Group = "where", Predicates = where });
        }

        var sliceFloors = Thresholds(args, "slice-min", ThresholdKind.Min).ToList();
        slices = [.. slices.Select(s => s with { Thresholds = [.. sliceFloors.Select(f => f with { SliceGroup = s.Group })] })];
        var thresholds = Thresholds(args, "min", ThresholdKind.Min)
            .Concat(Thresholds(args, "max", ThresholdKind.Max))
            .Concat(Thresholds(args, "max-drop", ThresholdKind.MaxDrop))
            .Concat(Thresholds(args, "max-relative-drop", ThresholdKind.MaxRelativeDrop))
            .Concat(Thresholds(args, "max-gap", ThresholdKind.MaxGap))
            .ToList();
        var baselinePath = args.Value("baseline");
        var baselineModel = args.Value("baseline-model");
        if (thresholds.Any(x => x.Kind.IsChange()) && baselinePath is null && baselineModel is null)
        {
            throw UsageError("--max-drop and --max-relative-drop compare with a baseline: give --baseline <baseline.json> or --baseline-model <model.zip>.");
        }

        if (thresholds.Any(x => x.Kind == ThresholdKind.MaxGap) && slices.Count == 0)
        {
            throw UsageError("--max-gap bounds the gap between slices: give --slice <column> or --slice-where <name>=<sql>.");
        }

        if (baselineModel is not null && model is null)
        {
            throw UsageError("--baseline-model is scored on the same rows as --model; with --predictions, compare with --baseline.");
        }

        var options = ReadOptions(args, task);
        var baseline = baselinePath is null ? null
            : File.Exists(baselinePath) ? BaselineMetricsJson.Read(baselinePath)
            : throw new ConfigurationException(DiagnosticCatalog.FileNotFound.Create($"Baseline '{baselinePath}' does not exist; 'modelgates accept' writes it for a model gate of modelgates.json.") with { File = baselinePath });

        pipeline = new InputPipeline();
        try
        {
            var source = DatasetOptions.From(args, dataPath);
            var table = pipeline.ReadTable(source);
            if (table.Unparsed is { IsError: true } parse)
            {
                throw new DataReadException(parse);
            }

            var data = table.Dataset;

            return new EvaluationRequest
            {
                Task = task,
                Label = args.Required("label", Usage),
                Data = data,
                TextData = pipeline.ReadTable(source with { AllText = true }).Dataset,
                DataName = Path.GetFileName(dataPath),
                ModelPath = model,
                Columns = columns,
                Thresholds = thresholds,
                Slices = slices,
                Baseline = baseline,
                BaselineModelPath = baselineModel,
            }.With(options);
        }
        catch
        {
            pipeline.Dispose();
            throw;
        }
    }

    /// <summary>The options of <see cref="ModelOptionTable"/>, under their command-line names, read and checked by the table.</summary>
    private static EvaluationOptions ReadOptions(ParsedArguments args, ModelTask task) => ModelOptionTable.FromCommandLine(args.Values, task);

    private static IEnumerable<MetricThreshold> Thresholds(ParsedArguments args, string option, ThresholdKind kind)
    {
        foreach (var (metric, text) in args.Values(option).Select(v => Pair(v, option)))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bound) || !double.IsFinite(bound))
            {
                throw UsageError($"--{option} {metric}={text}: the bound must be a number.");
            }

            if (kind is not (ThresholdKind.Min or ThresholdKind.Max) && bound < 0)
            {
                throw UsageError($"--{option} {metric}={text}: a largest allowed change or gap must be ≥ 0.");
            }

            yield return new MetricThreshold(metric, kind, bound);
        }
    }

    private static List<ClassColumn> Probabilities(string? text)
    {
        if (text is null)
        {
            return [];
        }

        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return [.. items.Select((item, i) => item.Contains('=', StringComparison.Ordinal)
            ? new ClassColumn(Pair(item, "probabilities").Key, Pair(item, "probabilities").Value)
            : new ClassColumn(i.ToString(CultureInfo.InvariantCulture), item))];
    }

    private static KeyValuePair<string, string> Pair(string text, string option)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw UsageError($"--{option} must look like <name>=<value>, not '{text}'.");
        }

        return new(text[..eq].Trim(), text[(eq + 1)..].Trim());
    }

    private static Diagnostic Diagnostic(ThresholdOutcome outcome)
    {
        var descriptor = outcome.Descriptor!;
        return descriptor.Create(outcome.Message) with
        {
            Check = $"{outcome.Threshold.Metric}/{outcome.Threshold.Kind.ToKey()}",
            Measured = outcome.Measured is { } m && double.IsFinite(m) ? m : null,
            Bound = outcome.Threshold.Bound,
        };
    }

    private static ConfigurationException UsageError(string message) =>
        new(DiagnosticCatalog.InvalidOptionValue.Create(message));
}
