using ModelGates.Models.Evaluation.Baselines;

namespace ModelGates.Models.Resources;

/// <summary>
/// The rule of <c>maxRegression</c> (docs/evaluate.md#regression-against-the-baseline): a resource regresses when
/// it is worse than the accepted baseline's by more than the measured noise plus a relative tolerance. A timed
/// resource is compared pass against pass: the current run's best pass with the baseline's worst, so the spread of
/// either run's passes (the noise of a shared machine) never counts as a regression, and a regression must show in
/// every current pass. A resource measured once (size, training time and memory) compares the two values.
/// </summary>
internal static class ResourceRegression
{
    // Two equal sizes are equal, not a regression of a rounding error.
    private const double Slack = 1e-12;

    /// <summary>Judges <paramref name="current"/> (with its passes) against <paramref name="baseline"/>.</summary>
    public static RegressionVerdict Judge(ResourceKind resource, double current, IReadOnlyList<double> currentPasses, BaselineResource baseline, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(currentPasses);
        ArgumentNullException.ThrowIfNull(baseline);
        var paired = currentPasses.Count > 0 && baseline.Passes.Count > 0;
        double now, then;
        if (!paired)
        {
            (now, then) = (current, baseline.Value);
        }
        else if (resource.HigherIsWorse)
        {
            (now, then) = (currentPasses.Min(), baseline.Passes.Max());
        }
        else
        {
            (now, then) = (currentPasses.Max(), baseline.Passes.Min());
        }

        // The relative worsening: > 0 is worse, whichever way the resource is worse.
        var change = resource.HigherIsWorse ? Ratio(now, then) - 1 : Ratio(then, now) - 1;
        return new RegressionVerdict(now, then, change, change > tolerance + Slack, paired);
    }

    private static double Ratio(double numerator, double denominator) =>
        denominator > 0 ? numerator / denominator : numerator > 0 ? double.PositiveInfinity : 1.0;
}

/// <summary>A resource against its baseline.</summary>
/// <param name="Current">The current value compared: the best pass of a timed resource, else the value.</param>
/// <param name="Baseline">The baseline value compared: the worst pass of a timed resource, else the value.</param>
/// <param name="Change">The relative worsening (0.25: 25 % worse); negative when better.</param>
/// <param name="Regressed">True when <paramref name="Change"/> is beyond the tolerance.</param>
/// <param name="Paired">True when passes were compared (a timed resource).</param>
internal sealed record RegressionVerdict(double Current, double Baseline, double Change, bool Regressed, bool Paired);
