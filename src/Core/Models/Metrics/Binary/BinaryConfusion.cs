namespace ModelGates.Models.Metrics;

/// <summary>A weighted 2×2 confusion matrix at one decision threshold.</summary>
internal readonly record struct BinaryConfusion(double TruePositive, double FalsePositive, double TrueNegative, double FalseNegative)
{
    public double PredictedPositive => TruePositive + FalsePositive;

    public double ActualPositive => TruePositive + FalseNegative;

    public double ActualNegative => FalsePositive + TrueNegative;

    public double Total => TruePositive + FalsePositive + TrueNegative + FalseNegative;
}
