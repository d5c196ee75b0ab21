namespace ModelGates.Models.Resources;

/// <summary>A resource a model gate can budget: what is measured, its unit, and which way is worse.</summary>
/// <param name="Id">The key under <c>budgets</c> (<c>latencyP95Ms</c>).</param>
/// <param name="What">A readable name for messages.</param>
/// <param name="HigherIsWorse">True for sizes, times and memory; false for throughput.</param>
/// <param name="FromLineage">Measured by the training process and read from the model's lineage record.</param>
internal sealed record ResourceKind(string Id, string What, bool HigherIsWorse, bool FromLineage)
{
    /// <summary>Every resource, in documentation order.</summary>
    public static IReadOnlyList<ResourceKind> All { get; } =
    [
        new("modelSizeMB", "model file size (MB)", true, false),
        new("latencyP50Ms", "median scoring latency per row (ms)", true, false),
        new("latencyP95Ms", "95th-percentile scoring latency per row (ms)", true, false),
        new("throughputRowsPerSecond", "scoring throughput (rows/s)", false, false),
        new("trainingSeconds", "training time (s)", true, true),
        new("trainingPeakMemoryMB", "training peak memory (MB)", true, true),
    ];

    /// <summary>The resource of <paramref name="id"/>, or null.</summary>
    public static ResourceKind? Find(string id) => All.FirstOrDefault(k => k.Id == id);
}
