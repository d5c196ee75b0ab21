namespace ModelGates.Models.Intervals;

/// <summary>Computes a fixed list of metric values for a resample given as per-row counts.</summary>
internal interface IResampleEvaluator
{
    /// <summary>The number of rows a resample draws from.</summary>
    int RowCount { get; }

    /// <summary>The number of values each resample yields.</summary>
    int ValueCount { get; }

    /// <summary>A worker with its own scratch space; one thread uses one worker at a time.</summary>
    IResampleWorker CreateWorker();
}

/// <summary>The per-thread part of an <see cref="IResampleEvaluator"/>.</summary>
internal interface IResampleWorker
{
    /// <summary>Writes each metric's value (NaN when undefined) for the rows weighted by <paramref name="counts"/>.</summary>
    void Evaluate(ReadOnlySpan<int> counts, Span<double> values);
}
