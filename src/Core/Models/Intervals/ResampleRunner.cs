namespace ModelGates.Models.Intervals;

/// <summary>Runs the resamples of a bootstrap in parallel, with results that do not depend on scheduling.</summary>
internal static class ResampleRunner
{
    /// <summary>
    /// Every resample's values, resample-major: entry [r × ValueCount + m] is value m of resample r,
    /// NaN when undefined.
    /// </summary>
    public static double[] Run(IResampleEvaluator evaluator, BootstrapOptions options)
    {
        var valueCount = evaluator.ValueCount;
        var rowCount = evaluator.RowCount;
        var values = new double[options.Resamples * valueCount];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism == 0 ? Environment.ProcessorCount : options.MaxDegreeOfParallelism,
        };

        Parallel.For(
            0,
            options.Resamples,
            parallel,
            () => (Worker: evaluator.CreateWorker(), Counts: new int[rowCount]),
            (resample, _, local) =>
            {
                ResampleStreams.DrawCounts(options.Seed, resample, local.Counts);
                local.Worker.Evaluate(local.Counts, values.AsSpan(resample * valueCount, valueCount));
                return local;
            },
            _ => { });
        return values;
    }
}
