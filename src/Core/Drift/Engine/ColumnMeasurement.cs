using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine;

/// <summary>What the tests measured on one column, before corrections across columns and the verdict.</summary>
internal sealed record ColumnMeasurement
{
    public required double Statistic { get; init; }

    public required double PValue { get; init; }

    public required PValueMethod? PValueMethod { get; init; }

    public required double Effect { get; init; }

    public required EffectInterval Interval { get; init; }

    public required double MinimumDetectableEffect { get; init; }

    public double? StatisticErrorBound { get; init; }

    public double? EffectErrorBound { get; init; }

    public required DriftInputShape Input { get; init; }
}
