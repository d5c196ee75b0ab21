using System.Globalization;
using System.Text.RegularExpressions;
using ModelGates.Models.Evaluation.Thresholds;

namespace ModelGates.Xunit;

/// <summary>Parses the bounds <see cref="ModelAssert.Meets(string, EvaluationData, string[])"/> takes: <c>auc &gt;= 0.8</c>, <c>logLoss ≤ 0.5</c>.</summary>
internal static partial class MetricBound
{
    public static MetricThreshold Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text);
        if (!match.Success || !double.TryParse(match.Groups["bound"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var bound) || !double.IsFinite(bound))
        {
            throw new ArgumentException($"'{text}' is not a metric bound; write '<metric> >= <number>' or '<metric> <= <number>', e.g. 'auc >= 0.8' or 'logLoss <= 0.5'.", nameof(text));
        }

        var kind = match.Groups["op"].Value is ">=" or "≥" ? ThresholdKind.Min : ThresholdKind.Max;
        return new MetricThreshold(match.Groups["metric"].Value, kind, bound);
    }

    [GeneratedRegex(@"^\s*(?<metric>\S.*?)\s*(?<op>>=|<=|≥|≤)\s*(?<bound>[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
