using System.Runtime.CompilerServices;

namespace ModelGates.Drift;

/// <summary>
/// Walks the distinct values of two sorted samples in ascending order, merging them in O(n + m)
/// without allocating: at each value it gives the weight (or count) each side has there and at or
/// below it. Ranks, empirical CDFs and tie groups of the pooled sample all follow from these.
/// </summary>
internal ref struct DistinctValueWalk
{
    private readonly ReadOnlySpan<double> referenceValues;
    private readonly ReadOnlySpan<double> referenceWeights;
    private readonly ReadOnlySpan<double> currentValues;
    private readonly ReadOnlySpan<double> currentWeights;
    private int referenceIndex;
    private int currentIndex;

    public DistinctValueWalk(NumericSample reference, NumericSample current)
    {
        referenceValues = reference.Values;
        referenceWeights = reference.Weights;
        currentValues = current.Values;
        currentWeights = current.Weights;
    }

    /// <summary>The current distinct value.</summary>
    public double Value { get; private set; }

    /// <summary>The reference weight at or below <see cref="Value"/>.</summary>
    public double ReferenceThrough { get; private set; }

    /// <summary>The current-sample weight at or below <see cref="Value"/>.</summary>
    public double CurrentThrough { get; private set; }

    /// <summary>The reference weight strictly below <see cref="Value"/>.</summary>
    public double ReferenceBelow { get; private set; }

    /// <summary>The current-sample weight strictly below <see cref="Value"/>.</summary>
    public double CurrentBelow { get; private set; }

    /// <summary>The reference weight at <see cref="Value"/>.</summary>
    public readonly double ReferenceAt => ReferenceThrough - ReferenceBelow;

    /// <summary>The current-sample weight at <see cref="Value"/>.</summary>
    public readonly double CurrentAt => CurrentThrough - CurrentBelow;

    /// <summary>The number of stored reference points at or below <see cref="Value"/>.</summary>
    public readonly int ReferenceIndex => referenceIndex;

    /// <summary>The number of stored current points at or below <see cref="Value"/>.</summary>
    public readonly int CurrentIndex => currentIndex;

    /// <summary>Moves to the next distinct value; false when both samples are exhausted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        // Locals, not fields: the loops below then run in registers. It is the inner loop of most value tests.
        var references = referenceValues;
        var currents = currentValues;
        var r = referenceIndex;
        var c = currentIndex;
        var referenceLeft = r < references.Length;
        var currentLeft = c < currents.Length;
        if (!referenceLeft && !currentLeft)
        {
            return false;
        }

        var value = !currentLeft || (referenceLeft && references[r] <= currents[c]) ? references[r] : currents[c];
        Value = value;
        ReferenceBelow = ReferenceThrough;
        CurrentBelow = CurrentThrough;
        ReferenceThrough = Advance(references, referenceWeights, value, ref r, ReferenceThrough);
        CurrentThrough = Advance(currents, currentWeights, value, ref c, CurrentThrough);
        referenceIndex = r;
        currentIndex = c;
        return true;
    }

    /// <summary>Steps past the points equal to <paramref name="value"/>, returning the weight through them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Advance(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double value, ref int index, double through)
    {
        var i = index;
        if (weights.IsEmpty)
        {
            // Unit weights: the running count, which adding 1.0 per point gives exactly too.
            while (i < values.Length && values[i] == value)
            {
                i++;
            }

            index = i;
            return i;
        }

        // Accumulating weight by weight keeps NumPy's cumulative-sum order.
        while (i < values.Length && values[i] == value)
        {
            through += weights[i];
            i++;
        }

        index = i;
        return through;
    }
}
