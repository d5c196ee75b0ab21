using System.Globalization;

namespace ModelGates.Models.Metrics;

/// <summary>The parameters some metrics take; every metric of one evaluation shares them.</summary>
public sealed record MetricSettings
{
    /// <summary>The settings used when none are given: threshold 0.5, top-2.</summary>
    public static MetricSettings Default { get; } = new();

    /// <summary>
    /// The decision threshold of the thresholded binary metrics: a row is predicted positive when
    /// its score is greater than or equal to it. Default 0.5.
    /// </summary>
    public double DecisionThreshold { get; init; } = 0.5;

    /// <summary>The k of multiclass top-k accuracy. Default 2.</summary>
    public int TopK { get; init; } = 2;

    /// <summary>Throws when a setting cannot be used.</summary>
    /// <exception cref="ArgumentException">The threshold is not finite or k is below 1.</exception>
    public void Validate()
    {
        if (!double.IsFinite(DecisionThreshold))
        {
            throw new ArgumentException(
                "The decision threshold must be a finite number, not " + DecisionThreshold.ToString("R", CultureInfo.InvariantCulture) + ".",
                nameof(DecisionThreshold));
        }

        if (TopK < 1)
        {
            throw new ArgumentException(
                "Top-k accuracy needs k of at least 1, not " + TopK.ToString(CultureInfo.InvariantCulture) + ".",
                nameof(TopK));
        }
    }
}
