using System.Globalization;

namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>ece</c>, <c>ece@&lt;bins&gt;</c>, <c>eceQuantile</c>, <c>eceQuantile@&lt;bins&gt;</c>: the expected
/// calibration error, Σ over non-empty bins of (bin weight / total weight) · |observed positive rate −
/// mean probability|, with the bins of scikit-learn's <c>calibration_curve</c> (equal-width or
/// equal-frequency; 10 unless the id says otherwise). Undefined when the scores are not probabilities.
/// </summary>
public sealed class ExpectedCalibrationErrorMetric : BinaryMetric
{
    /// <summary>The id of 10 equal-width bins; <c>ece@&lt;bins&gt;</c> for another count.</summary>
    public const string EqualWidthId = "ece";

    /// <summary>The id of 10 equal-frequency bins; <c>eceQuantile@&lt;bins&gt;</c> for another count.</summary>
    public const string EqualFrequencyId = "eceQuantile";

    /// <summary>The bin count of the ids without <c>@</c>.</summary>
    public const int DefaultBins = 10;

    /// <summary>The most bins an id may ask for.</summary>
    public const int MaxBins = 10_000;

    private readonly double[]? equalWidthEdges;

    /// <summary>Creates the metric.</summary>
    /// <param name="bins">The number of bins, 1 to <see cref="MaxBins"/>; default 10.</param>
    /// <param name="binning">Equal-width (default) or equal-frequency bins.</param>
    public ExpectedCalibrationErrorMetric(int bins = DefaultBins, CalibrationBinning binning = CalibrationBinning.EqualWidth)
    {
        if (bins is < 1 or > MaxBins)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The expected calibration error needs 1 to {MaxBins} bins, not {bins}."),
                nameof(bins));
        }

        if (!Enum.IsDefined(binning))
        {
            throw new ArgumentOutOfRangeException(nameof(binning), binning, "Unknown binning.");
        }

        Bins = bins;
        Binning = binning;
        if (binning == CalibrationBinning.EqualWidth)
        {
            equalWidthEdges = CalibrationBins.EqualWidthEdges(bins);
        }
    }

    /// <summary>The number of bins.</summary>
    public int Bins { get; }

    /// <summary>Equal-width or equal-frequency bins.</summary>
    public CalibrationBinning Binning { get; }

    /// <inheritdoc/>
    public override string Id
    {
        get
        {
            var name = Binning == CalibrationBinning.EqualWidth ? EqualWidthId : EqualFrequencyId;
            return Bins == DefaultBins ? name : name + "@" + Bins.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.LowerIsBetter;

    internal override MetricValue Compute(BinaryScoreTable table)
    {
        if (table.Order.ScoreKind != Predictions.BinaryScoreKind.Probability)
        {
            return MetricValue.Undefined(UndefinedReasons.ScoresAreNotProbabilities);
        }

        var edges = equalWidthEdges ?? CalibrationBins.EqualFrequencyEdges(table, Bins);
        return MetricValue.Defined(CalibrationBins.ExpectedError(table, edges));
    }
}
