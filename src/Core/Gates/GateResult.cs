using ModelGates.Checks;
using ModelGates.Configuration.Json;

namespace ModelGates.Gates;

/// <summary>The checks of one gate of <c>modelgates.json</c>.</summary>
/// <param name="Kind"><c>contract</c>, <c>drift</c>, <c>model</c> or <c>lineage</c>.</param>
/// <param name="Name">The gate's name in the config.</param>
/// <param name="Position">Where the gate is declared.</param>
/// <param name="Checks">Every check of the gate; ids are prefixed <c>kind:name/</c>.</param>
public sealed record GateResult(string Kind, string Name, SourcePosition Position, IReadOnlyList<CheckResult> Checks)
{
    /// <summary>Extra facts about the gate for reports (dataset rows, reference hash, drifted share, ...), in a stable order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; init; } = [];

    /// <summary>Diagnostics of the gate that belong to no single check (a column not in the reference, a test replaced), in order.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Notes { get; init; } = [];

    /// <summary>What the gate measured beyond its checks (distributions, curves), or null.</summary>
    public GateDetails? Details { get; init; }

    /// <summary>True unless a check failed.</summary>
    public bool Passed => Checks.All(c => c.IsOk);
}
