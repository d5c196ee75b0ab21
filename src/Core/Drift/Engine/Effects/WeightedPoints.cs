using System.Runtime.CompilerServices;
using ModelGates.Profiles;
using ModelGates.Statistics;

namespace ModelGates.Drift.Engine.Effects;

/// <summary>
/// Distinct ascending values with positive weights: one side of a comparison as the bootstrap resamples
/// it. Raw values collapse their ties into weights; a quantile sketch is already in this form.
/// </summary>
internal sealed class WeightedPoints
{
    private WeightedPoints(double[] values, double[] weights)
    {
        Values = values;
        Weights = weights;
    }

    public double[] Values { get; }

    public double[] Weights { get; }

    public int Count => Values.Length;

    public double Total => Sum(Weights);

    /// <summary>Sorted raw values, ties collapsed.</summary>
    public static WeightedPoints Unweighted(ReadOnlySpan<double> sorted) => Unweighted(sorted, SortedValues.DistinctCount(sorted));

    private static WeightedPoints Unweighted(ReadOnlySpan<double> sorted, int distinct)
    {
        var values = new double[distinct];
        var weights = new double[distinct];
        var k = -1;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                values[++k] = sorted[i];
            }

            weights[k]++;
        }

        return new WeightedPoints(values, weights);
    }

    /// <summary>
    /// <c>Unweighted(sorted).Compress(maxPoints)</c>, bit for bit, without the full-size arrays of distinct
    /// values in between (a continuous million-value column made two 8 MB arrays per comparison).
    /// <paramref name="distinct"/> is the number of distinct values when the caller has counted them already.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static WeightedPoints CompressedFromSorted(ReadOnlySpan<double> sorted, int maxPoints, int? distinct = null)
    {
        var distinctCount = distinct ?? SortedValues.DistinctCount(sorted);
        if (distinctCount <= maxPoints)
        {
            return Unweighted(sorted, distinctCount);
        }

        var compressor = new Compressor(sorted.Length, maxPoints);
        var runStart = 0;
        for (var end = 1; end <= sorted.Length; end++)
        {
            if (end < sorted.Length && sorted[end] == sorted[runStart])
            {
                continue;
            }

            compressor.Add(sorted[runStart], end - runStart);
            runStart = end;
        }

        return compressor.Result();
    }

    /// <summary>
    /// <see cref="CompressedFromSorted"/> fed one run of equal values at a time, ascending (in memory, or streamed out
    /// of DuckDB's sort): the same points bit for bit, holding at most <c>maxPoints</c> runs and points.
    /// </summary>
    internal sealed class Compressor(long count, int maxPoints)
    {
        // Run weights are whole numbers, so their sum (Compress's Total) is exactly the value count.
        private readonly double total = count;
        private readonly List<double> values = new(maxPoints);
        private readonly List<double> weights = new(maxPoints);
        private readonly List<(double Value, double Weight)> runs = [];
        private double groupWeight;
        private double groupSum;
        private double cumulative;
        private long added;
        private int group = 1;

        // total · group / maxPoints for the current group, kept instead of divided again for every run.
        private double boundary = (double)count / maxPoints;
        private double groupStart;
        private bool startsGroup = true;

        /// <summary>Adds the next run: <paramref name="weight"/> values equal to <paramref name="value"/>.</summary>
        public void Add(double value, double weight)
        {
            // Up to maxPoints distinct values the points are the values themselves; kept until more arrive.
            if (runs.Count <= maxPoints)
            {
                runs.Add((value, weight));
            }

            added += (long)weight;
            if (startsGroup)
            {
                groupStart = value;
                startsGroup = false;
            }

            groupWeight += weight;
            groupSum += weight * value;
            cumulative += weight;
            if (cumulative < boundary && added < count)
            {
                return;
            }

            var mean = Math.Clamp(groupSum / groupWeight, groupStart, value);
            if (values.Count > 0 && values[^1] >= mean)
            {
                weights[^1] += groupWeight;
            }
            else
            {
                values.Add(mean);
                weights.Add(groupWeight);
            }

            startsGroup = true;
            groupWeight = 0;
            groupSum = 0;
            while (group < maxPoints && cumulative >= boundary)
            {
                group++;
                boundary = total * group / maxPoints;
            }
        }

        /// <summary>The points, once every run was added.</summary>
        public WeightedPoints Result() => runs.Count <= maxPoints
            ? new WeightedPoints(runs.Select(r => r.Value).ToArray(), runs.Select(r => r.Weight).ToArray())
            : new WeightedPoints([.. values], [.. weights]);
    }

    /// <summary>A sample's values (and weights, when it has them), ties collapsed.</summary>
    public static WeightedPoints Of(NumericSample sample)
    {
        if (!sample.IsWeighted)
        {
            return Unweighted(sample.Values);
        }

        var values = new List<double>();
        var weights = new List<double>();
        var v = sample.Values;
        var w = sample.Weights;
        for (var i = 0; i < v.Length; i++)
        {
            if (values.Count > 0 && values[^1] == v[i])
            {
                weights[^1] += w[i];
            }
            else
            {
                values.Add(v[i]);
                weights.Add(w[i]);
            }
        }

        return new WeightedPoints([.. values], [.. weights]);
    }

    /// <summary>The points mapped through a non-decreasing <paramref name="map"/> (the rank scale), points that meet merged.</summary>
    public WeightedPoints Mapped(Func<double, double> map)
    {
        var values = new List<double>(Count);
        var weights = new List<double>(Count);
        for (var i = 0; i < Count; i++)
        {
            var value = map(Values[i]);
            if (values.Count > 0 && values[^1] == value)
            {
                weights[^1] += Weights[i];
            }
            else
            {
                values.Add(value);
                weights.Add(Weights[i]);
            }
        }

        return new WeightedPoints([.. values], [.. weights]);
    }

    /// <summary>The points of a quantile sketch.</summary>
    public static WeightedPoints Of(QuantileSketch sketch) =>
        new([.. sketch.Values], sketch.Weights.Select(w => (double)w).ToArray());

    /// <summary>
    /// At most <paramref name="maxPoints"/> points: consecutive points grouped into runs of about equal
    /// weight, each replaced by its weighted mean. Resampling cost then stays bounded at any sample size.
    /// </summary>
    public WeightedPoints Compress(int maxPoints)
    {
        if (Count <= maxPoints)
        {
            return this;
        }

        var total = Total;
        var values = new List<double>(maxPoints);
        var weights = new List<double>(maxPoints);
        var start = 0;
        var groupWeight = 0.0;
        var groupSum = 0.0;
        var cumulative = 0.0;
        var group = 1;
        var boundary = total / maxPoints;
        for (var i = 0; i < Count; i++)
        {
            groupWeight += Weights[i];
            groupSum += Weights[i] * Values[i];
            cumulative += Weights[i];
            if (cumulative < boundary && i < Count - 1)
            {
                continue;
            }

            // The mean of a run lies within it; the clamp only guards against rounding.
            var mean = Math.Clamp(groupSum / groupWeight, Values[start], Values[i]);
            if (values.Count > 0 && values[^1] >= mean)
            {
                weights[^1] += groupWeight;
            }
            else
            {
                values.Add(mean);
                weights.Add(groupWeight);
            }

            start = i + 1;
            groupWeight = 0;
            groupSum = 0;
            while (group < maxPoints && cumulative >= boundary)
            {
                group++;
                boundary = total * group / maxPoints;
            }
        }

        return new WeightedPoints([.. values], [.. weights]);
    }

    /// <summary>The weighted mean.</summary>
    public double Mean()
    {
        var weighted = new CompensatedSum();
        for (var i = 0; i < Count; i++)
        {
            weighted.Add(Weights[i] * Values[i]);
        }

        return weighted.Value / Total;
    }

    /// <summary>The weighted population standard deviation, by two compensated passes.</summary>
    public double PopulationStandardDeviation() => StandardDeviation(Values, Weights);

    /// <summary>The weighted population standard deviation of <paramref name="values"/>; zero weights allowed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double StandardDeviation(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        var total = new CompensatedSum();
        var weighted = new CompensatedSum();
        for (var i = 0; i < values.Length; i++)
        {
            total.Add(weights[i]);
            weighted.Add(weights[i] * values[i]);
        }

        if (total.Value <= 0)
        {
            return double.NaN;
        }

        var mean = weighted.Value / total.Value;
        var squares = new CompensatedSum();
        for (var i = 0; i < values.Length; i++)
        {
            var d = values[i] - mean;
            squares.Add(weights[i] * d * d);
        }

        return Math.Sqrt(squares.Value / total.Value);
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = new CompensatedSum();
        foreach (var v in values)
        {
            sum.Add(v);
        }

        return sum.Value;
    }
}
