using System.Globalization;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Metrics;

/// <summary>
/// The parameterised metrics, whose id carries the parameter after <c>@</c>: <c>lift@0.2</c>,
/// <c>gain@0.05</c>, <c>ece@20</c>, <c>eceQuantile@5</c>. Each parameter has one spelling (the shortest
/// round-trip form of a fraction, plain digits of a count), so two ids never name one metric.
/// </summary>
internal static class MetricFamilies
{
    public static IReadOnlyList<MetricFamily> All { get; } =
    [
        new(ModelTask.Binary, LiftMetric.IdPrefix, "<fraction>", Fraction, text => new LiftMetric(ParseFraction(text))),
        new(ModelTask.Binary, GainMetric.IdPrefix, "<fraction>", Fraction, text => new GainMetric(ParseFraction(text))),
        new(ModelTask.Binary, ExpectedCalibrationErrorMetric.EqualWidthId + "@", "<bins>", Bins(ExpectedCalibrationErrorMetric.EqualWidthId),
            text => new ExpectedCalibrationErrorMetric(int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture))),
        new(ModelTask.Binary, ExpectedCalibrationErrorMetric.EqualFrequencyId + "@", "<bins>", Bins(ExpectedCalibrationErrorMetric.EqualFrequencyId),
            text => new ExpectedCalibrationErrorMetric(int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture), CalibrationBinning.EqualFrequency)),
    ];

    /// <summary>The family whose prefix starts <paramref name="id"/>, or null.</summary>
    public static MetricFamily? Find(ModelTask task, string id) =>
        All.FirstOrDefault(f => f.Task == task && id.StartsWith(f.Prefix, StringComparison.Ordinal));

    private static double ParseFraction(string text) => double.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static string? Fraction(string id, string text)
    {
        var prefix = id[..^text.Length];
        if (text.Length == 0 || !double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction))
        {
            return $"'{id}' needs a fraction of the rows after '@', such as '{prefix}0.1' (the top 10 %).";
        }

        if (!(fraction > 0.0 && fraction <= 1.0))
        {
            return $"'{id}' asks for the top {text} of the rows; the fraction must be above 0 and at most 1, such as '{prefix}0.1' (the top 10 %).";
        }

        var canonical = fraction.ToString("R", CultureInfo.InvariantCulture);
        return string.Equals(canonical, text, StringComparison.Ordinal)
            ? null
            : $"'{id}' is written '{prefix}{canonical}': a fraction has one spelling, so that two ids never name one metric.";
    }

    private static Func<string, string, string?> Bins(string name) => (id, text) =>
    {
        var plain = text.Length > 0 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 && (text.Length == 1 || text[0] != '0');
        if (!plain || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bins) || bins is < 1 or > ExpectedCalibrationErrorMetric.MaxBins)
        {
            return $"'{id}' needs a number of bins from 1 to {ExpectedCalibrationErrorMetric.MaxBins.ToString(CultureInfo.InvariantCulture)} after '@', such as '{name}@20'.";
        }

        return bins == ExpectedCalibrationErrorMetric.DefaultBins
            ? $"'{id}' is written '{name}': {ExpectedCalibrationErrorMetric.DefaultBins.ToString(CultureInfo.InvariantCulture)} bins are the default, and two ids never name one metric."
            : null;
    };
}

/// <summary>One parameterised metric: its task, id prefix, the parameter's name in patterns, its check and the creation.</summary>
internal sealed record MetricFamily(ModelTask Task, string Prefix, string Parameter, Func<string, string, string?> Check, Func<string, BinaryMetric> CreateFrom)
{
    /// <summary>The pattern listed by <see cref="MetricRegistry.KnownIds"/> (<c>lift@&lt;fraction&gt;</c>).</summary>
    public string Pattern => Prefix + Parameter;

    /// <summary>Why <paramref name="id"/> is not a member, or null.</summary>
    public string? Problem(string id) => Check(id, id[Prefix.Length..]);

    /// <summary>The member named by a checked id.</summary>
    public BinaryMetric Create(string id) => CreateFrom(id[Prefix.Length..]);
}
