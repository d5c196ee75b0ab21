namespace ModelGates.Models.Intervals;

/// <summary>
/// Two models on the same rows: each resample's counts go to both, so their values come from the
/// identical resampled rows. Values are the challenger's metrics, then the baseline's.
/// </summary>
internal sealed class PairedResampleEvaluator : IResampleEvaluator
{
    private readonly IResampleEvaluator challenger;
    private readonly IResampleEvaluator baseline;

    public PairedResampleEvaluator(IResampleEvaluator challenger, IResampleEvaluator baseline)
    {
        if (challenger.RowCount != baseline.RowCount || challenger.ValueCount != baseline.ValueCount)
        {
            throw new ArgumentException("A paired bootstrap needs both models scored on the same rows with the same metrics.");
        }

        this.challenger = challenger;
        this.baseline = baseline;
    }

    public int RowCount => challenger.RowCount;

    public int ValueCount => challenger.ValueCount * 2;

    public IResampleWorker CreateWorker() => new Worker(challenger.CreateWorker(), baseline.CreateWorker(), challenger.ValueCount);

    private sealed class Worker(IResampleWorker challenger, IResampleWorker baseline, int metricCount) : IResampleWorker
    {
        public void Evaluate(ReadOnlySpan<int> counts, Span<double> values)
        {
            challenger.Evaluate(counts, values[..metricCount]);
            baseline.Evaluate(counts, values[metricCount..]);
        }
    }
}
