using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;

namespace ModelGates.Gates.Config;

/// <summary>
/// The <c>lineage</c> section of a model gate, read by <see cref="LineageSettingsReader"/> (docs/lineage.md): the model
/// must carry a lineage record, trained on the training data declared now, with a seed.
/// </summary>
public sealed record LineageSettings
{
    /// <summary>Where the <c>lineage</c> key is written; the record check points here.</summary>
    public required SourcePosition Position { get; init; }

    /// <summary>The severity of the lineage checks (capped by the model gate's); <c>off</c> (null) skips them.</summary>
    public Severity? Severity { get; init; } = Diagnostics.Severity.Error;

    /// <summary>The declared training data, or null to verify every file the record names (resolved against the config's folder).</summary>
    public IReadOnlyList<TrainingDataDeclaration>? TrainingData { get; init; }

    /// <summary>Whether the record must hold a seed (default true).</summary>
    public bool RequireSeed { get; init; } = true;

    /// <summary>Where <c>requireSeed</c> is written, or the section's position.</summary>
    public SourcePosition RequireSeedPosition { get; init; }
}

/// <summary>One entry of <c>trainingData</c>: a declared dataset or a path.</summary>
/// <param name="Entry">The entry as written (a dataset name or a path relative to the config).</param>
/// <param name="Dataset">The dataset's name when the entry names one, else null.</param>
/// <param name="Path">The resolved path or glob (the dataset's, or the entry's).</param>
/// <param name="Position">Where the entry is written; its check points here.</param>
public sealed record TrainingDataDeclaration(string Entry, string? Dataset, string Path, SourcePosition Position);
