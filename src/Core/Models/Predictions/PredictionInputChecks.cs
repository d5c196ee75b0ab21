using System.Globalization;

namespace ModelGates.Models.Predictions;

/// <summary>
/// The input checks shared by the prediction sets. Each failure is an <see cref="ArgumentException"/>
/// whose message names the argument, the 0-based index and the offending value, so the engine can
/// turn it into a diagnostic without a stack trace.
/// </summary>
internal static class PredictionInputChecks
{
    public static void RequireRows(int rowCount, string parameterName)
    {
        if (rowCount == 0)
        {
            throw new ArgumentException("The prediction set has no rows; metrics need at least one.", parameterName);
        }
    }

    public static void RequireSameLength(int expected, int actual, string parameterName, string what)
    {
        if (expected != actual)
        {
            throw new ArgumentException(
                Invariant($"{what} has {actual} values but there are {expected} labels; every row needs one."),
                parameterName);
        }
    }

    public static void RequireFinite(ReadOnlySpan<double> values, string parameterName, string what)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    Invariant($"{what} at index {i} is {Describe(values[i])}; values must be finite numbers."),
                    parameterName);
            }
        }
    }

    public static void RequireProbabilities(ReadOnlySpan<double> values, string parameterName, string what)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (double.IsNaN(value) || value < 0.0 || value > 1.0)
            {
                throw new ArgumentException(
                    Invariant($"{what} at index {i} is {Describe(value)}; probabilities must lie in [0, 1]."),
                    parameterName);
            }
        }
    }

    /// <summary>Copies the weights after checking them; null stays null (every row weighs 1).</summary>
    public static double[]? CopyWeights(double[]? weights, int rowCount, string parameterName)
    {
        if (weights is null)
        {
            return null;
        }

        RequireSameLength(rowCount, weights.Length, parameterName, "The weights");
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            var weight = weights[i];
            if (!double.IsFinite(weight) || weight < 0.0)
            {
                throw new ArgumentException(
                    Invariant($"The weight at index {i} is {Describe(weight)}; weights must be finite and not negative."),
                    parameterName);
            }

            total += weight;
        }

        if (total <= 0.0)
        {
            throw new ArgumentException("The weights sum to 0; at least one row must carry weight.", parameterName);
        }

        return (double[])weights.Clone();
    }

    public static string Describe(double value) => double.IsNaN(value)
        ? "NaN"
        : value.ToString("R", CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
