namespace ModelGates.Models.Metrics;

/// <summary>Which way a metric improves; gates compare values and changes against baselines through it.</summary>
public enum MetricDirection
{
    /// <summary>Larger values are better (AUC, accuracy, R²).</summary>
    HigherIsBetter,

    /// <summary>Smaller values are better (log loss, RMSE, false positive rate).</summary>
    LowerIsBetter,
}
