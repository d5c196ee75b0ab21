using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Inputs;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Policy;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine;

/// <summary>One column between measurement and verdict: what was measured, waiting for the corrections across columns.</summary>
internal sealed class PendingColumn
{
    public required ColumnDriftResult Result { get; set; }

    public required ColumnDriftSettings Settings { get; init; }

    public ColumnPlanChoice? Choice { get; init; }

    /// <summary>The measurement, possibly still running on a worker while the next column is read.</summary>
    public Task<ColumnMeasurement>? Measuring { get; init; }

    /// <summary>The finished measurement (waits for it), or null when the column was not tested.</summary>
    public ColumnMeasurement? Measurement => Measuring?.GetAwaiter().GetResult();

    public ReferenceColumn? Reference { get; init; }

    /// <summary>The column's distribution on both sides, for the report's chart; null when it was not read.</summary>
    public ColumnDistribution? Distribution { get; init; }

    /// <summary>Diagnostics decided before judgement (fallback infos, missing column, changed kind, insufficient data).</summary>
    public List<Diagnostic> Diagnostics { get; } = [];
}
