using ModelGates.Data;
using ModelGates.Inputs;
using ModelGates.Quality;
using ModelGates.Testing;

namespace ModelGates.Tests.Quality;

/// <summary>
/// The sample's credit data with defects injected at known lines: rows appended to a copy of a file, each injected
/// row's line number remembered, so a test can say exactly which rows must be found.
/// </summary>
internal sealed class InjectedCredit
{
    private readonly List<string> lines;

    private InjectedCredit(string path) => lines = [.. File.ReadAllLines(path)];

    /// <summary>The header's columns.</summary>
    public string[] Columns => lines[0].Split(',');

    /// <summary>The data lines (1-based line numbers as in the file; line 1 is the header).</summary>
    public string Line(int number) => lines[number - 1];

    /// <summary>The number of lines.</summary>
    public int Count => lines.Count;

    /// <summary>The sample's holdout.</summary>
    public static InjectedCredit Holdout() => new(RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv"));

    /// <summary>The sample's training data.</summary>
    public static InjectedCredit Train() => new(RepoPaths.Combine("samples", "CreditRisk", "data", "train.csv"));

    /// <summary>Any CSV file.</summary>
    public static InjectedCredit From(string path) => new(path);

    /// <summary>Appends a line and returns its line number.</summary>
    public int Append(string line)
    {
        lines.Add(line);
        return lines.Count;
    }

    /// <summary>Replaces one field of a line.</summary>
    public void Set(int number, string column, string value)
    {
        var fields = lines[number - 1].Split(',');
        fields[Array.IndexOf(Columns, column)] = value;
        lines[number - 1] = string.Join(',', fields);
    }

    /// <summary>A line with its label flipped (good/bad).</summary>
    public string Flipped(int number)
    {
        var fields = Line(number).Split(',');
        var label = Array.IndexOf(Columns, "Status");
        fields[label] = fields[label] == "good" ? "bad" : "good";
        return string.Join(',', fields);
    }

    /// <summary>Writes the file into <paramref name="directory"/>.</summary>
    public string Write(TempDirectory directory, string name) => directory.Write(name, string.Join('\n', lines) + "\n");

    /// <summary>Runs the quality checks.</summary>
    public static QualityReport Run(string data, QualityOptions options, string? reference = null, string? review = null, string? reviewOut = null, DateOnly? today = null, IReadOnlyList<string>? only = null)
    {
        using var pipeline = new InputPipeline();
        return QualityRun.Run(pipeline, new QualityRequest
        {
            Data = new DatasetSource(data),
            Reference = reference is null ? null : new DatasetSource(reference),
            Options = options,
            Review = review,
            ReviewOut = reviewOut,
            Today = today ?? new DateOnly(2026, 12, 1),
            Only = only,
        });
    }

    /// <summary>The user-facing keys of every row of a check's finding (all rows, not only the listed ones).</summary>
    public static List<string> Keys(QualityReport report, string check) =>
        [.. report.Findings.Where(f => f.Finding.Check == check).SelectMany(f => f.Finding.Rows).Select(r => report.Keys[r.RowIndex])];

    /// <summary>Options that list every flagged row.</summary>
    public static QualityOptions Options(string? label = "Status") => new() { Label = label, MaxRows = 100_000 };

    /// <summary>The finding of a check, or null.</summary>
    public static QualityFinding? Finding(QualityReport report, string check, string? column = null) =>
        report.Findings.Select(f => f.Finding).FirstOrDefault(f => f.Check == check && (column is null || f.Column == column));
}
