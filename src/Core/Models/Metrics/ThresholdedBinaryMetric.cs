using System.Globalization;

namespace ModelGates.Models.Metrics;

/// <summary>
/// A binary metric of the predicted classes at a decision threshold: a row is predicted positive
/// when its score is greater than or equal to <see cref="Threshold"/>.
/// </summary>
public abstract class ThresholdedBinaryMetric : BinaryMetric
{
    /// <summary>Checks and keeps the threshold.</summary>
    private protected ThresholdedBinaryMetric(double threshold)
    {
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentException(
                "The decision threshold must be a finite number, not " + threshold.ToString("R", CultureInfo.InvariantCulture) + ".",
                nameof(threshold));
        }

        Threshold = threshold;
    }

    /// <summary>The decision threshold: scores at or above it are predicted positive.</summary>
    public double Threshold { get; }

    /// <inheritdoc/>
    public sealed override bool DependsOnThreshold => true;

    internal sealed override MetricValue Compute(BinaryScoreTable table) => Compute(table.ConfusionAt(Threshold));

    /// <summary>The metric from the weighted confusion matrix at <see cref="Threshold"/>.</summary>
    internal abstract MetricValue Compute(BinaryConfusion confusion);
}
