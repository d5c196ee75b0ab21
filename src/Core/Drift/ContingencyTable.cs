using ModelGates.Statistics;

namespace ModelGates.Drift;

/// <summary>The chi-squared and G statistics of a 2×K table of aligned counts, as <c>scipy.stats.chi2_contingency</c> forms them.</summary>
internal static class ContingencyTable
{
    public static DriftTestResult Test(AlignedCounts counts, bool logLikelihood)
    {
        var categories = counts.Length;
        if (categories < 2)
        {
            return DriftTestResult.OfTest(0.0, 1.0, PValueMethod.Asymptotic);
        }

        var rows = new[] { counts.ReferenceTotal, counts.CurrentTotal };
        var total = (double)(rows[0] + rows[1]);
        var statistic = new CompensatedSum();
        for (var j = 0; j < categories; j++)
        {
            var column = counts.Reference[j] + counts.Current[j];
            for (var i = 0; i < 2; i++)
            {
                var observed = (double)(i == 0 ? counts.Reference[j] : counts.Current[j]);

                // SciPy multiplies the integer margins exactly, then divides by the total.
                var expected = (double)((Int128)rows[i] * column) / total;
                statistic.Add(logLikelihood ? LogLikelihoodTerm(observed, expected) : PearsonTerm(observed, expected));
            }
        }

        var value = statistic.Value;
        return DriftTestResult.OfTest(value, ChiSquaredDistribution.Sf(value, categories - 1), PValueMethod.Asymptotic);
    }

    private static double PearsonTerm(double observed, double expected)
    {
        var difference = observed - expected;
        return difference * difference / expected;
    }

    // 2 xlogy(O, O/E): zero when O is zero.
    private static double LogLikelihoodTerm(double observed, double expected) =>
        observed == 0 ? 0.0 : 2.0 * observed * Math.Log(observed / expected);
}
