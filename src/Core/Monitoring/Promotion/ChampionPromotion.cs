using System.Globalization;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Inputs;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Baselines;
using ModelGates.Models.Predictions;
using ModelGates.Monitoring.History;

namespace ModelGates.Monitoring.Promotion;

/// <summary>
/// Champion and challenger (docs/promotion.md): both models are scored on the same rows of the gate's holdout, and of
/// the newest labelled window when one is given, and the challenger replaces the champion only if every rule passes:
/// the gate's absolute bounds (MG6030), the paired bootstrap's lower bound of challenger − champion at least −margin
/// (MG6031, MG6034), no gated slice worse beyond its allowance (MG6032), and the data gates on the new data (MG6033).
/// A promotion writes the model, the baseline, the lock and a champion record in the history as one unit.
/// </summary>
public static class ChampionPromotion
{
    /// <summary>Judges <paramref name="request"/> against <paramref name="config"/> and promotes when every rule passes.</summary>
    /// <exception cref="ModelGatesException">
    /// A usage problem (no such gate, a bad metric or margin; exit code 2), or a model, dataset or history that cannot be
    /// read or written (exit code 3). Nothing is changed then.
    /// </exception>
    public static PromotionResult Promote(GatesConfig config, PromotionRequest request)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(request);
        var gate = FindGate(config, request.Gate);
        var settings = gate.Promotion ?? new PromotionSettings();
        var task = gate.Evaluation!.Task;
        var metric = Metric(gate, task, request.Metric ?? settings.Metric);
        var margin = request.Margin ?? settings.Margin;
        if (!double.IsFinite(margin) || margin < 0)
        {
            throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create($"--margin is how much worse the challenger may be and must be ≥ 0, not {Scalar.Format(margin)}."));
        }

        var sliceMargin = settings.SliceMargin ?? margin;
        var challenger = Path.GetFullPath(request.Challenger);
        if (!File.Exists(challenger))
        {
            throw new Data.DataReadException(DiagnosticCatalog.ChallengerUnreadable.Create($"Challenger model '{request.Challenger}' does not exist.") with { File = request.Challenger });
        }

        if (request.Window is { } windowFile && !File.Exists(windowFile))
        {
            throw new ConfigurationException(DiagnosticCatalog.FileNotFound.Create($"Window data '{windowFile}' does not exist.") with { File = windowFile });
        }

        var history = HistoryOf(config, gate, request);
        using var pipeline = new InputPipeline(request.Progress) { Connections = new(config.Connections), PartitionCache = config.PartitionCache };

        // Without --window, the newest labelled window of the monitor that watches the gate (its rows in a CSV file of their own).
        var folder = Path.Combine(Path.GetTempPath(), "modelgates-promote-" + Guid.NewGuid().ToString("N"));
        try
        {
            var monitored = request.Window is null ? NewestLabelledWindow.Find(config, gate, new DatasetCache(pipeline, config), folder) : null;
            return Promote(config, request, gate, metric, margin, sliceMargin, challenger, history, pipeline, monitored);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static PromotionResult Promote(
        GatesConfig config, PromotionRequest request, ModelGate gate, string metric, double margin, double sliceMargin, string challenger, HistoryLocation history, InputPipeline pipeline, LabelledWindow? monitored)
    {
        var (runConfig, window) = monitored?.File is { } file
            ? PromotionInputs.WithWindow(config, gate, file, Data.DataFormat.Csv)
            : PromotionInputs.WithWindow(config, gate, request.Window);
        var datasets = new DatasetCache(pipeline, runConfig);
        var (holdout, _) = ModelGateRunner.CreateRequest(config, gate, datasets, (_, _) => { });
        var sets = new List<EvaluationRequest> { holdout };
        if (window is not null)
        {
            sets.Add(holdout with { Data = datasets.Get(window), TextData = datasets.Get(window, allText: true), DataName = PromotionInputs.WindowName });
        }

        var judged = sets.Select(set => PromotionJudge.Judge(datasets.Engine, gate, config.File, set, challenger, metric, request.Progress)).ToList();
        var rules = new PromotionRules(config, gate, metric, margin, sliceMargin);
        var outcomes = new List<PromotionRuleOutcome>
        {
            rules.Absolute(judged),
            rules.Margin(judged),
            rules.Slices(judged),
            rules.DataGates(runConfig, datasets, request, judged),
        };

        var result = new PromotionResult
        {
            Gate = gate.Name,
            Champion = Display(config, gate.Model!),
            Challenger = request.Challenger,
            Metric = metric,
            Margin = margin,
            SliceMargin = sliceMargin,
            Confidence = holdout.Bootstrap.Confidence,
            Comparisons = [.. judged.Select(j => j.Comparison)],
            Rules = outcomes,
            Diagnostics = [.. rules.Notes, .. Unlabelled(config, gate, monitored), .. rules.Refusals],
            History = history.Display(config.BaseDirectory),
            MonitorWindow = monitored?.Describe(),
        };
        if (!result.Promoted)
        {
            return result;
        }

        var written = Commit(config, gate, datasets, holdout, judged, challenger, history, result, request, monitored);
        var display = history.Display(config.BaseDirectory);
        var promoted = DiagnosticCatalog.ChallengerPromoted.Create(
            $"Model gate '{gate.Name}': challenger '{request.Challenger}' promoted to '{Display(config, gate.Model!)}'; the champion record is in '{display}', and monitors count their cooldown from {request.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC.") with
        {
            File = config.File,
            Line = gate.Position.Line,
            SourceColumn = gate.Position.Column,
        };
        return result with { Written = [.. written.Select(f => Display(config, f)), display], Diagnostics = [.. rules.Notes, .. Unlabelled(config, gate, monitored), promoted] };
    }

    /// <summary>
    /// Where the champion record goes: <c>--history</c> (a file), else the history of the monitor that watches the gate
    /// (a file or a connection's tables, so its cooldown sees the promotion), else <c>.modelgates/history.duckdb</c>.
    /// </summary>
    private static HistoryLocation HistoryOf(GatesConfig config, ModelGate gate, PromotionRequest request) =>
        request.History is { } file ? HistoryLocation.AtFile(file)
        : config.Monitors.FirstOrDefault(m => m.Model == gate.Name && m.Severity is not null)?.History
        ?? HistoryLocation.AtFile(Path.Combine(config.BaseDirectory, ChampionLog.DefaultPath));

    /// <summary>MG6060 when a monitor watches the gate but none of its windows has enough labelled rows yet: judged on the holdout alone.</summary>
    private static IEnumerable<Diagnostic> Unlabelled(GatesConfig config, ModelGate gate, LabelledWindow? monitored)
    {
        if (monitored is { File: null })
        {
            yield return DiagnosticCatalog.NoLabelledWindow.Create($"Model gate '{gate.Name}': {monitored.Describe()}; both models are judged on the holdout only.") with
            {
                File = config.File,
                Line = gate.Position.Line,
                SourceColumn = gate.Position.Column,
            };
        }
    }

    /// <summary>A path as results show it: relative to the config's folder, with <c>/</c>, the same on every machine.</summary>
    private static string Display(GatesConfig config, string path) =>
        Path.GetRelativePath(config.BaseDirectory, Path.GetFullPath(path)).Replace('\\', '/');

    private static ModelGate FindGate(GatesConfig config, string? name)
    {
        var candidates = config.Models.Where(g => g.Model is not null && g.Evaluation is not null).ToList();
        if (name is null)
        {
            return candidates.Count == 1
                ? candidates[0]
                : throw Gate(candidates.Count == 0
                    ? $"Config '{config.File}' has no model gate that scores a 'model'; promotion replaces a model file with a challenger."
                    : $"Config '{config.File}' has {candidates.Count} model gates ({string.Join(", ", candidates.Select(g => g.Name))}); name one with --gate.");
        }

        if (config.Models.FirstOrDefault(g => g.Name == name) is not { } gate)
        {
            var suggestion = Configuration.Json.DidYouMean.Suggest(name, config.Models.Select(g => g.Name));
            throw Gate($"Config '{config.File}' has no model gate '{name}'.{(suggestion is null ? $" Its model gates: {string.Join(", ", config.Models.Select(g => g.Name))}." : $" Did you mean '{suggestion}'?")}");
        }

        return candidates.Contains(gate)
            ? gate
            : throw Gate($"Model gate '{name}' reads a predictions file (or is off); promotion replaces its 'model' file with a challenger, so it needs 'model'.");
    }

    private static ConfigurationException Gate(string message) => new(DiagnosticCatalog.PromotionGateInvalid.Create(message));

    private static string Metric(ModelGate gate, ModelTask task, string? chosen)
    {
        var metric = chosen ?? gate.Evaluation!.Thresholds.FirstOrDefault()?.Metric ?? task switch
        {
            ModelTask.Binary => "auc",
            ModelTask.Multiclass => "accuracy",
            _ => "rmse",
        };
        return PromotionSettingsReader.CheckMetric(task, metric) is { } problem
            ? throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create($"--metric: {problem}"))
            : metric;
    }

    private static IReadOnlyList<string> Commit(
        GatesConfig config, ModelGate gate, DatasetCache datasets, EvaluationRequest holdout, IReadOnlyList<JudgedSet> judged, string challenger, HistoryLocation history, PromotionResult result, PromotionRequest request, LabelledWindow? monitored)
    {
        request.Progress?.Invoke("promotion: writing the model, the baseline, the lock and the champion record");
        var bytes = File.ReadAllBytes(challenger);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var files = new List<KeyValuePair<string, byte[]>> { new(gate.Model!, bytes) };
        if (gate.Evaluation!.BaselineModel is { } baselineModel)
        {
            files.Add(new(baselineModel, bytes));
        }

        // The baseline records every metric the gate judges, measured as accept measures it, now of the challenger.
        var plain = holdout with
        {
            ModelPath = challenger,
            Thresholds = [],
            Slices = [],
            Baseline = null,
            BaselineModelPath = null,
            AdditionalMetrics = [.. holdout.Thresholds.Concat(holdout.Slices.SelectMany(s => s.Thresholds)).Select(t => t.Metric).Append(result.Metric).Distinct(StringComparer.Ordinal)],
        };
        var measured = ModelEvaluation.Run(datasets.Engine, plain);
        var holdoutHash = ModelGateRunner.DataHash(holdout.Data, datasets.Pipeline);
        if (gate.Baseline is { } baseline)
        {
            // Recorded from the challenger's bytes (the gate's model file still holds the champion's until the commit).
            var recorded = BaselineRecorder.Record(measured, plain, baseline, challenger, holdoutHash);
            var scored = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(baseline))!, Path.GetFullPath(gate.Model!)).Replace('\\', '/');
            files.Add(new(baseline, BaselineMetricsJson.Write(recorded with { Scored = recorded.Scored with { Path = scored } })));
        }

        if (config.Lock is { } lockPath)
        {
            var entries = new SortedDictionary<string, ModelLockEntry>(ModelLockFile.Read(lockPath).ToDictionary(), StringComparer.Ordinal);
            var key = ModelLockFile.Key(lockPath, gate.Model!);
            entries[key] = new ModelLockEntry(key, hash, bytes.LongLength);
            files.Add(new(lockPath, ModelLockFile.Write(entries.Values)));
        }

        var dataHashes = new SortedDictionary<string, string>(StringComparer.Ordinal) { [holdout.DataName] = holdoutHash };
        foreach (var set in judged.Skip(1))
        {
            dataHashes[set.Data] = ModelGateRunner.DataHash(set.Request.Data, datasets.Pipeline);
        }

        var record = new ChampionRecord(request.Time, gate.Name, hash)
        {
            PreviousModelHash = File.Exists(gate.Model) ? InputFile.Of("model", gate.Model!).Sha256 : null,
            ModelPath = Display(config, gate.Model!),
            ChallengerPath = request.Challenger,
            DataHashes = [.. dataHashes],
            Metrics = [.. measured.Metrics.Select(m => new KeyValuePair<string, double?>(m.MetricId, m.Estimate.Value))],
            GitCommit = GitHead.Read(config.BaseDirectory),
            Decision = new PromotionDecisionSummary(result.Metric, result.Margin, result.SliceMargin, result.Comparisons),
            ToolVersion = request.ToolVersion,
            Window = monitored is { File: not null } ? monitored : null,
        };
        using var store = HistoryStores.Open(history, datasets.Pipeline.Connections);
        return PromotionCommit.Write(files, store, record);
    }
}
