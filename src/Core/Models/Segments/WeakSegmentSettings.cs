using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;

namespace ModelGates.Models.Segments;

/// <summary>A model gate's <c>weakSegments</c> (docs/evaluate.md#weak-segments).</summary>
internal sealed record WeakSegmentSettings
{
    /// <summary>The default of <see cref="Alpha"/>.</summary>
    public const double DefaultAlpha = 0.05;

    /// <summary>The default of <see cref="MaxDepth"/>.</summary>
    public const int DefaultMaxDepth = 2;

    /// <summary>The smallest segment reported, in evaluation rows; null: max(50, 1 % of the rows).</summary>
    public int? MinRows { get; init; }

    /// <summary>The largest drop of the metric in a significant segment against overall before it is a finding (0: any).</summary>
    public double MaxDrop { get; init; }

    /// <summary>The family-wise error rate of the Holm correction over every tested candidate.</summary>
    public double Alpha { get; init; } = DefaultAlpha;

    /// <summary>The depth of the tree: conditions per segment.</summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>The metric compared inside and overall; null: log loss (classifiers) or rmse (regression).</summary>
    public string? Metric { get; init; }

    /// <summary>The columns to split on; null: every column but the label and the prediction columns.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>The severity of a finding; default warning.</summary>
    public Severity Severity { get; init; } = Severity.Warning;

    /// <summary>Where <c>weakSegments</c> is written, for the finding's diagnostic.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>The smallest segment on <paramref name="rows"/> rows.</summary>
    public int MinRowsFor(int rows) => MinRows ?? Math.Max(50, (int)Math.Ceiling(rows * 0.01));
}
