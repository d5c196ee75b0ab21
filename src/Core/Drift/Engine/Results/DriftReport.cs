using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Options;

namespace ModelGates.Drift.Engine.Results;

/// <summary>The result of comparing a current dataset with a reference: every column's result, the dataset rule and the diagnostics.</summary>
public sealed record DriftReport
{
    /// <summary>The reference.</summary>
    public required DriftSide Reference { get; init; }

    /// <summary>The current data.</summary>
    public required DriftSide Current { get; init; }

    /// <summary>Every compared column, drifted or not, in the reference's column order.</summary>
    public required IReadOnlyList<ColumnDriftResult> Columns { get; init; }

    /// <summary>The weighted share of drifted columns among those judged (tested, missing or changed in kind).</summary>
    public required double DriftedShare { get; init; }

    /// <summary>True when <see cref="DriftedShare"/> reached <see cref="DatasetDriftShare"/>.</summary>
    public required bool DatasetDrift { get; init; }

    /// <summary>The dataset rule's share.</summary>
    public required double DatasetDriftShare { get; init; }

    /// <summary>The correction across columns that was applied.</summary>
    public required MultipleTestingCorrection Correction { get; init; }

    /// <summary>The decision rule that was applied.</summary>
    public required DriftDecisionRule Decision { get; init; }

    /// <summary>Findings, in the order of the columns they concern, the dataset's last. They name no file; the caller adds it.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>Each compared column's distribution on both sides (for charts), by column name, from the inputs the comparison read.</summary>
    public IReadOnlyDictionary<string, ColumnDistribution> Distributions { get; init; } = new Dictionary<string, ColumnDistribution>(StringComparer.Ordinal);

    /// <summary>The dataset-level (multivariate) checks, in the order domain classifier, reconstruction; empty when none was asked for.</summary>
    public IReadOnlyList<DatasetDriftCheck> DatasetChecks { get; init; } = [];

    /// <summary>True unless a diagnostic is an error.</summary>
    public bool Passed => !Diagnostics.Any(d => d.IsError);

    /// <summary>The columns with drifted ones first, each group in reference order: the order of text and Markdown tables.</summary>
    public IEnumerable<ColumnDriftResult> DriftedFirst => Columns.Where(c => c.Drifted).Concat(Columns.Where(c => !c.Drifted));
}
