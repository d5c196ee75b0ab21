using ModelGates.Statistics;

namespace ModelGates.Monitoring.Estimation;

/// <summary>
/// The ROC AUC CBPE expects for a window: walking the scores from the highest down, the cumulative expected true
/// positives (Σ p) and false positives (Σ 1 - p) trace the expected ROC curve, tied scores as one step; the AUC is
/// the trapezoid area under it. Its standard error comes from a seeded parametric bootstrap: labels drawn as
/// Bernoulli(p) for the window's own rows, the realized AUC of each draw, their standard deviation. There is no
/// closed form for the AUC's variance given the scores, and drawing labels is exactly the chance the band must cover.
/// </summary>
internal static class ExpectedRocAuc
{
    /// <summary>Bootstrap draws per window; the standard error's own relative error is about 1/√(2·200) = 5%.</summary>
    public const int Replicates = 200;

    /// <summary>Fixed, so a window gives the same band every run.</summary>
    private const ulong Seed = 0x4D47_4342_5045UL;

    /// <summary>
    /// The most rows a bootstrap draw takes: a larger window is represented by this many rows evenly spaced in score
    /// order, and the standard error scaled by √(taken / rows), as an AUC's standard error shrinks with √n (NannyML
    /// caps its average-precision resampling the same way). Keeps a million-row window's band to a tenth of the work.
    /// </summary>
    public const int MaximumBootstrapRows = 100_000;

    /// <summary>The expected AUC and its standard error, or NaN for both when no positive or no negative is expected.</summary>
    public static (double Value, double StandardError) Estimate(ReadOnlySpan<double> scores, ReadOnlySpan<double> probabilities)
    {
        var groups = TieGroups(scores, out var order);
        var value = Area(groups, order, probabilities);
        if (double.IsNaN(value))
        {
            return (double.NaN, double.NaN);
        }

        if (scores.Length <= MaximumBootstrapRows)
        {
            return (value, BootstrapStandardError(groups, order, probabilities));
        }

        // Evenly spaced positions of the score order keep the window's distribution of scores and probabilities.
        var taken = new int[MaximumBootstrapRows];
        var takenEnds = new List<int>();
        for (var k = 0; k < taken.Length; k++)
        {
            taken[k] = order[(int)((long)k * scores.Length / taken.Length)];
            if (k > 0 && scores[taken[k]] != scores[taken[k - 1]])
            {
                takenEnds.Add(k);
            }
        }

        takenEnds.Add(taken.Length);
        var scale = Math.Sqrt((double)taken.Length / scores.Length);
        return (value, BootstrapStandardError([.. takenEnds], taken, probabilities) * scale);
    }

    /// <summary>The expected AUC alone (the trapezoid over the cumulative expected counts).</summary>
    public static double Value(ReadOnlySpan<double> scores, ReadOnlySpan<double> probabilities)
    {
        var groups = TieGroups(scores, out var order);
        return Area(groups, order, probabilities);
    }

    // Row indices sorted by descending score (ties by index, for a deterministic order), and the end of each run of
    // equal scores in that order.
    private static int[] TieGroups(ReadOnlySpan<double> scores, out int[] order)
    {
        var keys = new double[scores.Length];
        order = new int[scores.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = -scores[i];
            order[i] = i;
        }

        Array.Sort(keys, order);
        var ends = new List<int>();
        for (var k = 1; k <= keys.Length; k++)
        {
            if (k == keys.Length || keys[k] != keys[k - 1])
            {
                ends.Add(k);
            }
        }

        return [.. ends];
    }

    private static double Area(int[] groupEnds, int[] order, ReadOnlySpan<double> probabilities)
    {
        double tp = 0, fp = 0, area = 0;
        var start = 0;
        foreach (var end in groupEnds)
        {
            double groupTp = 0, groupFp = 0;
            for (var k = start; k < end; k++)
            {
                groupTp += probabilities[order[k]];
                groupFp += 1 - probabilities[order[k]];
            }

            area += groupFp * (tp + (groupTp / 2));
            tp += groupTp;
            fp += groupFp;
            start = end;
        }

        return tp <= 0 || fp <= 0 ? double.NaN : area / (tp * fp);
    }

    private static double BootstrapStandardError(int[] groupEnds, int[] order, ReadOnlySpan<double> probabilities)
    {
        var random = new SeededRandom(Seed);
        var values = new List<double>(Replicates);
        for (var r = 0; r < Replicates; r++)
        {
            // Realized AUC of one draw: each positive counts the negatives ranked below it, ties a half.
            double positives = 0, negatives = 0, pairs = 0;
            var start = 0;
            foreach (var end in groupEnds)
            {
                double groupPositives = 0, groupNegatives = 0;
                for (var k = start; k < end; k++)
                {
                    if (random.NextDouble() < probabilities[order[k]])
                    {
                        groupPositives++;
                    }
                    else
                    {
                        groupNegatives++;
                    }
                }

                // Walking down, every negative here sits below the positives already seen.
                pairs += groupNegatives * (positives + (groupPositives / 2));
                positives += groupPositives;
                negatives += groupNegatives;
                start = end;
            }

            if (positives > 0 && negatives > 0)
            {
                values.Add(pairs / (positives * negatives));
            }
        }

        if (values.Count < 2)
        {
            return double.NaN;
        }

        var mean = values.Average();
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return Math.Sqrt(squares / (values.Count - 1));
    }
}
