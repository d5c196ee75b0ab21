namespace ModelGates.Models.Metrics;

/// <summary>scikit-learn's <c>zero_division=0</c> rule, shared by precision, recall and F1 of both tasks.</summary>
internal static class ZeroDivision
{
    public static double RatioOrZero(double numerator, double denominator) =>
        denominator > 0.0 ? numerator / denominator : 0.0;

    /// <summary>2PR / (P + R), computed in this order as scikit-learn 1.2 does; 0 when P + R is 0.</summary>
    public static double HarmonicMeanOrZero(double precision, double recall)
    {
        var denominator = precision + recall;
        return denominator == 0.0 ? 0.0 : 2.0 * precision * recall / denominator;
    }
}
