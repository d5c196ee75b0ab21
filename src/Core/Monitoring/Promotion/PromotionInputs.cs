using ModelGates.Configuration.Json;
using ModelGates.Gates.Config;

namespace ModelGates.Monitoring.Promotion;

/// <summary>
/// The config a promotion runs on: the config itself, and with a window the window declared as one more dataset (read
/// like the gate's data) with every contract and drift gate over the gate's data repeated over it, so the data gates
/// judge the new data with the same contracts and references.
/// </summary>
internal static class PromotionInputs
{
    /// <summary>The name the window has in results and in the champion record's data hashes.</summary>
    public const string WindowName = "window";

    /// <summary>The config with the window added, and the window's dataset name (null without a window).</summary>
    /// <param name="config">The config.</param>
    /// <param name="gate">The promoted model gate.</param>
    /// <param name="window">The window's data file, or null.</param>
    /// <param name="format">The window file's format when it is not read like the holdout (a monitor's window, written as CSV with a header).</param>
    public static (GatesConfig Config, string? Window) WithWindow(GatesConfig config, ModelGate gate, string? window, Data.DataFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(gate);
        if (window is null || gate.Data is not { } data)
        {
            return (config, null);
        }

        var name = WindowName;
        while (config.FindDataset(name) is not null)
        {
            name = "_" + name;
        }

        var holdout = config.FindDataset(data)!;
        var declaration = new DatasetDeclaration(name, Path.GetFullPath(window), default(SourcePosition))
        {
            Read = holdout.Database is null && format is null ? holdout.Read : new(),
            Format = format ?? (holdout.Database is null ? holdout.Format : Data.DataFormat.Auto),
            MaxUnparsedRows = holdout.MaxUnparsedRows,
        };
        var contracts = config.Contracts.Where(c => c.Dataset == data).Select(c => c with { Name = $"{c.Name} ({name})", Dataset = name, Partitions = null });
        var drift = config.Drift.Where(d => d.Current == data).Select(d => d with { Name = $"{d.Name} ({name})", Current = name, Partitions = null });
        return (config with
        {
            Datasets = [.. config.Datasets, declaration],
            Contracts = [.. config.Contracts, .. contracts],
            Drift = [.. config.Drift, .. drift],
        }, name);
    }
}
