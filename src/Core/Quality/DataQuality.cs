using System.Text.Json;
using ModelGates.Diagnostics;
using ModelGates.Inputs;
using ModelGates.Quality.Reports;

namespace ModelGates.Quality;

/// <summary>The quality checks from the command line and C# (docs/quality.md): what <c>modelgates quality</c> and <c>DataAssert</c> call.</summary>
public static class DataQuality
{
    /// <summary>The ids of every check, in report order.</summary>
    public static IReadOnlyList<string> CheckIds => [.. QualityCheckRegistry.All.Select(c => c.Id)];

    /// <summary>Parses an age as users write it (<c>36h</c>, <c>7d</c>, <c>2w</c>, <c>90m</c>, or a TimeSpan); false when it is not one.</summary>
    public static bool TryParseAge(string text, out TimeSpan age)
    {
        ArgumentNullException.ThrowIfNull(text);
        return QualityDurations.TryParse(text, out age);
    }

    /// <summary>Runs the quality checks of <paramref name="request"/>, reading through <paramref name="pipeline"/>.</summary>
    /// <exception cref="ConfigurationException">A label, key or timestamp column is missing, or a check id is unknown (exit code 2).</exception>
    /// <exception cref="Data.DataReadException">The data cannot be read, or is bad input for the checks (exit code 3).</exception>
    public static QualityResult Run(InputPipeline pipeline, QualityRequest request)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(request);
        return new QualityResult(QualityRun.Run(pipeline, request));
    }
}

/// <summary>What a quality run found, ready to print in every format.</summary>
public sealed class QualityResult
{
    internal QualityResult(QualityReport report) => Report = report;

    /// <summary>The rows examined.</summary>
    public long Rows => Report.Rows;

    /// <summary>A diagnostic per finding (error, warning or info after thresholds), then notes (unparsed rows, review decisions).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Report.Diagnostics;

    /// <summary>True when a finding is an error.</summary>
    public bool Failed => Report.Failed;

    /// <summary>Flagged rows that review decisions took out of the counts.</summary>
    public long Reviewed => Report.Reviewed;

    /// <summary>The findings: check, code, severity, column, count, share and the keys of the rows, ranked.</summary>
    public IReadOnlyList<QualityFindingSummary> Findings =>
        [.. Report.Findings.Select(f => new QualityFindingSummary(f.Finding.Check, f.Finding.Code, f.Finding.Severity, f.Finding.Column, f.Finding.Count, f.Finding.Share)
        {
            Rows = [.. f.Finding.Rows.Take(Report.MaxRows).Select(r => Report.Keys[r.RowIndex])],
            Measured = f.Measured,
        })];

    internal QualityReport Report { get; }

    /// <summary>Writes the <c>quality</c> and <c>findings</c> fields into an open JSON object.</summary>
    public void WriteJson(Utf8JsonWriter writer) => QualityJson.Write(writer, Report);

    /// <summary>Writes the text summary.</summary>
    public void WriteText(TextWriter writer) => QualityText.WriteText(writer, Report);

    /// <summary>Writes the Markdown summary.</summary>
    public void WriteMarkdown(TextWriter writer) => QualityText.WriteMarkdown(writer, Report);
}

/// <summary>One finding as C# sees it.</summary>
/// <param name="Check">The check id.</param>
/// <param name="Code">The MG code.</param>
/// <param name="Severity">The severity after thresholds.</param>
/// <param name="Column">The column, or null for a row-level finding.</param>
/// <param name="Count">The rows (or values) concerned.</param>
/// <param name="Share">Count over the rows examined.</param>
public sealed record QualityFindingSummary(string Check, string Code, Severity Severity, string? Column, long Count, double Share)
{
    /// <summary>The keys of the flagged rows, most suspicious first (bounded by <see cref="QualityOptions.MaxRows"/>).</summary>
    public IReadOnlyList<string> Rows { get; init; } = [];

    /// <summary>What a column-level check measured (a single feature's AUC, the age in days, the volume ratio), or null.</summary>
    public double? Measured { get; init; }
}
