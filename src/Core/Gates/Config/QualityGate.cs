using ModelGates.Quality;

namespace ModelGates.Gates.Config;

/// <summary>A dataset must pass the quality checks (docs/quality.md): duplicates, conflicting labels, leakage, column integrity, freshness.</summary>
public sealed record QualityGate : GateDeclaration
{
    /// <summary>The dataset checked.</summary>
    public required string Data { get; init; }

    /// <summary>The reference (training) dataset for leakage and volume, or null.</summary>
    public string? Reference { get; init; }

    /// <summary>The label, key, timestamp and per-check settings.</summary>
    public QualityOptions Options { get; init; } = new();

    /// <summary>Only these checks, or null for all.</summary>
    public IReadOnlyList<string>? Only { get; init; }

    /// <summary>The review decisions file (resolved), or null.</summary>
    public string? Review { get; init; }
}
