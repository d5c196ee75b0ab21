using System.Globalization;
using System.Text.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Quality.Review;

/// <summary>
/// The decisions file a gate reads back (<c>"review": "reviews/credit.decisions.jsonl"</c>): the exported
/// <c>review.jsonl</c> with <c>decision</c> (and for <c>ok</c>, <c>expires</c>) filled in. Undecided lines are skipped;
/// a malformed line is MG0186 at its line.
/// </summary>
internal sealed class ReviewDecisions
{
    private readonly Dictionary<(string Check, string Key), ReviewDecision> decisions;

    private ReviewDecisions(string file, Dictionary<(string, string), ReviewDecision> decisions)
    {
        File = file;
        this.decisions = decisions;
    }

    /// <summary>The file read.</summary>
    public string File { get; }

    /// <summary>The decisions, in file order.</summary>
    public IEnumerable<ReviewDecision> All => decisions.Values.OrderBy(d => d.Line);

    /// <summary>The decision about a row of a check, or null.</summary>
    public ReviewDecision? Find(string check, string key) => decisions.GetValueOrDefault((check, key));

    /// <summary>Reads a decisions file.</summary>
    /// <exception cref="DataReadException">The file is missing (MG0101) or a line is malformed (MG0186), exit code 3.</exception>
    public static ReviewDecisions Read(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new DataReadException(DiagnosticCatalog.DataNotFound.Create($"The review decisions file '{PathDisplay.For(path)}' does not exist.") with { File = path });
        }

        var decisions = new Dictionary<(string, string), ReviewDecision>();
        var number = 0;
        foreach (var line in System.IO.File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var decision = Parse(path, line, number);
            if (decision is not null)
            {
                decisions[(decision.Check, decision.Key)] = decision;
            }
        }

        return new ReviewDecisions(path, decisions);
    }

    private static ReviewDecision? Parse(string path, string line, int number)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw Invalid(path, number, $"line {number} is not JSON: {e.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, number, $"line {number} is not a JSON object.");
        }

        var decision = Text(root, "decision") ?? string.Empty;
        if (decision.Length == 0)
        {
            return null;
        }

        if (decision is not ("ok" or "issue"))
        {
            throw Invalid(path, number, $"'decision' must be \"ok\" (the row is fine), \"issue\" (confirmed) or empty (undecided), not \"{decision}\".");
        }

        var check = Text(root, "check") ?? throw Invalid(path, number, "the line has no 'check'.");
        var key = Text(root, "key") ?? throw Invalid(path, number, "the line has no 'key'.");
        var rowHash = Text(root, "rowHash") ?? throw Invalid(path, number, "the line has no 'rowHash'.");
        DateOnly? expires = null;
        var expiresText = Text(root, "expires") ?? string.Empty;
        if (expiresText.Length > 0 || decision == "ok")
        {
            if (!DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Invalid(path, number, $"an \"ok\" decision must expire: 'expires' must be a date written yyyy-MM-dd, not \"{expiresText}\".");
            }

            expires = date;
        }

        return new ReviewDecision(check, key, rowHash, decision, expires, number);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DataReadException Invalid(string path, int line, string message) =>
        new(DiagnosticCatalog.InvalidReviewFile.Create($"Review decisions '{PathDisplay.For(path)}': {message}") with { File = path, Line = line });
}
