using System.Globalization;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine.Reporting;

/// <summary>A drift report as Markdown for a pull-request summary (<c>$GITHUB_STEP_SUMMARY</c>): a headline, the table and the findings.</summary>
public static class DriftReportMarkdown
{
    /// <summary>Writes the Markdown.</summary>
    public static void Write(TextWriter output, DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        output.WriteLine($"### Drift: {(report.Passed ? "passed" : "failed")}");
        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Current `{report.Current.Path}` ({report.Current.Rows:N0} rows) against {(report.Reference.IsProfile ? "reference profile" : "reference")} `{report.Reference.Path}` ({report.Reference.Rows:N0} rows, `{report.Reference.Hash}`)."));
        output.WriteLine(DriftTable.Summary(report) + ".");
        output.WriteLine();
        output.WriteLine("| " + string.Join(" | ", DriftTable.Header) + " |");
        output.WriteLine("|" + string.Concat(DriftTable.Header.Select(_ => "---|")));
        foreach (var row in DriftTable.Rows(report))
        {
            var cells = row.Select(Escape).ToArray();
            if (row[2] is "drift" or "missing" or "incompatible")
            {
                cells[2] = $"**{cells[2]}**";
            }

            output.WriteLine("| " + string.Join(" | ", cells) + " |");
        }

        if (report.DatasetChecks.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("| " + string.Join(" | ", DatasetCheckRows.Header) + " |");
            output.WriteLine("|" + string.Concat(DatasetCheckRows.Header.Select(_ => "---|")));
            foreach (var row in DatasetCheckRows.Rows(report))
            {
                var cells = row.Select(Escape).ToArray();
                if (row[1] == "drift")
                {
                    cells[1] = "**drift**";
                }

                output.WriteLine("| " + string.Join(" | ", cells) + " |");
            }
        }

        var findings = report.Diagnostics.Where(d => d.Severity != Severity.Info).ToList();
        if (findings.Count > 0)
        {
            output.WriteLine();
            foreach (var d in findings)
            {
                output.WriteLine($"- **{d.Severity.ToText()} {d.Code}**: {Escape(d.Message)}");
            }
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
