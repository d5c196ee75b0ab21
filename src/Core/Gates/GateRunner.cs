using ModelGates.Data;
using ModelGates.Gates.Config;
using ModelGates.Inputs;

namespace ModelGates.Gates;

/// <summary>Runs every gate of a config and applies its waivers.</summary>
public static class GateRunner
{
    /// <summary>The runners, in the order their gates appear in reports.</summary>
    internal static IReadOnlyList<IGateRunner> Runners { get; } = [new ContractGateRunner(), new DriftGateRunner(), new ModelGateRunner(), new LineageGateRunner(), new QualityGateRunner(), new Monitoring.MonitorGateRunner()];

    /// <summary>Runs the gates of <paramref name="config"/>.</summary>
    /// <exception cref="DataReadException">A dataset, profile or model could not be read (exit code 3).</exception>
    public static GateReport Run(GatesConfig config, GateRunOptions options)
    {
        using var pipeline = new InputPipeline(options.Progress) { Connections = new(config.Connections, options.StatementTimeout), PartitionCache = config.PartitionCache, MemoryLimit = options.MemoryLimitFor(config) };
        var context = new GateRunContext(new DatasetCache(pipeline, config), options);
        var gates = Runners.SelectMany(r => r.Run(config, context)).ToList();
        var (waived, waiverDiagnostics) = WaiverApplier.Apply(config, gates, options.Today);
        var diagnostics = config.Warnings.Concat(waived.SelectMany(g => g.Checks.Where(c => c.Diagnostic is not null).Select(c => c.Diagnostic!).Concat(g.Notes))
            .Concat(waiverDiagnostics))
            .ToList();
        return new GateReport
        {
            ConfigFile = config.File,
            Gates = waived,
            Diagnostics = diagnostics,
            Inputs = context.Inputs,
            Time = options.Time,
            ToolVersion = options.ToolVersion,
        };
    }
}
