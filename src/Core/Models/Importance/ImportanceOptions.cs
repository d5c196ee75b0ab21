namespace ModelGates.Models.Importance;

/// <summary>How permutation importance is measured: repeats, seed, the metric whose drop is the importance, the bootstrap of its interval.</summary>
internal sealed record ImportanceOptions
{
    /// <summary>The default number of shuffles of each column (scikit-learn's default is 5 as well).</summary>
    public const int DefaultRepeats = 5;

    /// <summary>The default number of row resamples behind each interval.</summary>
    public const int DefaultResamples = 200;

    /// <summary>Shuffles of each column; the importance is their mean drop.</summary>
    public int Repeats { get; init; } = DefaultRepeats;

    /// <summary>Seed of the shuffles and of the row resamples.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The metric whose drop is measured, or null for the task's default (<see cref="ImportanceMetric.DefaultFor"/>).</summary>
    public string? Metric { get; init; }

    /// <summary>Row resamples of the percentile interval.</summary>
    public int Resamples { get; init; } = DefaultResamples;

    /// <summary>Confidence of the percentile interval.</summary>
    public double Confidence { get; init; } = 0.95;
}
