using ModelGates.Contracts;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Testing;

namespace ModelGates.Tests.Quality.Privacy;

/// <summary>The contract keys <c>pii</c> and <c>sensitive</c> over the credit sample with personal-data columns (real CSV, real DuckDB).</summary>
public sealed class ContractPrivacyTests
{
    [Fact]
    public void Undeclared_personal_data_columns_warn_and_decoys_do_not()
    {
        var result = Validate("""{ "allowUnexpectedColumns": true, "columns": { "Status": {} } }""");

        var warned = result.Diagnostics.Where(d => d.Code == "MG2141").ToList();
        Assert.Equal(PrivacyData.PiiColumns.Order(StringComparer.Ordinal), warned.Select(d => d.Column!).Order(StringComparer.Ordinal));
        Assert.All(warned, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Equal("HealthCondition", Assert.Single(result.Diagnostics, d => d.Code == "MG2143").Column);
        Assert.DoesNotContain(result.Diagnostics, d => PrivacyData.DecoyColumns.Contains(d.Column));
        Assert.True(result.Passed);
    }

    [Fact]
    public void Forbidden_fails_with_MG2140_at_the_pii_key_and_masked_examples()
    {
        var result = Validate("""
            { "allowUnexpectedColumns": true, "columns": {
                "Email": { "pii": "forbidden" },
                "CaseNumber": { "pii": "forbidden" }
            } }
            """);

        var failure = Assert.Single(result.Diagnostics, d => d.Code == "MG2140");
        Assert.Equal(("Email", Severity.Error, 2), (failure.Column, failure.Severity, failure.Line));
        Assert.Equal(ValidationContext.ExampleLimit, failure.Examples.Count);
        Assert.All(failure.Examples, e => Assert.Matches(@"^[a-z]\*\*\*@\*\*\*\*\.com$", e.Value!));
        Assert.Equal((1L, (long?)2), (failure.Examples[0].Row, failure.Examples[0].Line));
        Assert.Contains("email in 827 of 827 sampled value(s)", failure.Message, StringComparison.Ordinal);
        Assert.Contains(result.Checks, c => c.Id == "CaseNumber/pii" && c.Status == Checks.CheckStatus.Passed);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Forbidden_fails_for_a_column_declared_sensitive()
    {
        var result = Validate("""{ "allowUnexpectedColumns": true, "columns": { "Home": { "pii": "forbidden", "sensitive": true } } }""");
        Assert.Contains("declared \"sensitive\"", Assert.Single(result.Diagnostics, d => d.Code == "MG2140").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Masked_fails_on_unmasked_values_and_allowed_passes()
    {
        var result = Validate("""
            { "allowUnexpectedColumns": true, "columns": {
                "Card": { "pii": "masked" },
                "Iban": { "pii": "allowed" },
                "HealthCondition": { "sensitive": true }
            } }
            """);

        var failure = Assert.Single(result.Diagnostics, d => d.Code == "MG2142");
        Assert.Equal("Card", failure.Column);
        Assert.All(failure.Examples, e => Assert.Matches(@"^\*\*\*\* \*\*\*\* \*\*\*\* \d{4}$", e.Value!));
        Assert.Contains(result.Checks, c => c.Id == "Iban/pii" && c.Status == Checks.CheckStatus.Passed);
        Assert.DoesNotContain(result.Diagnostics, d => d.Column is "Iban" or "HealthCondition");
    }

    [Fact]
    public void Rule_violations_of_personal_data_columns_show_masked_examples_only()
    {
        var data = PrivacyDataFixture.Data;
        var result = Validate("""
            { "allowUnexpectedColumns": true, "uniqueKeys": [["Status", "Email"]], "columns": {
                "Email": { "pii": "allowed", "allowedValues": ["nobody@example.org"], "maxLength": 5 },
                "Card": { "pii": "allowed", "type": "integer", "pattern": "^5.*" },
                "Phone": { "pii": "allowed", "type": "number" },
                "HealthCondition": { "sensitive": true, "allowedValues": [] },
                "Bsn": { "maxLength": 3 }
            } }
            """);

        var rendered = string.Join("\n", result.Diagnostics.Select(d => d.Message + " " + string.Join(" ", d.Examples.Select(e => e.Value))));
        Assert.Contains(result.Diagnostics, d => d.Code == "MG2007" && d.Column == "Email");
        Assert.Contains(result.Diagnostics, d => d.Code == "MG2008" && d.Column == "Card");
        Assert.Contains(result.Diagnostics, d => d.Code == "MG2009" && d.Column == "Bsn");
        Assert.Contains("'***'", rendered, StringComparison.Ordinal);
        Assert.Empty(data.LeaksIn(rendered));
    }

    [Fact]
    public void The_keys_round_trip_through_the_writer_and_reject_unknown_values()
    {
        using var dir = new TempDirectory();
        var contract = ContractReader.Read(dir.Write("c.json", """{ "columns": { "Email": { "pii": "masked", "sensitive": true } } }"""));
        Assert.Equal((PiiPolicy.Masked, true), (contract.Columns[0].Pii, contract.Columns[0].Sensitive));
        var written = System.Text.Encoding.UTF8.GetString(ContractJsonWriter.Write(contract));
        Assert.Contains("\"pii\": \"masked\"", written, StringComparison.Ordinal);
        Assert.Contains("\"sensitive\": true", written, StringComparison.Ordinal);

        var error = Assert.Throws<ConfigurationException>(() => ContractReader.Read(dir.Write("bad.json", """{ "columns": { "Email": { "pii": "forbiden" } } }""")));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("MG0015", diagnostic.Code);
        Assert.Contains("Did you mean 'forbidden'?", diagnostic.Message, StringComparison.Ordinal);
    }

    private static ValidationResult Validate(string contractJson)
    {
        using var dir = new TempDirectory();
        var data = dir.Write("data.csv", PrivacyDataFixture.Data.Csv);
        var contract = ContractReader.Read(dir.Write("contract.json", contractJson));
        using var pipeline = new ModelGates.Inputs.InputPipeline();
        return ContractValidator.Validate(pipeline.Engine, contract, pipeline.ReadTable(new DatasetSource(data) { AllText = true }).Dataset, 0);
    }
}
