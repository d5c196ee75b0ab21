using System.Globalization;

namespace ModelGates.Models.Metrics;

/// <summary>
/// The value of a metric on one prediction set, or the reason it is undefined there (AUC with one
/// class present, R² with one row). An undefined metric is never reported as NaN or 0.
/// </summary>
public readonly record struct MetricValue
{
    private MetricValue(double? value, string? undefinedReason)
    {
        Value = value;
        UndefinedReason = undefinedReason;
    }

    /// <summary>The value, or null when the metric is undefined.</summary>
    public double? Value { get; }

    /// <summary>Why the metric is undefined (a sentence), or null when it has a value.</summary>
    public string? UndefinedReason { get; }

    /// <summary>True when <see cref="Value"/> holds a number.</summary>
    public bool IsDefined => Value.HasValue;

    /// <summary>A defined value.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN.</exception>
    public static MetricValue Defined(double value) => double.IsNaN(value)
        ? throw new ArgumentException("A defined metric value cannot be NaN; report it as undefined with a reason.", nameof(value))
        : new MetricValue(value, null);

    /// <summary>An undefined value with the reason.</summary>
    public static MetricValue Undefined(string reason) => new(null, reason);

    /// <summary>The value, or NaN when undefined; the compact form the bootstrap stores per resample.</summary>
    internal double ValueOrNaN => Value ?? double.NaN;

    /// <summary>The value in shortest round-trip invariant form, or "undefined (reason)".</summary>
    public override string ToString() => Value is { } v
        ? v.ToString("R", CultureInfo.InvariantCulture)
        : "undefined (" + UndefinedReason + ")";
}
