namespace ModelGates.Drift;

/// <summary>What a drift test measured.</summary>
/// <param name="Statistic">The test statistic or distance (see each test for its definition and units).</param>
/// <param name="PValue">The p-value of a hypothesis test; null for distances.</param>
/// <param name="Method">How the p-value was obtained; null for distances.</param>
public readonly record struct DriftTestResult(double Statistic, double? PValue, PValueMethod? Method)
{
    /// <summary>The result of a distance.</summary>
    internal static DriftTestResult OfDistance(double distance) => new(distance, null, null);

    /// <summary>The result of a hypothesis test.</summary>
    internal static DriftTestResult OfTest(double statistic, double pValue, PValueMethod method) => new(statistic, pValue, method);
}
