using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelGates.Output;

namespace ModelGates.Quality.Review;

/// <summary>
/// Writes the flagged rows of a run for review: <c>review.jsonl</c> and <c>review.csv</c> in one folder, one line per
/// flagged row of each check, with the row key, its content hash, the issue, the score, the given and suggested label,
/// the row's values (sensitive columns masked) and empty <c>decision</c>, <c>expires</c> and <c>note</c> for the
/// reviewer. Both files are written atomically.
/// </summary>
internal static class ReviewExport
{
    /// <summary>The JSON Lines file's name.</summary>
    public const string JsonLinesName = "review.jsonl";

    /// <summary>The CSV file's name.</summary>
    public const string CsvName = "review.csv";

    private static readonly string[] Fixed = ["key", "rowHash", "check", "code", "column", "score", "given", "suggested", "decision", "expires", "note"];

    /// <summary>Writes both files into <paramref name="folder"/> (created if needed); returns the number of lines.</summary>
    public static int Write(string folder, QualityReport report, QualityTable data, IReviewMasker masker)
    {
        var flagged = report.Findings.SelectMany(f => f.Finding.Rows.Select(r => (f.Finding, Row: r))).ToList();
        var identity = new ReviewIdentity(data);
        identity.Load(flagged.Select(f => f.Row.RowIndex));
        var labelIndex = data.Label is null ? -1 : data.Columns.ToList().IndexOf(data.Label);
        var jsonl = new StringBuilder();
        var csv = new StringBuilder();
        csv.AppendJoin(',', Fixed.Concat(["details"]).Concat(data.Columns).Select(Csv)).Append('\n');
        foreach (var (finding, row) in flagged)
        {
            var (key, hash) = identity.Of(row.RowIndex);
            var values = identity.ValuesOf(row.RowIndex);
            var given = labelIndex < 0 ? null : values[labelIndex];
            var suggested = row.Details.FirstOrDefault(d => d.Key == "suggested").Value;
            var masked = data.Columns.Select((c, i) => masker.Mask(c, values[i])).ToList();
            var score = row.Score.ToString("R", CultureInfo.InvariantCulture);
            jsonl.Append(Encoding.UTF8.GetString(Line(w =>
            {
                w.WriteStartObject();
                w.WriteString("key", key);
                w.WriteString("rowHash", hash);
                w.WriteString("check", finding.Check);
                w.WriteString("code", finding.Code);
                w.WriteStringOrNull("column", finding.Column);
                w.WriteNumberOrNull("score", row.Score);
                w.WriteStringOrNull("given", given);
                w.WriteStringOrNull("suggested", string.IsNullOrEmpty(suggested) ? null : suggested);
                w.WriteStartObject("details");
                foreach (var d in row.Details)
                {
                    w.WriteString(d.Key, d.Value);
                }

                w.WriteEndObject();
                w.WriteStartObject("values");
                for (var i = 0; i < masked.Count; i++)
                {
                    w.WriteStringOrNull(data.Columns[i], masked[i]);
                }

                w.WriteEndObject();
                w.WriteString("decision", string.Empty);
                w.WriteString("expires", string.Empty);
                w.WriteString("note", string.Empty);
                w.WriteEndObject();
            }))).Append('\n');
            string?[] fields = [key, hash, finding.Check, finding.Code, finding.Column, score, given, suggested, string.Empty, string.Empty, string.Empty, string.Join("; ", row.Details.Select(d => $"{d.Key}={d.Value}")), .. masked];
            csv.AppendJoin(',', fields.Select(f => Csv(f ?? string.Empty))).Append('\n');
        }

        Directory.CreateDirectory(folder);
        AtomicFile.WriteText(Path.Combine(folder, JsonLinesName), jsonl.ToString());
        AtomicFile.WriteText(Path.Combine(folder, CsvName), csv.ToString());
        return flagged.Count;
    }

    private static byte[] Line(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
