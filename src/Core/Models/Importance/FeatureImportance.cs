namespace ModelGates.Models.Importance;

/// <summary>The permutation importance of one data column: how much the gate's metric drops when the column is shuffled.</summary>
/// <param name="Column">The data column.</param>
/// <param name="Importance">The mean drop over the repeats, on all rows (positive: the model relies on the column).</param>
/// <param name="StandardDeviation">The standard deviation of the drop over the repeats (population, as scikit-learn's <c>importances_std</c>).</param>
/// <param name="Lower">The lower bound of the percentile interval over row resamples × repeats, or null when the metric was undefined on every resample.</param>
/// <param name="Upper">The upper bound of that interval, or null.</param>
/// <param name="Rank">1 for the most important column; ties broken by column name (ordinal).</param>
internal sealed record FeatureImportance(string Column, double Importance, double StandardDeviation, double? Lower, double? Upper, int Rank)
{
    /// <summary>True when the interval lies wholly above 0: the drop is not an accident of the rows.</summary>
    public bool IsSignificant => Lower is > 0;
}
