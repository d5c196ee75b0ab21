using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Quality;

/// <summary>The diagnostic of a finding: its code, severity, a sentence saying what was found, and the first rows as examples.</summary>
internal static class QualityMessages
{
    private const int Examples = 5;

    /// <summary>The diagnostic of <paramref name="finding"/> in <paramref name="report"/>.</summary>
    public static Diagnostic Diagnostic(QualityReport report, CheckFinding finding)
    {
        var f = finding.Finding;
        var title = DiagnosticCatalog.Find(f.Code)?.Title ?? f.Check;
        var where = f.Column is null ? string.Empty : $" in column '{f.Column}'";
        var measured = finding.Measured is { } m ? $"; measured {Format(m)}, bound {Format(finding.Bound ?? double.NaN)}" : string.Empty;
        var examples = f.Rows.Take(Examples).Where(r => report.Keys.ContainsKey(r.RowIndex)).Select(r => report.Keys[r.RowIndex]).ToList();
        var rows = examples.Count == 0 ? string.Empty : $"; rows {string.Join(", ", examples)}{(f.Rows.Count > examples.Count ? ", ..." : string.Empty)}";
        var message = $"{title}{where}: {f.Count.ToString(CultureInfo.InvariantCulture)} of {report.Rows.ToString(CultureInfo.InvariantCulture)} rows ({Format(f.Share * 100)}%) of '{report.Data}'{measured}{rows}.";
        return new Diagnostic(f.Code, f.Severity, message)
        {
            File = report.DataFile,
            Column = f.Column,
            Check = f.Check,
            Measured = finding.Measured is { } v ? Scalar.Of(v) : Scalar.Of(f.Share),
            Bound = finding.Bound is { } b ? Scalar.Of(b) : (Scalar?)null,
        };
    }

    /// <summary>A number as reports show it: up to four significant decimals, invariant.</summary>
    public static string Format(double value) => double.IsFinite(value) ? Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture) : "n/a";
}
