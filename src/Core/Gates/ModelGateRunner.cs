using System.Globalization;
using ModelGates.Checks;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Baselines;
using ModelGates.Models.Evaluation.Thresholds;

namespace ModelGates.Gates;

/// <summary>
/// Runs the <c>models</c> gates: scores each model (or reads its predictions file), measures every metric with
/// its bootstrap interval, and turns every threshold into a check (<c>model:&lt;gate&gt;/&lt;metric&gt;/&lt;kind&gt;</c>,
/// per slice <c>model:&lt;gate&gt;/&lt;slice&gt;/&lt;metric&gt;/&lt;kind&gt;</c>) whose diagnostic points at the line of the bound.
/// </summary>
internal sealed class ModelGateRunner : IGateRunner
{
    /// <inheritdoc />
    public IEnumerable<GateResult> Run(GatesConfig config, GateRunContext context)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var gate in config.Models.Where(g => g.Severity is not null && g.Evaluation is not null))
        {
            if (gate.PredictionsDataset is not null)
            {
                yield return DatabaseModelGate.Run(config, gate, context);
                continue;
            }

            context.Options.Progress?.Invoke($"model '{gate.Name}': evaluating {Data.PathDisplay.For(gate.Model ?? gate.Predictions!)}");
            var checks = new List<CheckResult>();
            var (request, dataDeclaration) = CreateRequest(config, gate, context.Datasets, context.Read);
            if (UnparsedRowsCheck.Check(request.Data, dataDeclaration?.MaxUnparsedRows ?? 0) is { } parse)
            {
                checks.Add(new CheckResult($"model:{gate.Name}/data/parse", $"{request.DataName} rows parse")
                {
                    Status = parse.IsError ? CheckStatus.Failed : CheckStatus.Warned,
                    Diagnostic = parse,
                    Measured = parse.Measured,
                    Bound = parse.Bound,
                });
            }

            if (request.Baseline is { } baseline && DataHash(request.Data, context.Datasets.Pipeline) is var hash && hash != baseline.Data.Sha256)
            {
                checks.Add(BaselineData(config, gate, baseline, request));
            }

            var progress = context.Options.Progress;
            var result = ModelEvaluation.Run(context.Datasets.Engine, request, progress is null ? null : line => progress($"model '{gate.Name}': {line}"));
            checks.AddRange(result.Outcomes.Select(o => Check(config, gate, request.DataName, o)));
            Models.Segments.WeakSegmentResult? segments = null;
            if (gate.Evaluation!.WeakSegments is { } weak && result.Predictions is { } predictions)
            {
                progress?.Invoke($"model '{gate.Name}': searching weak segments");
                segments = WeakSegmentChecks.Search(context.Datasets.Engine, request, weak, predictions);
                checks.Add(WeakSegmentChecks.Check(config, gate, weak, segments));
            }

            if (gate.Budgets.Count > 0 && gate.Model is { } modelPath)
            {
                progress?.Invoke($"model '{gate.Name}': measuring resources");
                var lineage = gate.Budgets.Any(b => b.Resource.FromLineage) ? LineageGateRunner.ReadRecord(modelPath) : null;
                Models.Resources.ResourceUse Measure() => Models.Resources.ResourceMeter.Measure(modelPath, context.Datasets.Engine, request.Data, request.TextData ?? request.Data, [.. gate.Budgets.Select(b => b.Resource.Id)], lineage);
                checks.AddRange(BudgetChecks.Run(config, gate, Measure(), request.Baseline, Measure));
            }

            ImportanceDetails? importance = null;
            if (gate.Importance is not null && gate.Model is not null && result.Predictions is { } labelled)
            {
                var measured = ModelImportance.Measure(config, gate, context, request, labelled);
                var (importanceChecks, details) = ImportanceChecks.Run(config, gate, measured, ImportanceBaseline(config, gate, context, request, out var why), why);
                checks.AddRange(importanceChecks);
                importance = details;
            }

            yield return new GateResult("model", gate.Name, gate.Position, [.. checks.Select(c => GateSeverity.Apply(c, gate.Severity!.Value))])
            {
                Facts = Facts(gate, request, result),
                Details = ModelGateDetails.Of(result, request.Metrics.DecisionThreshold) with { WeakSegments = segments, Importance = importance },
            };
        }
    }

    /// <summary>
    /// The importances the shift checks compare with: the baseline file's, or the baseline model's measured on the
    /// same rows; null (with the reason) when the gate declares no shift or the baseline holds none.
    /// </summary>
    private static ImportanceChecks.Baseline? ImportanceBaseline(GatesConfig config, ModelGate gate, GateRunContext context, Models.Evaluation.EvaluationRequest request, out string? why)
    {
        why = null;
        if (gate.Importance?.Shift is null)
        {
            return null;
        }

        if (gate.Baseline is { } path)
        {
            if (request.Baseline is null)
            {
                why = $"baseline '{Data.PathDisplay.For(path)}' does not exist yet";
                return null;
            }

            var fromFile = ImportanceChecks.FromFile(request.Baseline, path);
            why = fromFile is null ? $"baseline '{Data.PathDisplay.For(path)}' holds no importances (it was accepted before the gate measured them)" : null;
            return fromFile;
        }

        if (gate.Evaluation?.BaselineModel is { } baselineModel)
        {
            var measured = ModelImportance.MeasureBaselineModel(config, gate, context, request, baselineModel);
            return new ImportanceChecks.Baseline(measured.ByColumn(), measured.Metric, $"baseline model {Data.PathDisplay.For(baselineModel)}");
        }

        return null;
    }

    /// <summary>The id of a threshold's check.</summary>
    public static string CheckId(string gate, ThresholdOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var t = outcome.Threshold;
        return outcome.Scope is null
            ? $"model:{gate}/{t.Metric}/{t.Kind.ToKey()}"
            : $"model:{gate}/{outcome.Scope}/{t.Metric}/{t.Kind.ToKey()}";
    }

    /// <summary>A short readable statement of a threshold (<c>auc ≥ 0.8 on holdout</c>).</summary>
    public static string Describe(ThresholdOutcome outcome, string dataName)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var t = outcome.Threshold;
        var bound = Scalar.Format(t.Bound);
        var on = outcome.Scope is null ? dataName : outcome.Scope;
        return t.Kind switch
        {
            ThresholdKind.Min => $"{t.Metric} ≥ {bound} on {on}",
            ThresholdKind.Max => $"{t.Metric} ≤ {bound} on {on}",
            ThresholdKind.MaxDrop => $"{t.Metric} drop vs baseline ≤ {bound} on {on}",
            ThresholdKind.MaxRelativeDrop => $"{t.Metric} relative drop vs baseline ≤ {bound} on {on}",
            _ => $"{t.Metric} gap across {outcome.Scope} ≤ {bound}",
        };
    }

    /// <summary>
    /// The evaluation a gate declares: its data (or predictions file) loaded through the run's cache, its baseline
    /// read when the file exists. Every file read is recorded through <paramref name="read"/>.
    /// </summary>
    internal static (EvaluationRequest Request, DatasetDeclaration? Data) CreateRequest(GatesConfig config, ModelGate gate, DatasetCache datasets, Action<string, string> read)
    {
        var settings = gate.Evaluation!;
        DatasetDeclaration? declaration = null;
        LoadedDataset data;
        LoadedDataset text;
        string dataName;
        if (gate.Data is { } name)
        {
            declaration = datasets.Declaration(name);
            var table = datasets.Table(name);
            data = table.Dataset;
            text = datasets.Get(name, allText: true);
            foreach (var file in table.Hashes.Files)
            {
                read($"dataset {name}", file.Path);
            }

            dataName = name;
        }
        else
        {
            data = datasets.Pipeline.ReadTable(new DatasetSource(gate.Predictions!)).Dataset;
            text = datasets.Pipeline.ReadTable(new DatasetSource(gate.Predictions!) { AllText = true }).Dataset;
            read($"predictions {gate.Name}", gate.Predictions!);
            dataName = Path.GetFileName(gate.Predictions!);
        }

        if (gate.Model is { } model)
        {
            read($"model {gate.Name}", model);
        }

        if (settings.BaselineModel is { } baselineModel)
        {
            read($"baseline model {gate.Name}", baselineModel);
        }

        BaselineMetrics? baseline = null;
        if (gate.Baseline is { } baselinePath)
        {
            read($"baseline {gate.Name}", baselinePath);
            baseline = File.Exists(baselinePath) ? BaselineMetricsJson.Read(baselinePath) : null;
        }

        var request = new EvaluationRequest
        {
            Task = settings.Task,
            Label = gate.Label,
            Data = data,
            TextData = text,
            DataName = dataName,
            ModelPath = gate.Model,
            Columns = settings.Columns,
            Thresholds = settings.Thresholds,
            Slices = settings.Slices,
            Baseline = baseline,
            BaselineModelPath = settings.BaselineModel,
            ConfigFile = config.File,
        }.With(settings.Options);
        return (request, declaration);
    }

    /// <summary>The SHA-256 of the evaluation data: the file's, or for several files the hash of their hashes in read order.</summary>
    internal static string DataHash(LoadedDataset data, Inputs.InputPipeline pipeline)
    {
        var hashes = data.Files.Select(f => pipeline.HashOf(f.Path).Sha256).ToList();
        return hashes.Count == 1
            ? hashes[0]
            : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", hashes))));
    }

    /// <summary>A threshold's outcome as a check whose diagnostic points at the line of the bound.</summary>
    internal static CheckResult Check(GatesConfig config, ModelGate gate, string dataName, ThresholdOutcome outcome)
    {
        var t = outcome.Threshold;
        var status = outcome.Status switch
        {
            ThresholdStatus.Passed => CheckStatus.Passed,
            ThresholdStatus.Insufficient => CheckStatus.Insufficient,
            _ => CheckStatus.Failed,
        };
        Diagnostic? diagnostic = null;
        if (outcome.Descriptor is { } descriptor)
        {
            var position = t.Position ?? gate.PositionOf("metrics");
            diagnostic = descriptor.Create($"Model gate '{gate.Name}': {outcome.Message}") with
            {
                Severity = status == CheckStatus.Failed ? t.Severity ?? descriptor.DefaultSeverity : descriptor.DefaultSeverity,
                File = config.File,
                Line = position.Line,
                SourceColumn = position.Column,
                Check = $"{t.Metric}/{t.Kind.ToKey()}",
                Measured = outcome.Measured is { } m ? m : null,
                Bound = t.Bound,
            };
            if (status == CheckStatus.Failed && diagnostic.Severity != Severity.Error)
            {
                status = CheckStatus.Warned;
            }
        }

        return new CheckResult(CheckId(gate.Name, outcome), Describe(outcome, dataName))
        {
            Status = status,
            Measured = outcome.Measured is { } measured ? measured : null,
            Bound = t.Bound,
            Diagnostic = diagnostic,
        };
    }

    private static CheckResult BaselineData(GatesConfig config, ModelGate gate, BaselineMetrics baseline, EvaluationRequest request)
    {
        var position = gate.PositionOf("baseline");
        var message = $"Model gate '{gate.Name}': baseline '{gate.Baseline}' was measured on data '{baseline.Data.Path}' ({baseline.Rows} rows, sha256 {baseline.Data.Sha256[..Math.Min(12, baseline.Data.Sha256.Length)]}), not on the current {request.DataName} ({request.Data.Rows} rows); changes against it mix a model change with a data change. Run 'modelgates accept' after reviewing.";
        return new CheckResult($"model:{gate.Name}/baseline/data", $"baseline measured on {request.DataName}")
        {
            Status = CheckStatus.Warned,
            Diagnostic = DiagnosticCatalog.BaselineDataDiffers.Create(message) with { File = config.File, Line = position.Line, SourceColumn = position.Column, Check = "baseline" },
        };
    }

    private static List<KeyValuePair<string, string>> Facts(ModelGate gate, EvaluationRequest request, EvaluationResult result)
    {
        var facts = new List<KeyValuePair<string, string>>
        {
            new("task", TaskText.ToText(result.Task)),
            new(gate.Model is not null ? "model" : "predictions", gate.Model ?? gate.Predictions!),
            new("data", request.DataName),
            new("rows", result.Rows.ToString(CultureInfo.InvariantCulture)),
            new("scores", result.ScoreSource),
        };
        if (result.Notes.Count > 0)
        {
            facts.Add(new("note", string.Join(" ", result.Notes)));
        }

        foreach (var metric in result.Metrics)
        {
            var value = metric.Estimate.Value is { } v ? Scalar.Format(v) : "undefined";
            var interval = metric.Lower is { } lo && metric.Upper is { } hi ? $" [{Scalar.Format(lo)}, {Scalar.Format(hi)}]" : string.Empty;
            facts.Add(new(metric.MetricId, value + interval));
        }

        return facts;
    }
}
