using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Inputs;
using ModelGates.Monitoring.Reports;
using ModelGates.Monitoring.Windows;

namespace ModelGates.Monitoring;

/// <summary>Runs the monitors of a config once (<c>modelgates monitor</c>; docs/monitoring.md).</summary>
public static class MonitorRun
{
    /// <summary>Evaluates each monitor of <paramref name="config"/>: new or changed windows are judged and written to the history, then the trigger is decided.</summary>
    /// <exception cref="Data.DataReadException">The data, the reference or the history cannot be read (exit code 3).</exception>
    /// <exception cref="ConfigurationException">The config declares no monitor, or a monitor's options do not fit its data (exit code 2).</exception>
    public static MonitorReport Run(GatesConfig config, GateRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        if (config.Monitors.Count == 0)
        {
            throw new ConfigurationException(DiagnosticCatalog.MissingKey.Create($"'{config.File}' declares no monitors; add a 'monitors' section (docs/monitoring.md).") with { File = config.File });
        }

        using var pipeline = new InputPipeline(options.Progress) { Connections = new(config.Connections, options.StatementTimeout), PartitionCache = config.PartitionCache, MemoryLimit = options.MemoryLimitFor(config) };
        var context = new GateRunContext(new DatasetCache(pipeline, config), options);
        var results = config.Monitors.Where(m => m.Severity is not null).Select(m => MonitorRunner.Run(config, m, context)).ToList();
        return new MonitorReport(config, results) { Inputs = context.Inputs, Options = options };
    }
}

/// <summary>What one run of the monitors found: per monitor its windows and the retraining decision.</summary>
public sealed class MonitorReport
{
    private readonly GatesConfig config;
    private IReadOnlyList<MonitorTrend>? trends;

    internal MonitorReport(GatesConfig config, IReadOnlyList<MonitorResult> results)
    {
        this.config = config;
        Results = results;
    }

    internal IReadOnlyList<MonitorResult> Results { get; }

    /// <summary>The files the run read (the HTML report's header lists them).</summary>
    internal IReadOnlyList<InputFile> Inputs { get; init; } = [];

    /// <summary>The run's options (its time and tool version head the HTML report).</summary>
    internal GateRunOptions Options { get; init; } = new();

    /// <summary>Each monitor's trend, in monitor order; built once (it reads the promotions from the history).</summary>
    internal IReadOnlyList<MonitorTrend> Trends => trends ??= [.. Results.Select(r => MonitorTrendBuilder.Build(config, r))];

    /// <summary>The run's diagnostics: MG6001 when retraining is due, MG6002/MG6003 per window, MG6005, in monitor order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => [.. config.Warnings, .. Results.SelectMany(r => r.Diagnostics)];

    /// <summary>True when some monitor's retraining is due (at any severity).</summary>
    public bool RetrainDue => Results.Any(r => r.Retrain.Due);

    /// <summary>Writes the <c>monitors</c> array of the JSON result.</summary>
    public void WriteJson(Utf8JsonWriter writer) => MonitorJson.Write(writer, Results, config.BaseDirectory);

    /// <summary>The Markdown summary.</summary>
    public string ToMarkdown() => MonitorMarkdown.Write([.. Results.Select((r, i) => new MonitorSummary(
        r.Monitor.Name, r.Monitor.Data, r.Computed, r.Reused, r.Monitor.Trigger.Severity.ToText(), Trends[i]))]);

    /// <summary>
    /// Writes the HTML report with each monitor's trends (<c>report.html</c>) and the Markdown summary
    /// (<c>modelgates.summary.md</c>) into <paramref name="directory"/>, each atomically (docs/monitoring.md#the-report).
    /// </summary>
    public void WriteReportFiles(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        MonitorReportFiles.Write(this, config, directory);
    }

    /// <summary>A line per window and one per decision.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var r in Results)
        {
            text.Append(CultureInfo.InvariantCulture, $"monitor '{r.Monitor.Name}': {r.Windows.Count} windows of {r.Monitor.Window.Text} ({r.Computed} judged, {r.Reused} reused from the history)\n");
            foreach (var w in r.Windows)
            {
                var share = w.DriftedShare is { } s ? s.ToString("0.###", CultureInfo.InvariantCulture) : "-";
                text.Append(CultureInfo.InvariantCulture, $"  {WindowPlanner.Key(w.Start)}  {w.Rows,7} rows  {w.Status,-12}  drifted share {share}{(w.Reasons.Count == 0 ? string.Empty : "  " + string.Join("; ", w.Reasons))}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"  retrain: {(r.Retrain.Due ? "DUE" : "not due")}. {r.Retrain.Reason}\n");
        }

        return text.ToString();
    }
}
