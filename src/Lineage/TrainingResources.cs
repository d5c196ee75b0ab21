namespace ModelGates.Lineage;

/// <summary>What training cost, measured by <see cref="ModelLineage.Save"/> in the training process.</summary>
public sealed class TrainingResources
{
    internal TrainingResources(double seconds, long peakMemoryBytes, string since)
    {
        Seconds = seconds;
        PeakMemoryBytes = peakMemoryBytes;
        Since = since;
    }

    /// <summary>Wall-clock seconds from <see cref="Since"/> to the save.</summary>
    public double Seconds { get; }

    /// <summary>The training process's peak working set, in bytes, at the save.</summary>
    public long PeakMemoryBytes { get; }

    /// <summary>
    /// Where <see cref="Seconds"/> counts from: <c>trainingStarted</c> (<see cref="LineageOptions.TrainingStarted"/>)
    /// or <c>processStart</c> (the process's start, so it includes loading the data).
    /// </summary>
    public string Since { get; }
}
