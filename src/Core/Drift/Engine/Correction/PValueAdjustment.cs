using ModelGates.Drift.Engine.Options;

namespace ModelGates.Drift.Engine.Correction;

/// <summary>
/// Adjusted p-values for a family of m tests, the same numbers statsmodels' <c>multipletests</c> returns
/// (<c>bonferroni</c>, <c>holm</c>, <c>fdr_bh</c>): a test is significant at level α after correction
/// exactly when its adjusted p-value is below α. Checked against eng/oracles/drift_corrections.json.
/// </summary>
internal static class PValueAdjustment
{
    /// <summary>The adjusted p-values, in the order given.</summary>
    /// <exception cref="ArgumentException">A p-value is NaN or outside [0, 1].</exception>
    public static double[] Adjust(IReadOnlyList<double> pValues, MultipleTestingCorrection correction)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        for (var i = 0; i < pValues.Count; i++)
        {
            if (!(pValues[i] >= 0 && pValues[i] <= 1))
            {
                throw new ArgumentException($"p-value {i} is {pValues[i]}; p-values lie in [0, 1].", nameof(pValues));
            }
        }

        return correction switch
        {
            MultipleTestingCorrection.None => [.. pValues],
            MultipleTestingCorrection.Bonferroni => pValues.Select(p => Math.Min(1.0, p * pValues.Count)).ToArray(),
            MultipleTestingCorrection.Holm => Holm(pValues),
            _ => BenjaminiHochberg(pValues),
        };
    }

    // Step-down: the i-th smallest (0-based) is multiplied by m − i, then made non-decreasing along the order.
    private static double[] Holm(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Ascending(pValues);
        var adjusted = new double[m];
        var running = 0.0;
        for (var i = 0; i < m; i++)
        {
            running = Math.Max(running, Math.Min(1.0, (m - i) * pValues[order[i]]));
            adjusted[order[i]] = running;
        }

        return adjusted;
    }

    // Step-up: the i-th smallest (1-based) is multiplied by m / i, then made non-increasing from the largest down.
    private static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Ascending(pValues);
        var adjusted = new double[m];
        var running = 1.0;
        for (var i = m - 1; i >= 0; i--)
        {
            running = Math.Min(running, Math.Min(1.0, pValues[order[i]] * m / (i + 1)));
            adjusted[order[i]] = running;
        }

        return adjusted;
    }

    // A stable order (ties keep their input order), as NumPy's mergesort that statsmodels uses.
    private static int[] Ascending(IReadOnlyList<double> pValues) =>
        Enumerable.Range(0, pValues.Count).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
}
