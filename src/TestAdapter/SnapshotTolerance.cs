namespace ModelGates.Xunit;

/// <summary>
/// How far a received value may be from its approved snapshot: an absolute and a relative allowance
/// (a value passes within the larger of the two), with overrides per key or key prefix (<c>"auc"</c>,
/// <c>"columns.Income."</c>). Metrics and profiles move in their last digits with every retraining;
/// exact snapshots would fail for nothing.
/// </summary>
public sealed class SnapshotTolerance
{
    private readonly List<(string Prefix, double Absolute, double Relative)> overrides = [];

    private SnapshotTolerance(double absolute, double relative)
    {
        Absolute = absolute;
        Relative = relative;
    }

    /// <summary>No tolerance: values must be equal.</summary>
    public static SnapshotTolerance Exact => new(0, 0);

    /// <summary>The default absolute allowance.</summary>
    internal double Absolute { get; }

    /// <summary>The default relative allowance (a fraction of the approved value).</summary>
    internal double Relative { get; }

    /// <summary>A tolerance with an absolute allowance.</summary>
    public static SnapshotTolerance AbsoluteOf(double allowance) => new(Check(allowance), 0);

    /// <summary>A tolerance with a relative allowance.</summary>
    public static SnapshotTolerance RelativeOf(double allowance) => new(0, Check(allowance));

    /// <summary>Overrides the allowance for keys equal to or starting with <paramref name="keyOrPrefix"/>; the longest match wins.</summary>
    public SnapshotTolerance For(string keyOrPrefix, double absolute = 0, double relative = 0)
    {
        overrides.Add((keyOrPrefix, Check(absolute), Check(relative)));
        return this;
    }

    /// <summary>The allowance for a key and approved value: the larger of the absolute and relative parts.</summary>
    internal double AllowanceFor(string key, double approved)
    {
        var match = overrides.Where(o => key.StartsWith(o.Prefix, StringComparison.Ordinal)).OrderByDescending(o => o.Prefix.Length).FirstOrDefault();
        var (absolute, relative) = match.Prefix is null ? (Absolute, Relative) : (match.Absolute, match.Relative);
        return Math.Max(absolute, relative * Math.Abs(approved));
    }

    private static double Check(double allowance) =>
        allowance >= 0 && double.IsFinite(allowance) ? allowance : throw new ArgumentOutOfRangeException(nameof(allowance), "An allowance is a finite, non-negative number.");
}
