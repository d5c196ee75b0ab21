using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation;

/// <summary>
/// The labelled predictions of one model on the evaluation rows, whatever the task, with every metric of the
/// task. Metric ids are the public ones: multiclass per-class recall is <c>recall.&lt;class label&gt;</c>.
/// </summary>
public abstract class PredictionSet
{
    private protected PredictionSet()
    {
    }

    /// <summary>The task.</summary>
    public abstract ModelTask Task { get; }

    /// <summary>The number of rows.</summary>
    public abstract int Count { get; }

    /// <summary>The public id of every metric, in report order.</summary>
    public abstract IReadOnlyList<string> MetricIds { get; }

    /// <summary>Which way each metric of <see cref="MetricIds"/> improves.</summary>
    public abstract IReadOnlyList<MetricDirection> Directions { get; }

    /// <summary>Every metric on all rows.</summary>
    public abstract IReadOnlyList<MetricValue> Compute();

    /// <summary>The same predictions restricted to some rows (0-based indices, ascending).</summary>
    public abstract PredictionSet Subset(int[] rows);

    /// <summary>Every metric's bootstrap interval, and every resample's values (resample-major, NaN when undefined).</summary>
    internal abstract (IReadOnlyList<MetricInterval> Intervals, double[] ResampleValues) Bootstrap(BootstrapOptions options);

    /// <summary>
    /// This model and a baseline model scored on the same rows, on the same resamples (metrics in
    /// <see cref="MetricIds"/> order, named by the library's ids).
    /// </summary>
    /// <exception cref="ArgumentException">The rows differ, or the task differs.</exception>
    internal abstract PairedResamples PairedResample(PredictionSet baseline, BootstrapOptions options);

    /// <summary>
    /// These predictions with the parameterised metrics among <paramref name="metricIds"/> that the set does not
    /// compute yet (<c>lift@0.2</c>), after its own; ids that are neither are left for the caller to report.
    /// </summary>
    internal virtual PredictionSet Including(IEnumerable<string> metricIds) => this;

    /// <summary>The position of a metric in <see cref="MetricIds"/>, or -1.</summary>
    internal int IndexOf(string metricId)
    {
        for (var i = 0; i < MetricIds.Count; i++)
        {
            if (string.Equals(MetricIds[i], metricId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The values at <paramref name="rows"/>.</summary>
    private protected static T[] Pick<T>(ReadOnlySpan<T> source, int[] rows)
    {
        var picked = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            picked[i] = source[rows[i]];
        }

        return picked;
    }

    /// <summary>Renames library ids (<c>recall.0</c>) to public ids in the intervals.</summary>
    private protected IReadOnlyList<MetricInterval> Rename(IReadOnlyList<MetricInterval> intervals) =>
        [.. intervals.Select((interval, i) => interval with { MetricId = MetricIds[i] })];
}
