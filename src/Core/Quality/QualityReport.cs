using ModelGates.Diagnostics;

namespace ModelGates.Quality;

/// <summary>What one quality run found: every check's outcome, the findings (reviewed rows removed) and notes.</summary>
internal sealed record QualityReport
{
    /// <summary>The data checked, as shown to users.</summary>
    public required string Data { get; init; }

    /// <summary>The data's path, for diagnostics.</summary>
    public required string DataFile { get; init; }

    /// <summary>The reference, as shown, or null.</summary>
    public string? Reference { get; init; }

    /// <summary>The rows examined.</summary>
    public long Rows { get; init; }

    /// <summary>The columns of the data.</summary>
    public int Columns { get; init; }

    /// <summary>The label column, or null.</summary>
    public string? Label { get; init; }

    /// <summary>The key columns.</summary>
    public IReadOnlyList<string> Key { get; init; } = [];

    /// <summary>Every check with what became of it, in registry order.</summary>
    public IReadOnlyList<QualityCheckOutcome> Checks { get; init; } = [];

    /// <summary>The findings with all their rows, in check order.</summary>
    public IReadOnlyList<CheckFinding> Findings { get; init; } = [];

    /// <summary>The user-facing key of each listed row (the first <see cref="MaxRows"/> of each finding).</summary>
    public IReadOnlyDictionary<long, string> Keys { get; init; } = new Dictionary<long, string>();

    /// <summary>How many rows each finding lists in reports.</summary>
    public int MaxRows { get; init; } = 20;

    /// <summary>Diagnostics of the run beyond the findings (unparsed rows, expired or outdated review decisions).</summary>
    public IReadOnlyList<Diagnostic> Notes { get; init; } = [];

    /// <summary>Flagged rows that review decisions took out of the counts.</summary>
    public long Reviewed { get; init; }

    /// <summary>A diagnostic per finding, then the notes.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => [.. Findings.Select(f => QualityMessages.Diagnostic(this, f)), .. Notes];

    /// <summary>True when a finding or a note is an error.</summary>
    public bool Failed => Diagnostics.Any(d => d.IsError);
}

/// <summary>What became of one check in a run.</summary>
/// <param name="Id">The check id.</param>
/// <param name="Code">Its MG code.</param>
/// <param name="Status"><c>ran</c>, <c>off</c> (its severity is off) or <c>notApplicable</c> (no label, reference or timestamp for it).</param>
/// <param name="Settings">The settings it was judged with.</param>
internal sealed record QualityCheckOutcome(string Id, string Code, string Status, QualityCheckSettings Settings);
