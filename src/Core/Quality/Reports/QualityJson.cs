using System.Text.Json;
using ModelGates.Diagnostics;
using ModelGates.Output;

namespace ModelGates.Quality.Reports;

/// <summary>
/// The quality fields of a JSON result: <c>quality</c> (what was checked and how each check ended) and
/// <c>findings</c>, each with its rows ranked most suspicious first, a row named by its <c>key</c> (the key columns'
/// values, or its line number) with its <c>score</c> and the check's details.
/// </summary>
internal static class QualityJson
{
    /// <summary>Writes <c>quality</c> and <c>findings</c> into the open result object.</summary>
    public static void Write(Utf8JsonWriter w, QualityReport report)
    {
        w.WriteStartObject("quality");
        w.WriteString("data", report.Data.Replace('\\', '/'));
        w.WriteStringOrNull("reference", report.Reference?.Replace('\\', '/'));
        w.WriteNumber("rows", report.Rows);
        w.WriteNumber("columns", report.Columns);
        w.WriteStringOrNull("label", report.Label);
        w.WriteStartArray("key");
        foreach (var k in report.Key)
        {
            w.WriteStringValue(k);
        }

        w.WriteEndArray();
        w.WriteNumber("reviewed", report.Reviewed);
        w.WriteStartArray("checks");
        foreach (var check in report.Checks)
        {
            w.WriteStartObject();
            w.WriteString("check", check.Id);
            w.WriteString("code", check.Code);
            w.WriteString("status", check.Status);
            w.WriteStringOrNull("severity", check.Settings.Severity?.ToText());
            w.WriteNumber("maxShare", check.Settings.MaxShare);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        WriteFindings(w, report);
    }

    /// <summary>Writes the <c>findings</c> array.</summary>
    public static void WriteFindings(Utf8JsonWriter w, QualityReport report)
    {
        w.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            var f = finding.Finding;
            w.WriteStartObject();
            w.WriteString("check", f.Check);
            w.WriteString("code", f.Code);
            w.WriteString("severity", f.Severity.ToText());
            w.WriteStringOrNull("column", f.Column);
            w.WriteNumber("count", f.Count);
            w.WriteNumberOrNull("share", f.Share);
            if (finding.Measured is not null)
            {
                w.WriteNumberOrNull("measured", finding.Measured);
                w.WriteNumberOrNull("bound", finding.Bound);
            }

            w.WriteStartArray("rows");
            foreach (var row in f.Rows.Take(report.MaxRows))
            {
                w.WriteStartObject();
                w.WriteString("key", report.Keys[row.RowIndex]);
                w.WriteNumberOrNull("score", row.Score);
                foreach (var d in row.Details.Where(d => d.Key is not ("key" or "score")))
                {
                    w.WriteString(d.Key, d.Value);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
