using System.Globalization;

namespace ModelGates.Models.Metrics;

/// <summary>
/// The rows a campaign or a review would take: the top <c>fraction</c> of the total weight by score.
/// The cut is exactly fraction × total weight, never rounded to whole rows; a block of tied scores
/// that straddles it counts pro rata (its positives times the share of the block inside the cut),
/// which is the expected value over every order of the tied rows. So the value never depends on the
/// order of rows, and moves continuously with the fraction and the weights.
/// </summary>
internal static class TopFraction
{
    /// <summary>Checks a fraction: finite, above 0 and at most 1.</summary>
    public static double Check(double fraction, string parameterName)
    {
        if (!(fraction > 0.0 && fraction <= 1.0))
        {
            throw new ArgumentException(
                "The top fraction must be above 0 and at most 1, not " + fraction.ToString("R", CultureInfo.InvariantCulture) + ".",
                parameterName);
        }

        return fraction;
    }

    /// <summary>The id of a top-fraction metric: the prefix and the fraction in shortest round-trip form.</summary>
    public static string Id(string prefix, double fraction) => prefix + fraction.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The weight of label-1 rows among the top <paramref name="fraction"/> of the total weight.</summary>
    public static double CapturedPositives(BinaryScoreTable table, double fraction)
    {
        var cut = fraction * table.Total;
        var positive = table.PositiveWeight;
        var negative = table.NegativeWeight;
        double taken = 0, captured = 0;
        for (var b = 0; b < positive.Length; b++)
        {
            var block = positive[b] + negative[b];
            if (taken + block >= cut)
            {
                return block > 0.0 ? captured + (positive[b] * ((cut - taken) / block)) : captured;
            }

            taken += block;
            captured += positive[b];
        }

        return captured;
    }
}
