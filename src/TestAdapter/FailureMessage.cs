using System.Globalization;
using System.Text;
using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Reports;

namespace ModelGates.Xunit;

/// <summary>
/// Failure messages are the best part of a test library: a compact table of what was measured against
/// which bound, where the rule is declared, example rows, and where the full report is.
/// </summary>
internal static class FailureMessage
{
    public static string ForCheck(CheckResult check, string reportDirectory)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{check.Description}: {check.Diagnostic?.Code} {check.Diagnostic?.Message}\n");
        text.Append(Table.Render(["check", "measured", "bound", "declared at"], [[check.Id, Format(check.Measured), Format(check.Bound), Where(check.Diagnostic)]]));
        AppendExamples(text, check.Diagnostic);
        text.Append(CultureInfo.InvariantCulture, $"report: {Path.Combine(reportDirectory, GateReportFiles.JsonName)}\n");
        return text.ToString();
    }

    public static string ForDiagnostics(string headline, IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        var text = new StringBuilder(headline).Append('\n');
        text.Append(Table.Render(
            ["code", "column", "check", "measured", "bound", "declared at"],
            list.Select(d => (IReadOnlyList<string>)[d.Code, d.Column ?? string.Empty, d.Check ?? string.Empty, Format(d.Measured), Format(d.Bound), Where(d)]).ToList()));
        foreach (var d in list)
        {
            text.Append(CultureInfo.InvariantCulture, $"{d.Code}: {d.Message}\n");
        }

        foreach (var d in list)
        {
            AppendExamples(text, d);
        }

        return text.ToString();
    }

    public static string Format(Scalar? value) => value switch
    {
        { Number: { } n } => n.ToString("G6", CultureInfo.InvariantCulture),
        { Text: { } t } => t,
        _ => string.Empty,
    };

    private static string Where(Diagnostic? d) =>
        d?.File is null ? string.Empty : d.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{d.File}({line},{d.SourceColumn ?? 1})") : d.File;

    private static void AppendExamples(StringBuilder text, Diagnostic? d)
    {
        if (d is null || d.Examples.Count == 0)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"examples ({d.Code}):\n");
        foreach (var example in d.Examples)
        {
            text.Append("  ").Append(DiagnosticFormatter.Describe(example)).Append('\n');
        }
    }
}
