using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Monitoring.History;
using ModelGates.Monitoring.Incremental;
using ModelGates.Monitoring.Trigger;
using ModelGates.Monitoring.Windows;

namespace ModelGates.Monitoring;

/// <summary>
/// Runs one monitor (docs/monitoring.md): reads its data once through the run's input pipeline into one DuckDB table,
/// cuts it into windows there, hashes every window in one query, judges only the windows whose hash is not in the
/// history yet (drift with the drift engine and the drift gate's options, the score column's drift, realized metrics
/// against the model gate's floors), writes each such window to the history in a transaction of its own, and decides
/// over the whole history whether retraining is due.
/// </summary>
internal static class MonitorRunner
{
    public static MonitorResult Run(GatesConfig config, MonitorDeclaration monitor, GateRunContext context)
    {
        var pipeline = context.Datasets.Pipeline;
        var engine = pipeline.Engine;
        var diagnostics = new List<Diagnostic>();
        using var history = HistoryStores.Open(monitor.History, context.Datasets.Pipeline.Connections);
        var known = history.Windows(monitor.Name).ToDictionary(w => w.Key, StringComparer.Ordinal);

        // With a record of the input files from an earlier run, only new and changed files are read (docs/monitoring.md#incremental-reruns).
        var eligible = IncrementalReads.Eligible(config, monitor, engine);
        var oldJson = eligible is null ? null : history.InputState(monitor.Name);
        var oldState = InputState.Read(oldJson);
        MonitorInput? input = null;
        var filesRead = 0;
        (DriftReference Reference, DriftOptions Options, string Fingerprint)? judging = null;
        if (eligible is { } files && oldState is not null)
        {
            var hashes = IncrementalReads.Hash(files.Files);
            context.Read($"dataset {monitor.Data}", hashes);
            judging = Judging(config, monitor, context);
            if (oldState.Fingerprint == judging.Value.Fingerprint)
            {
                (input, filesRead) = IncrementalReads.Rerun(config, monitor, engine, files.Source, files.Files, hashes, oldState, judging.Value.Fingerprint, known);
            }
        }

        if (input is null)
        {
            var table = context.Datasets.Table(monitor.Data);
            context.Read($"dataset {monitor.Data}", table.Hashes);
            if (table.Unparsed is { } unparsed)
            {
                diagnostics.Add(unparsed);
            }

            var data = table.Dataset;
            var frame = TimestampFrame.Of(config, monitor, data);
            RequireColumns(config, monitor, data.Columns);
            var unassignedRows = Convert.ToInt64(engine.Scalar($"SELECT count(*) FROM {data.Table} WHERE {frame.Micros} IS NULL"), CultureInfo.InvariantCulture);
            judging ??= Judging(config, monitor, context);
            var (slices, state) = eligible is not null && table.Unparsed is null
                ? IncrementalReads.Full(engine, monitor, data, frame, judging.Value.Fingerprint, table.Hashes.Files)
                : (WindowSlicer.Slice(engine, data, frame, monitor, judging.Value.Fingerprint), null);
            input = new MonitorInput
            {
                Data = data,
                Columns = data.Columns,
                Frame = frame,
                Rows = data.Rows,
                Unassigned = unassignedRows,
                Work = [.. slices.Select(s => new WindowWork(s, null))],
                NewState = state,
                FilesRead = filesRead + data.Files.Count,
            };
        }
        else
        {
            RequireColumns(config, monitor, input.Columns);
        }

        if (input.Unassigned > 0)
        {
            diagnostics.Add(Locate(config, monitor, DiagnosticCatalog.RowsWithoutTimestamp.Create(string.Create(CultureInfo.InvariantCulture,
                $"Monitor '{monitor.Name}': {input.Unassigned} of {input.Rows} rows of '{monitor.Data}' have no '{monitor.Timestamp}'; they belong to no window.")), "timestamp"));
        }

        var (reference, options, _) = judging ?? Judging(config, monitor, context);
        var windows = new List<WindowRecord>();
        int computed = 0, reused = 0;
        string? sorted = null;
        Lazy<WindowEstimates?>? estimates = null;
        var invalidated = false;
        foreach (var work in input.Work)
        {
            if (work.Reused is { } kept)
            {
                windows.Add(kept);
                reused++;
                continue;
            }

            var found = work.Slice!;

            // A record of an older format lacks what this tool records (contract pass rates, missing shares): judged again.
            if (known.TryGetValue(found.Bounds.Key, out var previous) && previous.Hash == found.Hash && previous.Format == WindowRecord.CurrentFormat)
            {
                windows.Add(previous);
                reused++;
                continue;
            }

            var data = input.Data!;
            var frame = input.Frame;
            var slice = found.TimeRange is { } range && found.Rows >= monitor.MinRows
                ? found with { Relation = sorted ??= WindowSlicer.SortByTime(engine, data, frame), Filter = string.Create(CultureInfo.InvariantCulture, $"__mg_ts >= {range.Lo} AND __mg_ts < {range.Hi}") }
                : found;

            context.Options.Progress?.Invoke($"monitor '{monitor.Name}': window {slice.Bounds.Key} ({slice.Rows} rows)");
            estimates ??= new Lazy<WindowEstimates?>(() => WindowEstimates.For(config, monitor, context, data));
            var record = WindowEvaluator.Evaluate(config, monitor, engine, data, frame, slice, reference, options, estimates.Value);

            // The record of the input files vouches for the windows as they are: before the first window changes, it is
            // invalidated, so a run killed midway leaves none that could reuse a window it did not see (the next run reads every file).
            if (!invalidated && !string.IsNullOrEmpty(history.InputState(monitor.Name)))
            {
                history.SaveInputState(monitor.Name, string.Empty, context.Options.Time.UtcDateTime);
            }

            invalidated = true;
            history.Save(monitor.Name, record, context.Options.Time.UtcDateTime);
            windows.Add(record);
            computed++;
        }

        if (input.NewState is { } newState && newState != oldJson)
        {
            history.SaveInputState(monitor.Name, newState, context.Options.Time.UtcDateTime);
        }

        var all = history.Windows(monitor.Name);
        var promotions = monitor.Model is { } model ? history.PromotionTimes(model) : [];
        var lastPromotion = promotions.Count > 0 ? promotions[^1] : (DateTime?)null;
        var decision = RetrainRule.Decide(monitor.Trigger, all, lastPromotion, context.Options.Time.UtcDateTime);
        foreach (var w in windows)
        {
            if (w.Status == WindowStatus.Breach)
            {
                diagnostics.Add(Locate(config, monitor, DiagnosticCatalog.WindowBreached.Create($"Monitor '{monitor.Name}': window {WindowPlanner.Key(w.Start)} breached: {string.Join("; ", w.Reasons)}.") with { Check = $"monitor:{monitor.Name}/{w.Key}" }));
            }
            else if (w.Status == WindowStatus.Insufficient)
            {
                diagnostics.Add(Locate(config, monitor, DiagnosticCatalog.WindowInsufficient.Create($"Monitor '{monitor.Name}': window {WindowPlanner.Key(w.Start)}: {string.Join("; ", w.Reasons)}.") with { Check = $"monitor:{monitor.Name}/{w.Key}" }));
            }
        }

        if (decision.Due)
        {
            var severity = (Severity)Math.Min((int)monitor.Trigger.Severity, (int)monitor.Severity!.Value);
            diagnostics.Add(Locate(config, monitor, DiagnosticCatalog.RetrainingDue.Create($"Monitor '{monitor.Name}': {decision.Reason}") with
            {
                Severity = severity,
                Check = $"monitor:{monitor.Name}/retrain",
            }, "trigger"));
        }

        return new MonitorResult { Monitor = monitor, Windows = windows, Retrain = decision, Computed = computed, Reused = reused, Promotions = promotions, Diagnostics = diagnostics, FilesRead = input.FilesRead };
    }

