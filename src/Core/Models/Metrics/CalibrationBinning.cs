namespace ModelGates.Models.Metrics;

/// <summary>How the expected calibration error bins the predicted probabilities.</summary>
public enum CalibrationBinning
{
    /// <summary>
    /// Equal-width bins of [0, 1], closed on the right ((k/B, (k+1)/B], the first also holding 0):
    /// scikit-learn's <c>calibration_curve(strategy="uniform")</c>.
    /// </summary>
    EqualWidth,

    /// <summary>
    /// Equal-frequency bins whose edges are the percentiles of the probabilities (numpy's linear
    /// interpolation), closed on the right: scikit-learn's <c>calibration_curve(strategy="quantile")</c>.
    /// Tied probabilities always share a bin, so a bin can hold more or fewer rows than n/B, or none.
    /// </summary>
    EqualFrequency,
}
