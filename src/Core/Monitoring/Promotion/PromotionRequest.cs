namespace ModelGates.Monitoring.Promotion;

/// <summary>What <c>modelgates promote</c> asks (docs/promotion.md): a challenger for one model gate of a config.</summary>
public sealed record PromotionRequest
{
    /// <summary>The challenger model (an ML.NET zip) to promote in place of the gate's <c>model</c>.</summary>
    public required string Challenger { get; init; }

    /// <summary>The model gate; may be null when the config has exactly one model gate that scores a model.</summary>
    public string? Gate { get; init; }

    /// <summary>The newest labelled window: an extra labelled data file both models are also scored and judged on, or null.</summary>
    public string? Window { get; init; }

    /// <summary>The compared metric; null for the gate's <c>promotion.metric</c>, else its first bounded metric.</summary>
    public string? Metric { get; init; }

    /// <summary>The margin (≥ 0); null for the gate's <c>promotion.margin</c> (default 0).</summary>
    public double? Margin { get; init; }

    /// <summary>The history file; null for <c>.modelgates/history.duckdb</c> in the config's folder.</summary>
    public string? History { get; init; }

    /// <summary>The time of the promotion, recorded in the champion record (the cooldown of monitors counts from it).</summary>
    public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The tool version recorded in the champion record.</summary>
    public string ToolVersion { get; init; } = "0.0.0";

    /// <summary>Receives a line at each phase of a long promotion, or null.</summary>
    public Action<string>? Progress { get; init; }
}