    /// <summary>What judges the windows: the reference (read once), the drift options, and the fingerprint of it all.</summary>
    private static (DriftReference Reference, DriftOptions Options, string Fingerprint) Judging(GatesConfig config, MonitorDeclaration monitor, GateRunContext context)
    {
        var reference = Reference(config, monitor, context);
        return (reference, Options(config, monitor, reference), Fingerprint(config, monitor, reference.Hash, context.Options.ToolVersion));
    }

    private static void RequireColumns(GatesConfig config, MonitorDeclaration monitor, IReadOnlyList<DatasetColumn> columns)
    {
        RequireColumn(config, monitor, columns, monitor.Label, "label");
        RequireColumn(config, monitor, columns, monitor.Score, "score");
        foreach (var probability in monitor.Probabilities ?? [])
        {
            RequireColumn(config, monitor, columns, probability.Column, "probabilities");
        }
    }

    /// <summary>The reference, read once per monitor: a declared dataset's rows, or a stored profile or data file.</summary>
    private static DriftReference Reference(GatesConfig config, MonitorDeclaration monitor, GateRunContext context)
    {
        if (config.FindDataset(monitor.Reference) is { } dataset)
        {
            if (dataset.Database is not null)
            {
                throw new ConfigurationException(Locate(config, monitor, DiagnosticCatalog.InvalidDatabaseDataset.Create(
                    $"Monitor '{monitor.Name}': reference dataset '{dataset.Name}' lives in a database; give a stored profile of it ('modelgates profile') instead."), "reference"));
            }

            var input = context.Datasets.Columns(dataset.Name);
            context.Read($"dataset {dataset.Name}", input.Hashes);
            return DriftReference.FromColumns(input);
        }

        var reference = context.Datasets.Pipeline.ReadReference(new DatasetSource(monitor.Reference));
        if (reference.Input is { } read)
        {
            context.Read($"reference data {monitor.Name}", read.Hashes);
        }
        else
        {
            context.Read($"reference profile {monitor.Name}", monitor.Reference);
        }

        return reference;
    }

