namespace ModelGates.Drift;

/// <summary>
/// The non-missing numeric values of one side of a comparison, sorted ascending, optionally with a
/// frequency weight per value. Weights stand for how many rows a value represents (a weighted
/// quantile sketch of a reference profile, or distinct values with their counts): a sample with
/// integer weights is the same, for every test that accepts weights, as the sample with each value
/// repeated weight times.
/// </summary>
public sealed class NumericSample : DriftSample
{
    private readonly ReadOnlyMemory<double> values;
    private readonly double[]? weights;
    private readonly double size;

    private NumericSample(ReadOnlyMemory<double> values, double[]? weights, double size)
    {
        this.values = values;
        this.weights = weights;
        this.size = size;
    }

    /// <inheritdoc />
    public override DriftInputKind Kind => DriftInputKind.Values;

    /// <summary>The row count, or the total weight of a weighted sample.</summary>
    public override double Size => size;

    /// <summary>The values, ascending.</summary>
    public ReadOnlySpan<double> Values => values.Span;

    /// <summary>The weight of each value; empty when the sample is unweighted.</summary>
    public ReadOnlySpan<double> Weights => weights;

    /// <summary>True when the sample carries weights.</summary>
    public bool IsWeighted => weights is not null;

    /// <summary>How many values are stored (for a weighted sample, the number of weighted points).</summary>
    public int Count => values.Length;

    /// <summary>
    /// Wraps values already sorted ascending, without copying (the caller must not change the array
    /// afterwards). Checks in one pass that they are finite and ascending.
    /// </summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite, or the values are not ascending.</exception>
    public static NumericSample FromSorted(double[] sortedValues)
    {
        ArgumentNullException.ThrowIfNull(sortedValues);
        CheckSorted(sortedValues);
        return new NumericSample(sortedValues, null, sortedValues.Length);
    }

    /// <summary>As <see cref="FromSorted(double[])"/>, over part of an array (a column read in place).</summary>
    internal static NumericSample FromSorted(ReadOnlyMemory<double> sortedValues)
    {
        CheckSorted(sortedValues.Span);
        return new NumericSample(sortedValues, null, sortedValues.Length);
    }

    /// <summary>Wraps sorted values with their frequency weights, without copying either array.</summary>
    /// <exception cref="ArgumentException">The values are not finite and ascending, the arrays differ in length, or a weight is not positive and finite.</exception>
    public static NumericSample FromSorted(double[] sortedValues, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(sortedValues);
        ArgumentNullException.ThrowIfNull(weights);
        CheckSorted(sortedValues);
        return new NumericSample(sortedValues, weights, CheckWeights(sortedValues, weights));
    }

    /// <summary>Copies and sorts values given in any order.</summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static NumericSample FromUnsorted(ReadOnlySpan<double> values)
    {
        var copy = values.ToArray();
        Array.Sort(copy);
        CheckSorted(copy);
        return new NumericSample(copy, null, copy.Length);
    }

    /// <summary>Copies values given in any order with their frequency weights and sorts them by value.</summary>
    /// <exception cref="ArgumentException">A value is not finite, the spans differ in length, or a weight is not positive and finite.</exception>
    public static NumericSample FromUnsorted(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        var valueCopy = values.ToArray();
        var weightCopy = weights.ToArray();
        if (valueCopy.Length != weightCopy.Length)
        {
            throw new ArgumentException($"There are {valueCopy.Length} values but {weightCopy.Length} weights.", nameof(weights));
        }

        Array.Sort(valueCopy, weightCopy);
        CheckSorted(valueCopy);
        return new NumericSample(valueCopy, weightCopy, CheckWeights(valueCopy, weightCopy));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void CheckSorted(ReadOnlySpan<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"Value {i} is {values[i]}; drift tests take finite values only (remove missing values first).", nameof(values));
            }

            if (i > 0 && values[i] < values[i - 1])
            {
                throw new ArgumentException($"Values are not sorted ascending at index {i}.", nameof(values));
            }
        }
    }

    private static double CheckWeights(double[] values, double[] weights)
    {
        if (values.Length != weights.Length)
        {
            throw new ArgumentException($"There are {values.Length} values but {weights.Length} weights.", nameof(weights));
        }

        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (!(weights[i] > 0) || !double.IsFinite(weights[i]))
            {
                throw new ArgumentException($"Weight {i} is {weights[i]}; weights must be positive and finite.", nameof(weights));
            }

            total += weights[i];
        }

        return total;
    }
}
