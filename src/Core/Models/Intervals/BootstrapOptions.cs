using System.Globalization;

namespace ModelGates.Models.Intervals;

/// <summary>How a bootstrap runs: how many resamples, which confidence, which seed, how many threads.</summary>
public sealed record BootstrapOptions
{
    /// <summary>The options used when none are given: 1000 resamples, 95 %, seed 0, all cores.</summary>
    public static BootstrapOptions Default { get; } = new();

    /// <summary>The number of bootstrap resamples. Default 1000.</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>The confidence of the intervals, in (0, 1). Default 0.95.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>
    /// The seed. Resample r draws its rows from its own stream, derived from (seed, r) alone, so the
    /// same seed gives the same bytes whatever the thread count or scheduling.
    /// </summary>
    public ulong Seed { get; init; }

    /// <summary>How many resamples run at once; 0 means one per processor. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>Throws when an option cannot be used.</summary>
    /// <exception cref="ArgumentException">Resamples below 1, confidence outside (0, 1) or a negative thread count.</exception>
    internal void Validate()
    {
        if (Resamples < 1)
        {
            throw new ArgumentException(
                "A bootstrap needs at least 1 resample, not " + Resamples.ToString(CultureInfo.InvariantCulture) + ".",
                nameof(Resamples));
        }

        if (!(Confidence > 0.0 && Confidence < 1.0))
        {
            throw new ArgumentException(
                "The confidence must lie strictly between 0 and 1, not " + Confidence.ToString("R", CultureInfo.InvariantCulture) + ".",
                nameof(Confidence));
        }

        if (MaxDegreeOfParallelism < 0)
        {
            throw new ArgumentException("The degree of parallelism cannot be negative; use 0 for one per processor.", nameof(MaxDegreeOfParallelism));
        }
    }
}
