using System.Globalization;
using ModelGates.Models.Evaluation.Thresholds;

namespace ModelGates.Xunit;

/// <summary>
/// How much worse than the champion a challenger may be on one metric before it counts as a regression. Drops are
/// direction-aware: a lower AUC is a drop, and so is a higher log loss.
/// </summary>
public sealed record RegressionAllowance
{
    private RegressionAllowance(string metric, ThresholdKind kind, double bound)
    {
        Metric = metric;
        Kind = kind;
        Bound = bound;
    }

    /// <summary>The metric's id (<c>auc</c>, <c>logLoss</c>, <c>recall.setosa</c>).</summary>
    public string Metric { get; }

    /// <summary><see cref="ThresholdKind.MaxDrop"/> or <see cref="ThresholdKind.MaxRelativeDrop"/>.</summary>
    public ThresholdKind Kind { get; }

    /// <summary>The allowed drop: in the metric's unit, or as a fraction of the champion's value.</summary>
    public double Bound { get; }

    /// <summary>The challenger may be worse by at most <paramref name="amount"/>, in the metric's unit (0: no drop at all).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or not finite.</exception>
    public static RegressionAllowance Drop(string metric, double amount) => new(Require(metric), ThresholdKind.MaxDrop, NonNegative(amount));

    /// <summary>The challenger may be worse by at most <paramref name="fraction"/> of the champion's value (0.05: 5 %).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is negative or not finite.</exception>
    public static RegressionAllowance RelativeDrop(string metric, double fraction) => new(Require(metric), ThresholdKind.MaxRelativeDrop, NonNegative(fraction));

    /// <summary>The allowance as a threshold the engine judges.</summary>
    internal MetricThreshold ToThreshold() => new(Metric, Kind, Bound);

    /// <summary><c>drop ≤ 0.02</c> or <c>relative drop ≤ 5 %</c>.</summary>
    public override string ToString() => Kind == ThresholdKind.MaxRelativeDrop
        ? string.Create(CultureInfo.InvariantCulture, $"relative drop ≤ {Bound * 100:0.###} %")
        : string.Create(CultureInfo.InvariantCulture, $"drop ≤ {Bound:0.######}");

    private static string Require(string metric) =>
        string.IsNullOrWhiteSpace(metric) ? throw new ArgumentException("Name the metric (auc, logLoss, rmse, ...).", nameof(metric)) : metric.Trim();

    private static double NonNegative(double value) =>
        double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "An allowed drop is a finite number of at least 0.");
}
