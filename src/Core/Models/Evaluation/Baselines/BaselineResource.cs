namespace ModelGates.Models.Evaluation.Baselines;

/// <summary>
/// A resource measured when the baseline was accepted (docs/evaluate.md#regression-against-the-baseline): its value
/// and, for timed resources, the value of each pass, whose spread is the measurement's noise.
/// </summary>
/// <param name="Id">The resource id (<c>latencyP95Ms</c>).</param>
/// <param name="Value">The measured value, as a budget judges it.</param>
/// <param name="Passes">The value of each timed pass, in pass order; empty for resources measured once (size, training).</param>
internal sealed record BaselineResource(string Id, double Value, IReadOnlyList<double> Passes);
