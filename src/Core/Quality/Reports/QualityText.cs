using System.Globalization;

namespace ModelGates.Quality.Reports;

/// <summary>The quality report as text (a table of findings and their first rows) and as Markdown.</summary>
internal static class QualityText
{
    private const int RowsShown = 5;

    /// <summary>A summary line and one line per finding with its first rows.</summary>
    public static void WriteText(TextWriter o, QualityReport report)
    {
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Quality of {report.Data} ({report.Rows:N0} rows, {report.Columns} columns){(report.Reference is null ? string.Empty : $" against {report.Reference}")}: {report.Checks.Count(c => c.Status == "ran")} checks, {report.Findings.Count} finding(s){(report.Reviewed > 0 ? $", {report.Reviewed} reviewed row(s) set aside" : string.Empty)}."));
        foreach (var finding in report.Findings)
        {
            var f = finding.Finding;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {f.Code} {f.Check}{(f.Column is null ? string.Empty : $" [{f.Column}]")}: {f.Count} ({QualityMessages.Format(f.Share * 100)}%) {f.Severity.ToString().ToLowerInvariant()}{(finding.Measured is { } m ? $", measured {QualityMessages.Format(m)}" : string.Empty)}"));
            foreach (var row in f.Rows.Take(Math.Min(RowsShown, report.MaxRows)))
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {report.Keys[row.RowIndex]}  score {QualityMessages.Format(row.Score)}  {string.Join("  ", row.Details.Select(d => $"{d.Key}={d.Value}"))}"));
            }
        }
    }

    /// <summary>A Markdown section: the findings table, then each finding's first rows.</summary>
    public static void WriteMarkdown(TextWriter o, QualityReport report)
    {
        o.WriteLine($"## Quality of `{report.Data}`");
        o.WriteLine();
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Rows:N0} rows, {report.Columns} columns{(report.Reference is null ? string.Empty : $", against `{report.Reference}`")}; {(report.Failed ? "**failed**" : "passed")}."));
        o.WriteLine();
        if (report.Findings.Count == 0)
        {
            o.WriteLine("No findings.");
            return;
        }

        o.WriteLine("| check | code | severity | column | count | share | first rows |");
        o.WriteLine("|---|---|---|---|---:|---:|---|");
        foreach (var finding in report.Findings)
        {
            var f = finding.Finding;
            var rows = string.Join(", ", f.Rows.Take(Math.Min(RowsShown, report.MaxRows)).Select(r => report.Keys[r.RowIndex]));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {f.Check} | {f.Code} | {f.Severity.ToString().ToLowerInvariant()} | {f.Column ?? string.Empty} | {f.Count} | {QualityMessages.Format(f.Share * 100)}% | {rows} |"));
        }
    }
}
