namespace ModelGates.Drift;

/// <summary>
/// Norms a distance by the reference's population standard deviation (NumPy's <c>np.std</c>), so
/// thresholds do not depend on the column's unit. A constant reference has no scale: the normed
/// distance is then 0 when the distance is 0 and +∞ otherwise.
/// </summary>
internal static class ReferenceScale
{
    public static double Divide(double distance, NumericSample reference)
    {
        // Sorted values: the sample is constant exactly when its ends agree (rounding in the mean must not invent a scale).
        var values = reference.Values;
        if (values[0] == values[^1])
        {
            return distance == 0 ? 0.0 : double.PositiveInfinity;
        }

        return distance / SampleMoments.Of(reference).PopulationStandardDeviation;
    }

    /// <summary>As <see cref="Divide(double, NumericSample)"/>, with the reference's scale known (a comparison inside DuckDB).</summary>
    public static double Divide(double distance, bool constant, double populationStandardDeviation) =>
        constant ? (distance == 0 ? 0.0 : double.PositiveInfinity) : distance / populationStandardDeviation;
}
