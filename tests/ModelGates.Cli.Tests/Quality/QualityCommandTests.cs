using System.Text.Json;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests.Quality;

/// <summary><c>modelgates quality</c>: the JSON shape of findings, the exit codes, the review export and import.</summary>
public sealed class QualityCommandTests : IDisposable
{
    private static readonly string Root = RepoPaths.Root;
    private static readonly string Holdout = RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv");
    private static readonly string Train = RepoPaths.Combine("samples", "CreditRisk", "data", "train.csv");
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Json_findings_have_the_documented_fields_and_a_leak_fails_with_exit_code_1()
    {
        var result = CliRunner.Run(Root, "quality", Holdout, "--label", "Status", "--reference", Train, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var json = result.Json();
        Assert.Equal("quality", json.GetProperty("command").GetString());
        Assert.False(json.GetProperty("passed").GetBoolean());
        var finding = json.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("check").GetString() == "leakage");
        Assert.Equal(["check", "code", "severity", "column", "count", "share", "rows"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("MG2102", "error", 1), (finding.GetProperty("code").GetString(), finding.GetProperty("severity").GetString(), finding.GetProperty("count").GetInt32()));
        var row = Assert.Single(finding.GetProperty("rows").EnumerateArray().ToList());
        Assert.Equal(["key", "score", "referenceRow"], row.EnumerateObject().Select(p => p.Name));
        Assert.Contains(json.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "MG2102");
    }

    [Fact]
    public void Clean_data_passes_with_exit_code_0_and_keys_name_rows()
    {
        var data = directory.Write("d.csv", "id,a,b,y\nA,1,x,0\nB,1,x,0\nC,2,y,1\nD,3,z,1\n");

        var result = CliRunner.Run(Root, "quality", data, "--label", "y", "--key", "id", "--checks", "duplicates", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = result.Json().GetProperty("findings")[0].GetProperty("rows")[0];
        Assert.Equal(("B", "A"), (row.GetProperty("key").GetString(), row.GetProperty("duplicateOf").GetString()));
    }

    [Theory]
    [InlineData("a,y\n1,0\n2,1\n", "--label|Y", 2, "MG0180")]
    [InlineData("a,y\n1,0\n2,0\n", "--label|y", 3, "MG0181")]
    [InlineData("a,b,y\n1,,0\n2,,1\n", "--label|y", 3, "MG0182")]
    [InlineData("id,a,y\n1,1,0\n1,2,1\n", "--key|id", 3, "MG0183")]
    [InlineData("a,y\n1,0\n2,1\n", "--checks|duplicate", 2, "MG0185")]
    [InlineData("a,y\n1,0\n2,1\n", "--max-age|soon", 2, "MG0185")]
    public void Bad_input_has_its_code_and_exit_code(string csv, string options, int exitCode, string code)
    {
        var data = directory.Write("d.csv", csv);

        var result = CliRunner.Run(Root, ["quality", data, .. options.Split('|'), "--format", "json"]);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Equal(code, result.Json().GetProperty("diagnostics")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Review_out_writes_the_flagged_rows_and_review_sets_fine_rows_aside()
    {
        var result = CliRunner.Run(Root, "quality", Holdout, "--label", "Status", "--reference", Train, "--review-out", directory.File("review"));
        Assert.True(result.ExitCode == 1, result.ToString());
        var line = JsonDocument.Parse(File.ReadAllLines(directory.File("review/review.jsonl")).Single()).RootElement;
        Assert.Equal("leakage", line.GetProperty("check").GetString());
        var decided = File.ReadAllText(directory.File("review/review.jsonl")).Replace("\"decision\":\"\",\"expires\":\"\"", "\"decision\":\"ok\",\"expires\":\"2999-12-31\"", StringComparison.Ordinal);
        var decisions = directory.Write("decisions.jsonl", decided);

        var reviewed = CliRunner.Run(Root, "quality", Holdout, "--label", "Status", "--reference", Train, "--review", decisions, "--format", "json");

        Assert.True(reviewed.ExitCode == 0, reviewed.ToString());
        Assert.Equal(1, reviewed.Json().GetProperty("quality").GetProperty("reviewed").GetInt32());
    }

    [Fact]
    public void Markdown_shows_the_findings_table()
    {
        var result = CliRunner.Run(Root, "quality", Holdout, "--label", "Status", "--reference", Train, "--format", "markdown");

        Assert.Contains("| leakage | MG2102 | error |  | 1 |", result.Stdout, StringComparison.Ordinal);
    }
}
