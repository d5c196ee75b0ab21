using System.Text.Json;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests.Quality;

/// <summary>
/// The detectors of the privacy, label-error and outlier folders as checks of <c>modelgates quality</c>: personal
/// data by default (masked in every finding), label errors and outliers when asked for.
/// </summary>
public sealed class QualityDetectorsTests : IDisposable
{
    private static readonly string Train = RepoPaths.Combine("samples", "CreditRisk", "data", "train.csv");
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Personal_data_columns_are_pii_findings_with_masked_values_and_decoys_are_not()
    {
        var privacy = PrivacyData.Build();
        var data = directory.Write("applicants.csv", privacy.Csv);

        var result = CliRunner.Run(directory.Path, "quality", data, "--format", "json");

        var findings = result.Json().GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("check").GetString() == "pii").ToList();
        var columns = findings.Where(f => f.GetProperty("code").GetString() == "MG2141").Select(f => f.GetProperty("column").GetString()!).ToList();
        Assert.Equal(PrivacyData.PiiColumns.Order(StringComparer.Ordinal), columns.Order(StringComparer.Ordinal));
        Assert.Contains(findings, f => f.GetProperty("code").GetString() == "MG2143" && f.GetProperty("column").GetString() == "HealthCondition");
        Assert.All(findings.Where(f => f.GetProperty("code").GetString() == "MG2141"), f => Assert.Equal("warning", f.GetProperty("severity").GetString()));
        Assert.Empty(privacy.LeaksIn(result.Stdout + result.Stderr));
    }

    [Fact]
    public void The_review_files_of_flagged_rows_mask_every_personal_column()
    {
        var privacy = PrivacyData.Build();
        var data = directory.Write("applicants.csv", privacy.Csv);
        var folder = directory.File("review");

        var result = CliRunner.Run(directory.Path, "quality", data, "--review-out", folder);

        var jsonl = File.ReadAllText(Path.Combine(folder, "review.jsonl"));
        var csv = File.ReadAllText(Path.Combine(folder, "review.csv"));
        Assert.Contains("\"pii\"", jsonl, StringComparison.Ordinal);
        Assert.Contains("***", jsonl, StringComparison.Ordinal);
        Assert.Empty(privacy.LeaksIn(jsonl + csv + result.Stdout + result.Stderr));
    }

    [Fact]
    public void Label_errors_and_outliers_run_only_when_asked_and_then_rank_rows()
    {
        var plain = CliRunner.Run(directory.Path, "quality", Train, "--label", "Status", "--format", "json");
        var asked = CliRunner.Run(directory.Path, "quality", Train, "--label", "Status", "--checks", "labelErrors,outliers", "--format", "json");

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.DoesNotContain(plain.Json().GetProperty("findings").EnumerateArray(), f => f.GetProperty("check").GetString() is "labelErrors" or "outliers");
        Assert.True(asked.ExitCode == 0, asked.ToString());
        var findings = asked.Json().GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("check").GetString()!);
        Assert.Equal(("MG2150", "warning"), (findings["labelErrors"].GetProperty("code").GetString(), findings["labelErrors"].GetProperty("severity").GetString()));
        Assert.Equal(("MG2151", "warning"), (findings["outliers"].GetProperty("code").GetString(), findings["outliers"].GetProperty("severity").GetString()));
        foreach (var check in new[] { "labelErrors", "outliers" })
        {
            var scores = findings[check].GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("score").GetDouble()).ToList();
            Assert.NotEmpty(scores);
            Assert.Equal(scores.OrderDescending(), scores);
        }
    }
}