    /// <summary>
    /// The drift gate's options (or the defaults), with the timestamp and the label left out of the comparison: they
    /// move by design. The score column stays in: its drift is the prediction drift.
    /// </summary>
    private static DriftOptions Options(GatesConfig config, MonitorDeclaration monitor, DriftReference reference)
    {
        var options = monitor.DriftGate is { } name ? config.Drift.First(d => d.Name == name).Options : DriftOptions.Default;
        var names = ReferenceColumns(reference);
        var overrides = new Dictionary<string, ColumnDriftOverride>(options.Overrides, StringComparer.Ordinal);
        foreach (var column in new[] { monitor.Timestamp, monitor.Label }.OfType<string>().Where(names.Contains))
        {
            overrides[column] = (overrides.TryGetValue(column, out var o) ? o : new ColumnDriftOverride()) with { Skip = true };
        }

        // A window's record holds its columns' verdicts and the dataset rule, not the dataset-level checks (domain
        // classifier, PCA error): run per window they cost a 5-fold LightGBM and an SVD each and were thrown away.
        return options with { Overrides = overrides, Multivariate = MultivariateDrift.Off };
    }

    internal static HashSet<string> ReferenceColumns(DriftReference reference) =>
        reference.Profile is { } p ? [.. p.Columns.Select(c => c.Name)]
        : reference.Direct is { } d ? [.. d.Columns.Select(c => c.Column.Name)]
        : [.. reference.Dataset!.Columns.Select(c => c.Name)];

    /// <summary>
    /// What judged the windows besides their rows: the config (every option, floor and key), the reference's hash and
    /// the tool version. A change to any of them recomputes every window; unchanged, a window is judged once.
    /// </summary>
    private static string Fingerprint(GatesConfig config, MonitorDeclaration monitor, string referenceHash, string toolVersion)
    {
        var text = $"{monitor.Name}\n{referenceHash}\n{toolVersion}\n{monitor.TimeZone.Id}\n";
        var bytes = Encoding.UTF8.GetBytes(text).Concat(File.Exists(config.File) ? File.ReadAllBytes(config.File) : []).ToList();

        // A contract file judges the windows as much as the config does.
        if (monitor.Contract?.Contract.File is { } contract && File.Exists(contract))
        {
            bytes.AddRange(File.ReadAllBytes(contract));
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()));
    }

    private static void RequireColumn(GatesConfig config, MonitorDeclaration monitor, IReadOnlyList<DatasetColumn> columns, string? column, string key)
    {
        if (column is not null && !columns.Any(c => c.Name == column))
        {
            var suggestion = DidYouMean.Suggest(column, columns.Select(c => c.Name));
            throw new DataReadException(Locate(config, monitor, DiagnosticCatalog.MonitorColumnMissing.Create(
                $"Monitor '{monitor.Name}': the {key} column '{column}' is not in dataset '{monitor.Data}'.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}"), key));
        }
    }

    /// <summary>Points a diagnostic at the monitor's key, or at the monitor.</summary>
    internal static Diagnostic Locate(GatesConfig config, MonitorDeclaration monitor, Diagnostic diagnostic, string? key = null)
    {
        var position = key is null ? monitor.Position : monitor.PositionOf(key);
        return diagnostic with { File = config.File, Line = position.Line, SourceColumn = position.Column };
    }
}
