using System.Runtime.CompilerServices;
using ModelGates.Statistics;

namespace ModelGates.Drift.Engine.Effects;

/// <summary>
/// The two sides of a numeric comparison merged onto one ascending grid of distinct values, each with a
/// reference weight and a current weight (either may be zero). A resample only changes the weights, so
/// the normed Wasserstein and energy distances of a replicate are one pass over the grid.
/// </summary>
internal sealed class ValueGrid
{
    private ValueGrid(double[] values, double[] reference, double[] current, double scaleCorrection)
    {
        Values = values;
        Reference = reference;
        Current = current;
        ScaleCorrection = scaleCorrection;
    }

    public double[] Values { get; }

    public double[] Reference { get; }

    public double[] Current { get; }

    /// <summary>
    /// The reference's standard deviation before compression over the grid's: compression replaces runs by
    /// their means and so shrinks the spread a little; replicates are normed as the full sample would be.
    /// </summary>
    public double ScaleCorrection { get; }

    public int Length => Values.Length;

    public static ValueGrid Of(WeightedPoints reference, WeightedPoints current, double referenceStandardDeviation)
    {
        var values = new List<double>(reference.Count + current.Count);
        var r = new List<double>(reference.Count + current.Count);
        var c = new List<double>(reference.Count + current.Count);
        int i = 0, j = 0;
        while (i < reference.Count || j < current.Count)
        {
            var takeReference = j >= current.Count || (i < reference.Count && reference.Values[i] <= current.Values[j]);
            var value = takeReference ? reference.Values[i] : current.Values[j];
            var rw = 0.0;
            var cw = 0.0;
            if (i < reference.Count && reference.Values[i] == value)
            {
                rw = reference.Weights[i++];
            }

            if (j < current.Count && current.Values[j] == value)
            {
                cw = current.Weights[j++];
            }

            values.Add(value);
            r.Add(rw);
            c.Add(cw);
        }

        var gridSd = WeightedPoints.StandardDeviation(values.ToArray(), r.ToArray());
        var correction = gridSd > 0 && double.IsFinite(referenceStandardDeviation) ? referenceStandardDeviation / gridSd : 1.0;
        return new ValueGrid([.. values], [.. r], [.. c], correction);
    }

    /// <summary>The normed distance between the sides with weights <paramref name="reference"/> and <paramref name="current"/>.</summary>
    /// <param name="reference">Reference weight per grid value.</param>
    /// <param name="current">Current weight per grid value.</param>
    /// <param name="squared">False: Wasserstein, ∫|F_ref − F_cur|; true: energy distance, √(2∫(F_ref − F_cur)²).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Distance(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, bool squared)
    {
        // Two passes over the grid, the reference's standard deviation (the same sums as
        // WeightedPoints.StandardDeviation) computed alongside: a replicate used to take five.
        double referenceTotal = 0, currentTotal = 0;
        var weightTotal = new CompensatedSum();
        var weighted = new CompensatedSum();
        for (var i = 0; i < Values.Length; i++)
        {
            referenceTotal += reference[i];
            currentTotal += current[i];
            weightTotal.Add(reference[i]);
            weighted.Add(reference[i] * Values[i]);
        }

        var mean = weighted.Value / weightTotal.Value;
        var sum = new CompensatedSum();
        var squares = new CompensatedSum();
        double referenceThrough = 0, currentThrough = 0;
        for (var i = 0; i < Values.Length; i++)
        {
            var deviation = Values[i] - mean;
            squares.Add(reference[i] * deviation * deviation);
            if (i == Values.Length - 1)
            {
                break;
            }

            referenceThrough += reference[i];
            currentThrough += current[i];
            var difference = (referenceThrough / referenceTotal) - (currentThrough / currentTotal);
            var gap = Values[i + 1] - Values[i];
            sum.Add((squared ? difference * difference : Math.Abs(difference)) * gap);
        }

        var distance = squared ? Math.Sqrt(2.0 * Math.Max(0.0, sum.Value)) : sum.Value;
        var sd = weightTotal.Value > 0 ? Math.Sqrt(squares.Value / weightTotal.Value) * ScaleCorrection : double.NaN;
        if (!(sd > 0))
        {
            // A constant reference has no scale (as the registry's tests): 0 for no distance, +∞ otherwise.
            return distance == 0 ? 0.0 : double.PositiveInfinity;
        }

        return distance / sd;
    }
}
