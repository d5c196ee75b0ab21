using ModelGates.Contracts;
using ModelGates.Data;
using ModelGates.Testing;

namespace ModelGates.Tests.Quality.Privacy;

/// <summary>docs/privacy.md: its sample data is what the generator makes, its contract is the shipped one, and it does what the page says.</summary>
public sealed class PrivacyDocumentationTests
{
    private static readonly string SamplePath = RepoPaths.Combine("samples", "data", "privacy", "applicants.csv");

    private static readonly string ContractPath = RepoPaths.Combine("samples", "contracts", "applicants.contract.json");

    [Fact]
    public void The_sample_data_is_the_generated_privacy_data() =>
        Assert.Equal(PrivacyDataFixture.Data.Csv, File.ReadAllText(SamplePath).ReplaceLineEndings("\n"));

    [Fact]
    public void The_page_shows_the_shipped_contract_and_its_command()
    {
        var page = File.ReadAllText(RepoPaths.Combine("docs", "privacy.md"));
        var json = MarkdownBlocks.Of(page, "json");
        Assert.Contains(File.ReadAllText(ContractPath).ReplaceLineEndings("\n"), json);
        Assert.Contains("modelgates validate samples/data/privacy/applicants.csv --contract samples/contracts/applicants.contract.json", string.Join("\n", MarkdownBlocks.Of(page, "bash")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_run_reports_the_documented_codes()
    {
        var page = File.ReadAllText(RepoPaths.Combine("docs", "privacy.md"));
        using var pipeline = new ModelGates.Inputs.InputPipeline();
        var result = ContractValidator.Validate(pipeline.Engine, ContractReader.Read(ContractPath), pipeline.ReadTable(new DatasetSource(SamplePath) { AllText = true }).Dataset, 0);

        var codes = result.Diagnostics.Select(d => $"{d.Code} {d.Column}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["MG2140 Email", "MG2141 Bsn", "MG2141 IpAddress", "MG2141 Phone", "MG2142 Card"], codes);
        var text = MarkdownBlocks.Of(page, "text");
        foreach (var d in result.Diagnostics)
        {
            Assert.Contains(text, t => t.Contains($"{d.Code} [{d.Column}]", StringComparison.Ordinal));
        }
    }
}
