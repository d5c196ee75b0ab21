namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>gain@&lt;fraction&gt;</c>: the cumulative gain at a top fraction, the share of all label-1 weight
/// found among the top <see cref="Fraction"/> of rows by score (ties at the cut pro rata, see
/// docs/metrics/gain.md). Undefined without label-1 rows.
/// </summary>
public sealed class GainMetric : BinaryMetric
{
    /// <summary>The prefix of the id, followed by the fraction (<c>gain@0.1</c>).</summary>
    public const string IdPrefix = "gain@";

    /// <summary>Creates the metric for one fraction.</summary>
    /// <param name="fraction">The top share of rows, above 0 and at most 1; default 0.1 (the top decile).</param>
    public GainMetric(double fraction = 0.1)
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
        ? MetricValue.Defined(TopFraction.CapturedPositives(table, Fraction) / table.TotalPositive)
        : MetricValue.Undefined(UndefinedReasons.NoPositivesToCapture);
}
