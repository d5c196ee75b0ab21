using System.Globalization;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine.Reporting;

/// <summary>The human summary of a drift report: a headline and a compact table, drifted columns first.</summary>
public static class DriftReportText
{
    /// <summary>Writes the headline and the table.</summary>
    public static void Write(TextWriter output, DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Drift of '{report.Current.Path}' ({report.Current.Rows:N0} rows) against {(report.Reference.IsProfile ? "the reference profile" : "the reference")} '{report.Reference.Path}' ({report.Reference.Rows:N0} rows)."));
        output.WriteLine($"{DriftTable.Summary(report)}; correction: {report.Correction.ToText()}, decision: {report.Decision.ToText()}.");
        output.WriteLine();
        var rows = DriftTable.Rows(report).ToList();
        var widths = DriftTable.Header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        output.WriteLine(Line(DriftTable.Header, widths));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }

        output.WriteLine();
        if (report.DatasetChecks.Count > 0)
        {
            var checks = DatasetCheckRows.Rows(report).ToList();
            var checkWidths = DatasetCheckRows.Header.Select((h, i) => Math.Max(h.Length, checks.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
            output.WriteLine(Line(DatasetCheckRows.Header, checkWidths));
            foreach (var row in checks)
            {
                output.WriteLine(Line(row, checkWidths));
            }

            output.WriteLine();
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
