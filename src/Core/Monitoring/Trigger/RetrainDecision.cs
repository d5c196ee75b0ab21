namespace ModelGates.Monitoring.Trigger;

/// <summary>The retraining decision of one monitor, judged over its whole history.</summary>
/// <param name="Due">True when every condition of the trigger holds.</param>
/// <param name="Reason">Why it is (or is not) due, in one sentence.</param>
/// <param name="Windows">The breached windows among those looked at (their UTC starts).</param>
/// <param name="Since">The start of the earliest of those breached windows, or null when none breached.</param>
internal sealed record RetrainDecision(bool Due, string Reason, IReadOnlyList<string> Windows, DateTime? Since)
{
    /// <summary>Breached windows among the judged ones looked at.</summary>
    public int Breaches { get; init; }

    /// <summary>Judged (not insufficient) windows looked at: at most the trigger's <c>of</c>.</summary>
    public int Judged { get; init; }

    /// <summary>The model's last promotion (UTC), or null when it never was.</summary>
    public DateTime? LastPromotion { get; init; }

    /// <summary>True when the cooldown since the last promotion has elapsed (or there was none).</summary>
    public bool CooldownElapsed { get; init; }

    /// <summary>Labelled rows in windows that start at or after the last promotion (all windows when none).</summary>
    public long NewLabelledRows { get; init; }
}
