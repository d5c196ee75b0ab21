using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine.Reporting;

/// <summary>The multivariate checks as table rows, shared by the text and Markdown forms of a drift report.</summary>
internal static class DatasetCheckRows
{
    /// <summary>The header.</summary>
    public static string[] Header { get; } = ["check", "status", "statistic", "interval", "threshold", "separating most"];

    /// <summary>One row per check, in report order.</summary>
    public static IEnumerable<string[]> Rows(DriftReport report) => report.DatasetChecks.Select(c => new[]
    {
        c.Measure is null ? c.Name : $"{c.Name} ({c.Measure})",
        c.Status.ToText(),
        c.Statistic is { } s ? DriftNumber.Format(s) : "-",
        c.Interval is { } i ? $"{DriftNumber.Format(i.Lower)} to {DriftNumber.Format(i.Upper)}" : "-",
        c.Threshold is { } t ? DriftNumber.Format(t) : "-",
        c.TopFeatures.Count == 0 ? "-" : string.Join(", ", c.TopFeatures.Select(f => $"{f.Column} {DriftNumber.Percent(f.Share)}")),
    });
}
