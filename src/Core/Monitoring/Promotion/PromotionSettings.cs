using ModelGates.Configuration.Json;

namespace ModelGates.Monitoring.Promotion;

/// <summary>
/// The <c>promotion</c> section of a model gate (docs/promotion.md): which metric decides champion against
/// challenger and how much worse the challenger may be. <c>modelgates promote --metric/--margin</c> override it.
/// </summary>
internal sealed record PromotionSettings
{
    /// <summary>The metric the paired bootstrap compares, or null for the gate's first bounded metric.</summary>
    public string? Metric { get; init; }

    /// <summary>How much worse (absolute, in the metric's unit, ≥ 0) the challenger's lower bound may be; default 0.</summary>
    public double Margin { get; init; }

    /// <summary>How much worse (absolute) the challenger may be on any gated slice, or null for <see cref="Margin"/>.</summary>
    public double? SliceMargin { get; init; }

    /// <summary>Where the <c>promotion</c> key is written; refusals of the margin rule point here.</summary>
    public SourcePosition Position { get; init; }
}
