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
        var referenceLeft = referenceIndex < referenceValues.Length;
        var currentLeft = currentIndex < currentValues.Length;
        if (!referenceLeft && !currentLeft)
        {
            return false;
        }

        Value = !currentLeft || (referenceLeft && referenceValues[referenceIndex] <= currentValues[currentIndex])
            ? referenceValues[referenceIndex]
            : currentValues[currentIndex];
        ReferenceBelow = ReferenceThrough;
        CurrentBelow = CurrentThrough;

        // Accumulating weight by weight keeps NumPy's cumulative-sum order, so unit weights stay exact integers.
        var through = ReferenceThrough;
        while (referenceIndex < referenceValues.Length && referenceValues[referenceIndex] == Value)
        {
            through += referenceWeights.IsEmpty ? 1.0 : referenceWeights[referenceIndex];
            referenceIndex++;
        }

        ReferenceThrough = through;
        through = CurrentThrough;
        while (currentIndex < currentValues.Length && currentValues[currentIndex] == Value)
        {
            through += currentWeights.IsEmpty ? 1.0 : currentWeights[currentIndex];
            currentIndex++;
        }

        CurrentThrough = through;
        return true;
    }
}
