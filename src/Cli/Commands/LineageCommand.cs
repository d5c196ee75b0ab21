using System.Globalization;
using ModelGates.Cli.Arguments;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Lineage;

namespace ModelGates.Cli.Commands;

/// <summary>
/// <c>modelgates lineage &lt;model.zip&gt;</c>: print the lineage record stored in a model zip by ModelLineage.Save, as
/// readable key/value lines or as the record's JSON. A model without a record is MG5001 (exit code 1).
/// </summary>
internal sealed class LineageCommand : ICliCommand
{
    public string Name => "lineage";

    public string Summary => "Print the lineage record of a model zip (seed, data hashes, commit, versions, trainer, metrics).";

    public string Usage => "modelgates lineage <model.zip> [--format text|json]";

    public string Example => "modelgates lineage samples/CreditRisk/model/credit-risk.zip";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [new("model", "an ML.NET model zip saved with ModelLineage.Save")];

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("format", true, "text|json: key/value lines, or the record's JSON as stored in the zip (default text)"),
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var path = args.Positional(0, "the model path", Usage);
        var format = args.Choice("format", "text", "text", "json");
        if (!File.Exists(path))
        {
            throw new DataReadException(DiagnosticCatalog.ModelUnreadable.Create($"Model '{path}' does not exist.") with { File = path });
        }

        var record = LineageGateRunner.ReadRecord(path)
            ?? throw new ModelGatesException(
                [DiagnosticCatalog.LineageMissing.Create($"Model '{path}' carries no lineage record ('{ModelLineage.EntryName}'); it was saved with a plain Model.Save. Save it with ModelLineage.Save (package ModelGates.Lineage).") with { File = path }],
                ExitCodes.CheckFailed);
        if (format == "json")
        {
            context.Out.Write(record.ToJson());
            return ExitCodes.Passed;
        }

        foreach (var (key, value) in Lines(path, record))
        {
            context.Out.WriteLine($"{key.PadRight(16)} {value}".TrimEnd());
        }

        return ExitCodes.Passed;
    }

    private static List<(string Key, string Value)> Lines(string path, LineageRecord record)
    {
        var lines = new List<(string, string)>
        {
            ("model", path.Replace('\\', '/')),
            ("seed", record.Seed is { } seed ? $"{seed.ToString(CultureInfo.InvariantCulture)} (from {record.SeedSource})" : "none (the model cannot be reproduced)"),
            ("trainer", record.Trainer ?? "unknown"),
            ("pipeline", string.Join(" -> ", record.Pipeline)),
        };
        lines.AddRange(record.DataFiles.Select(f => ("data", $"{f.Path} sha256 {f.Sha256} ({f.Length.ToString(CultureInfo.InvariantCulture)} bytes)")));
        if (record.DataFiles.Count == 0)
        {
            lines.Add(("data", "none recorded"));
        }

        if (record.Training is { } training)
        {
            lines.Add(("training", string.Create(CultureInfo.InvariantCulture, $"{Scalar.Format(training.Seconds)} s, peak memory {Scalar.Format(training.PeakMemoryBytes / (1024.0 * 1024.0))} MB (since {training.Since})")));
        }

        lines.Add(("git", record.Git is { } git ? git.Commit + (git.Dirty ? " (dirty)" : string.Empty) : "unknown"));
        lines.Add(("created", record.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        lines.Add(("ml.net", record.MlNetVersion));
        lines.Add(("runtime", record.Runtime));
        lines.Add(("os", record.OperatingSystem));
        lines.AddRange(record.Hyperparameters.Select(p => ("hyperparameter", $"{p.Key} = {p.Value}")));
        lines.AddRange(record.ModelParameters.Select(p => ("parameter", $"{p.Key} = {p.Value}")));
        lines.AddRange(record.Metrics.Select(p => ("metric", $"{p.Key} = {Scalar.Format(p.Value)}")));
        lines.AddRange(record.Properties.Select(p => ("property", $"{p.Key} = {p.Value}")));
        lines.Add(("schemaVersion", record.SchemaVersion.ToString(CultureInfo.InvariantCulture)));
        return lines;
    }
}
