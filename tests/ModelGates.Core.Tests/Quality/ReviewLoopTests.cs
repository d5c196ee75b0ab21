using System.Text.Json;
using System.Text.Json.Nodes;
using ModelGates.Data;
using ModelGates.Quality;
using ModelGates.Quality.Review;
using ModelGates.Testing;

namespace ModelGates.Tests.Quality;

/// <summary>
/// The review loop end to end: export the flagged rows, decide, import; rows reviewed as fine no longer count,
/// an expired decision counts again (MG2110), a row that changed loses its decision (MG2111).
/// </summary>
public sealed class ReviewLoopTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Export_writes_one_line_per_flagged_row_with_empty_decision_fields_in_jsonl_and_csv()
    {
        var data = Keyed(out _);
        var report = InjectedCredit.Run(data, Options(), reviewOut: directory.File("review"), only: ["duplicates", "spellings"]);

        var lines = File.ReadAllLines(directory.File(Path.Combine("review", ReviewExport.JsonLinesName)));
        Assert.Equal(report.Findings.Sum(f => f.Finding.Rows.Count), lines.Length);
        var first = JsonNode.Parse(lines[0])!.AsObject();
        Assert.Equal(["key", "rowHash", "check", "code", "column", "score", "given", "suggested", "details", "values", "decision", "expires", "note"], first.Select(p => p.Key));
        Assert.Equal(("", "", ""), ((string?)first["decision"], (string?)first["expires"], (string?)first["note"]));
        Assert.StartsWith("sha256:", (string?)first["rowHash"], StringComparison.Ordinal);
        var csv = File.ReadAllLines(directory.File(Path.Combine("review", ReviewExport.CsvName)));
        Assert.Equal(lines.Length + 1, csv.Length);
        Assert.StartsWith("key,rowHash,check,code,column,score,given,suggested,decision,expires,note,details,Id,Status", csv[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_reviewed_as_fine_no_longer_count_until_their_decision_expires()
    {
        var data = Keyed(out var duplicates);
        var before = InjectedCredit.Run(data, Options(), reviewOut: directory.File("review"), only: ["duplicates"]);
        var exported = ReadExport();
        var decisions = directory.File("decisions.jsonl");
        Decide(exported, decisions, (duplicates[0], "ok", "2027-01-31"), (duplicates[1], "ok", "2026-11-30"), (duplicates[2], "issue", ""));

        var after = InjectedCredit.Run(data, Options(), review: decisions, today: Today, only: ["duplicates"]);

        var finding = InjectedCredit.Finding(after, "duplicates")!;
        Assert.Equal(InjectedCredit.Finding(before, "duplicates")!.Count - 1, finding.Count);
        Assert.DoesNotContain(duplicates[0], InjectedCredit.Keys(after, "duplicates"));
        Assert.Contains(duplicates[1], InjectedCredit.Keys(after, "duplicates"));
        Assert.Equal(1, after.Reviewed);
        var expired = Assert.Single(after.Notes);
        Assert.Equal(("MG2110", 2), (expired.Code, expired.Line));

        var later = InjectedCredit.Run(data, Options(), review: decisions, today: new DateOnly(2027, 2, 1), only: ["duplicates"]);
        Assert.Equal(InjectedCredit.Finding(before, "duplicates")!.Count, InjectedCredit.Finding(later, "duplicates")!.Count);
    }

    [Fact]
    public void A_row_whose_content_changed_loses_its_decision()
    {
        var holdout = WithIds();
        holdout.Set(10, "Home", "Rent");
        var data = holdout.Write(directory, "h.csv");
        InjectedCredit.Run(data, Options(), reviewOut: directory.File("review"), only: ["spellings"]);
        var decisions = directory.File("decisions.jsonl");
        Decide(ReadExport(), decisions, ("H10", "ok", "2027-01-31"));
        Assert.Empty(InjectedCredit.Run(data, Options(), review: decisions, today: Today, only: ["spellings"]).Findings);

        holdout.Set(10, "Age", "99");
        var changed = InjectedCredit.Run(holdout.Write(directory, "h.csv"), Options(), review: decisions, today: Today, only: ["spellings"]);

        Assert.Equal(["H10"], InjectedCredit.Keys(changed, "spellings"));
        Assert.Equal("MG2111", Assert.Single(changed.Notes).Code);
    }

    [Fact]
    public void Without_a_key_a_row_is_named_by_its_content_hash()
    {
        var holdout = InjectedCredit.Holdout();
        holdout.Append(holdout.Line(7));
        InjectedCredit.Run(holdout.Write(directory, "h.csv"), InjectedCredit.Options(), reviewOut: directory.File("review"), only: ["duplicates"]);

        var line = Assert.Single(ReadExport());
        Assert.Equal((string?)line["rowHash"], (string?)line["key"]);
    }

    [Fact]
    public void A_decision_that_is_not_ok_or_issue_is_MG0186_at_its_line()
    {
        var decisions = directory.Write("d.jsonl", "{\"check\":\"duplicates\",\"key\":\"a\",\"rowHash\":\"h\",\"decision\":\"\"}\n{\"check\":\"duplicates\",\"key\":\"b\",\"rowHash\":\"h\",\"decision\":\"fine\"}\n");

        var e = Assert.Throws<DataReadException>(() => ReviewDecisions.Read(decisions));

        Assert.Equal(("MG0186", 2), (e.Diagnostics[0].Code, e.Diagnostics[0].Line));
    }

    private static QualityOptions Options() => InjectedCredit.Options() with { Key = ["Id"] };

    private InjectedCredit WithIds()
    {
        var holdout = InjectedCredit.Holdout();
        var lines = Enumerable.Range(1, holdout.Count).Select(n => n == 1 ? "Id," + holdout.Line(n) : $"H{n},{holdout.Line(n)}").ToList();
        var file = directory.Write("ids.csv", string.Join('\n', lines) + "\n");
        return InjectedCredit.From(file);
    }

    private string Keyed(out List<string> duplicates)
    {
        var holdout = WithIds();
        var count = holdout.Count;
        duplicates = [];
        foreach (var line in new[] { 5, 40, 300 })
        {
            var copy = "D" + line + holdout.Line(line)[holdout.Line(line).IndexOf(',', StringComparison.Ordinal)..];
            holdout.Append(copy);
            duplicates.Add("D" + line);
        }

        Assert.Equal(count + 3, holdout.Count);
        return holdout.Write(directory, "keyed.csv");
    }

    private List<JsonObject> ReadExport() =>
        [.. File.ReadAllLines(directory.File(Path.Combine("review", ReviewExport.JsonLinesName))).Select(l => JsonNode.Parse(l)!.AsObject())];

    private static void Decide(List<JsonObject> exported, string path, params (string Key, string Decision, string Expires)[] decisions)
    {
        var lines = new List<string>();
        foreach (var line in exported)
        {
            var decision = decisions.FirstOrDefault(d => d.Key == (string?)line["key"]);
            if (decision.Key is not null)
            {
                line["decision"] = decision.Decision;
                line["expires"] = decision.Expires;
                line["note"] = "checked with the branch";
            }

            lines.Add(line.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        }

        File.WriteAllText(path, string.Join('\n', lines) + "\n");
    }
}
