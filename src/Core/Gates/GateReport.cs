using ModelGates.Checks;
using ModelGates.Diagnostics;

namespace ModelGates.Gates;

/// <summary>Everything one <c>modelgates check</c> found: every gate with every check, and the diagnostics to print.</summary>
public sealed record GateReport
{
    /// <summary>The config file.</summary>
    public required string ConfigFile { get; init; }

    /// <summary>The gates in config order (contracts, drift, models, then the lineage and lock checks of models).</summary>
    public required IReadOnlyList<GateResult> Gates { get; init; }

    /// <summary>Diagnostics of the run: failing and warned checks, waiver notes, in a stable order.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>The files read, with hashes.</summary>
    public IReadOnlyList<InputFile> Inputs { get; init; } = [];

    /// <summary>When the run happened (UTC; <c>SOURCE_DATE_EPOCH</c> fixes it for reproducible reports).</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>The tool version that produced the report.</summary>
    public string ToolVersion { get; init; } = "0.0.0";

    /// <summary>Every check of every gate.</summary>
    public IEnumerable<CheckResult> Checks => Gates.SelectMany(g => g.Checks);

    /// <summary>True unless a diagnostic is an error.</summary>
    public bool Passed => !Diagnostics.Any(d => d.IsError);

    /// <summary>Counts of checks by status.</summary>
    public IReadOnlyDictionary<CheckStatus, int> Counts =>
        Enum.GetValues<CheckStatus>().ToDictionary(s => s, s => Checks.Count(c => c.Status == s));
}
