namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>lift@&lt;fraction&gt;</c>: the lift at a top fraction, the positive rate among the top
/// <see cref="Fraction"/> of rows by score divided by the overall positive rate, which equals
/// gain@fraction / fraction (ties at the cut pro rata, see docs/metrics/lift.md). 1 for a random
/// ranking. Undefined without label-1 rows.
/// </summary>
public sealed class LiftMetric : BinaryMetric
{
    /// <summary>The prefix of the id, followed by the fraction (<c>lift@0.1</c>).</summary>
    public const string IdPrefix = "lift@";

    /// <summary>Creates the metric for one fraction.</summary>
    /// <param name="fraction">The top share of rows, above 0 and at most 1; default 0.1 (the top decile).</param>
    public LiftMetric(double fraction = 0.1)
    {
        Fraction = TopFraction.Check(fraction, nameof(fraction));
    }

    /// <summary>The top share of rows.</summary>
    public double Fraction { get; }

    /// <inheritdoc/>
    public override string Id => TopFraction.Id(IdPrefix, Fraction);

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(BinaryScoreTable table) => table.TotalPositive > 0.0
        ? MetricValue.Defined(TopFraction.CapturedPositives(table, Fraction) / table.TotalPositive / Fraction)
        : MetricValue.Undefined(UndefinedReasons.NoPositivesToCapture);
}
