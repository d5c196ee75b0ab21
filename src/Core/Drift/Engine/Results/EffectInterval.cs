namespace ModelGates.Drift.Engine.Results;

/// <summary>A confidence interval of an effect.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Level">The confidence level (0.95 for a 95% interval).</param>
public readonly record struct EffectInterval(double Lower, double Upper, double Level);
