using System.Text.Json;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>Commands read data through the one input pipeline: the same answers for the same bytes, whatever the command or the file's name.</summary>
public sealed class InputCommandTests : IDisposable
{
    private static readonly string Sample = RepoPaths.Combine("samples", "data", "credit_data.csv");
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void A_record_with_an_unterminated_quote_stops_profile_with_MG2001_at_its_line_and_writes_nothing()
    {
        var data = UnterminatedQuote();
        var output = dir.File("p.json");

        var result = CliRunner.Run(dir.Path, "profile", data, "-o", output);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error MG2001", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.Contains("line 51", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Within_the_tolerance_the_profile_keeps_amount_numeric_and_says_what_it_left_out()
    {
        var output = dir.File("p.json");

        var result = CliRunner.Run(dir.Path, "profile", UnterminatedQuote(), "-o", output, "--max-unparsed-rows", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning MG2013", result.Stderr, StringComparison.Ordinal);
        using var profile = JsonDocument.Parse(File.ReadAllBytes(output));
        var amount = profile.RootElement.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Amount");
        Assert.Equal("numeric", amount.GetProperty("kind").GetString());
        Assert.Equal(118, profile.RootElement.GetProperty("rows").GetInt64());
    }

    [Fact]
    public void Drift_reads_a_json_lines_reference_as_data_and_a_profile_by_its_content_whatever_its_name()
    {
        var header = File.ReadLines(Sample).First().Split(',');
        var jsonLines = dir.Write("reference.json", string.Concat(File.ReadLines(Sample).Skip(1).Take(2000).Select(line =>
            "{" + string.Join(", ", header.Zip(line.Split(',')).Select(p => $"\"{p.First}\": {Value(p.Second)}")) + "}\n")));
        var profile = dir.File("reference.profile");
        Assert.Equal(0, CliRunner.Run(dir.Path, "profile", Sample, "-o", profile).ExitCode);

        var fromData = CliRunner.Run(dir.Path, "drift", "--reference", jsonLines, "--current", Sample, "--format", "json").Json();
        var fromProfile = CliRunner.Run(dir.Path, "drift", "--reference", profile, "--current", Sample, "--format", "json").Json();

        Assert.False(fromData.GetProperty("reference").GetProperty("profile").GetBoolean());
        Assert.Equal(2000, fromData.GetProperty("reference").GetProperty("rows").GetInt64());
        Assert.True(fromProfile.GetProperty("reference").GetProperty("profile").GetBoolean());
        Assert.True(fromProfile.GetProperty("passed").GetBoolean());
    }

    /// <summary>The first 119 records of the credit sample with an unterminated quote in Amount at line 51.</summary>
    private string UnterminatedQuote()
    {
        var lines = File.ReadLines(Sample).Take(120).ToList();
        var cells = lines[50].Split(',');
        cells[12] = "\"" + cells[12];
        lines[50] = string.Join(',', cells);
        return dir.Write("quote.csv", string.Join("\n", lines) + "\n");
    }

    private static string Value(string cell) => cell switch
    {
        "" => "null",
        "yes" => "true",
        "no" => "false",
        _ when double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _) => cell,
        _ => $"\"{cell}\"",
    };
}
