using ModelGates.Contracts;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Testing;

namespace ModelGates.Tests.Contracts;

public sealed class ContractValidatorTests
{
    private const string Data = """
        id,age,city,code,amount,price,joined
        1,34,Oslo,AB-1,100,150,2024-01-05
        2,41,Lima,AB-2,200,180,2024-02-30
        3,,Oslo,xx,50,80,2024-03-01
        3,17,Pune,AB-4,60.5,90,2024-03-02
        5,29,Atlantis,AB-5,abc,100,2024-03-03
        """;

    [Fact]
    public void Passing_rules_give_no_diagnostics()
    {
        var result = Validate("""
            { "columns": {
                "id": { "type": "integer" },
                "age": { "type": "integer", "maxMissingShare": 0.25, "min": 0 },
                "city": { "allowedValues": ["Oslo", "Lima", "Pune", "Atlantis"] },
                "code": { "minLength": 2, "maxLength": 4 },
                "amount": {}, "price": { "type": "number", "min": 0 }, "joined": {}
            } }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Each_rule_reports_its_code_measured_value_bound_and_examples()
    {
        var result = Validate("""
            { "columns": {
                "id": { "type": "integer", "unique": true },
                "age": { "type": "integer", "maxMissingShare": 0.1, "min": 18 },
                "city": { "allowedValues": ["Oslo", "Lima", "Pune"] },
                "code": { "pattern": "AB-[0-9]", "maxLength": 3 },
                "amount": { "type": "integer", "max": 150 },
                "price": { "type": "number" },
                "joined": { "type": "date" }
            } }
            """);

        var byKey = result.Diagnostics.ToDictionary(d => (d.Code, d.Column, d.Check));
        Assert.Equal(1.0, byKey[("MG2010", "id", "unique")].Measured!.Value.Number);
        Assert.Equal([3L, 4L], byKey[("MG2010", "id", "unique")].Examples.Select(e => e.Row));

        var missing = byKey[("MG2005", "age", "maxMissingShare")];
        Assert.Equal(0.2, missing.Measured!.Value.Number);
        Assert.Equal(0.1, missing.Bound!.Value.Number);
        Assert.Equal(3, missing.Examples.Single().Row);

        var young = byKey[("MG2006", "age", "min")];
        Assert.Equal(17, young.Measured!.Value.Number);
        Assert.Equal("17", young.Examples.Single().Value);
        Assert.Equal(5, young.Examples.Single().Line);

        var city = byKey[("MG2007", "city", "allowedValues")];
        Assert.Contains("'Atlantis' (1)", city.Message, StringComparison.Ordinal);

        Assert.Equal("xx", byKey[("MG2008", "code", "pattern")].Examples.Single().Value);
        Assert.Equal(4, byKey[("MG2009", "code", "maxLength")].Measured!.Value.Number);

        var amountType = byKey[("MG2004", "amount", "type")];
        Assert.Equal(2, amountType.Measured!.Value.Number);
        Assert.Equal(["60.5", "abc"], amountType.Examples.Select(e => e.Value));
        Assert.Equal(200, byKey[("MG2006", "amount", "max")].Measured!.Value.Number);

        Assert.Equal("2024-02-30", byKey[("MG2004", "joined", "type")].Examples.Single().Value);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Diagnostics_point_at_the_line_of_the_rule()
    {
        var result = Validate("{\n  \"columns\": {\n    \"age\": {\n      \"type\": \"integer\",\n      \"min\": 18\n    }\n  },\n  \"allowUnexpectedColumns\": true\n}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(5, diagnostic.Line);
        Assert.Equal(7, diagnostic.SourceColumn);
        Assert.Equal("contract.json", Path.GetFileName(diagnostic.File));
    }

    [Fact]
    public void Missing_and_unexpected_columns_are_reported()
    {
        var result = Validate("""{ "columns": { "id": {}, "agee": {}, "ghost": { "required": false } } }""");

        var missing = Assert.Single(result.Diagnostics, d => d.Code == "MG2002");
        Assert.Equal("agee", missing.Column);
        Assert.Contains("'age'", missing.Message, StringComparison.Ordinal);
        Assert.Equal(6, result.Diagnostics.Count(d => d.Code == "MG2003"));
    }

    [Fact]
    public void Row_and_aggregate_sql_checks_run_on_typed_columns()
    {
        var result = Validate("""
            { "allowUnexpectedColumns": true,
              "columns": { "amount": { "type": "number" } },
              "checks": [
                { "name": "amount within price", "row": "amount <= price" },
                { "name": "enough rows", "sql": "count(*) >= 10", "severity": "warning" },
                { "name": "ages are adults on average", "sql": "avg(age) > 18" }
              ] }
            """);

        var row = Assert.Single(result.Diagnostics, d => d.Check == "amount within price");
        Assert.Equal("MG2012", row.Code);
        Assert.Equal(1, row.Measured!.Value.Number);
        Assert.Equal(2, row.Examples.Single().Row);
        var aggregate = Assert.Single(result.Diagnostics, d => d.Check == "enough rows");
        Assert.Equal(Severity.Warning, aggregate.Severity);
        Assert.DoesNotContain(result.Diagnostics, d => d.Check == "ages are adults on average");
    }

    [Fact]
    public void Unique_keys_and_row_bounds_are_checked_exactly()
    {
        var result = Validate("""
            { "allowUnexpectedColumns": true, "rows": { "min": 10 },
              "uniqueKeys": [["id"], ["id", "code"]] }
            """);

        var key = Assert.Single(result.Diagnostics, d => d.Code == "MG2010");
        Assert.Equal("id", key.Column);
        Assert.Equal([3L, 4L], key.Examples.Select(e => e.Row));
        Assert.Single(result.Diagnostics, d => d.Code == "MG2011");
    }

    [Fact]
    public void Column_severity_applies_to_its_rules()
    {
        var result = Validate("""{ "allowUnexpectedColumns": true, "columns": { "age": { "min": 18, "severity": "warning" } } }""");

        Assert.Equal(Severity.Warning, Assert.Single(result.Diagnostics).Severity);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Invalid_sql_is_a_configuration_error_before_any_check()
    {
        var error = Assert.Throws<ConfigurationException>(() => Validate("""{ "allowUnexpectedColumns": true, "checks": [{ "name": "x", "sql": "count(*) filter (where nope > 1) = 0" }] }"""));

        Assert.Equal("MG0017", error.Diagnostics.Single().Code);
    }

    private static ValidationResult Validate(string contractJson)
    {
        using var dir = new TempDirectory();
        var data = dir.Write("data.csv", Data + "\n");
        var contractPath = dir.Write("contract.json", contractJson);
        var contract = ContractReader.Read(contractPath);
        using var pipeline = new ModelGates.Inputs.InputPipeline();
        return ContractValidator.Validate(pipeline.Engine, contract, pipeline.ReadTable(new DatasetSource(data) { AllText = true }).Dataset, 0);
    }
}
