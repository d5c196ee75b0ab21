using ModelGates.Contracts;
using ModelGates.Diagnostics;

namespace ModelGates.Tests.Contracts;

public sealed class ContractReaderTests
{
    [Fact]
    public void Reports_every_problem_in_one_pass_with_positions()
    {
        const string text = """
            {
              "columns": {
                "a": { "type": "integr", "min": 5, "max": 1 },
                "b": { "maxMissingShare": 2, "uniqe": true }
              },
              "checks": [ { "name": "x" } ]
            }
            """;

        var error = Assert.Throws<ConfigurationException>(() => ContractReader.Parse(text, "c.json"));

        var lines = error.Diagnostics.Select(d => (d.Code, d.Line)).ToList();
        Assert.Contains(("MG0015", 3), lines);
        Assert.Contains(("MG0012", 4), lines);
        Assert.Contains(("MG0015", 6), lines);
        Assert.Equal(5, error.Diagnostics.Count);
        Assert.All(error.Diagnostics, d => Assert.Equal("c.json", d.File));
    }

    [Fact]
    public void Reads_every_documented_key()
    {
        const string text = """
            {
              "$schema": "../schema/contract.schema.json",
              "schemaVersion": 1,
              "description": "all keys",
              "rows": { "min": 1, "max": 10 },
              "allowUnexpectedColumns": true,
              "maxUnparsedRows": 3,
              "read": { "format": "csv", "delimiter": ";", "header": true, "quote": "\"", "escape": "\\", "nullStrings": ["NA"], "encoding": "utf-8", "skip": 0 },
              "columns": {
                "a": { "type": "date", "format": "%d/%m/%Y", "required": false, "maxMissingShare": 0.5, "min": 0, "max": 1,
                       "allowedValues": ["x"], "maxUnknownShare": 0.1, "pattern": ".*", "minLength": 1, "maxLength": 9,
                       "unique": true, "severity": "warning", "description": "d" }
              },
              "uniqueKeys": [["a"]],
              "checks": [ { "name": "n", "row": "true", "severity": "info", "description": "d" } ]
            }
            """;

        var contract = ContractReader.Parse(text, "c.json");

        var a = contract.Columns.Single();
        Assert.Equal(ModelGates.Contracts.ValueType.Date, a.Type);
        Assert.Equal("%d/%m/%Y", a.Format);
        Assert.False(a.Required);
        Assert.Equal(Severity.Warning, a.Severity);
        Assert.Equal(3, contract.MaxUnparsedRows);
        Assert.Equal(";", contract.Read.Delimiter);
        Assert.Equal(["NA"], contract.Read.NullStrings);
        Assert.Equal(10, contract.MaxRows);
        Assert.Equal(Severity.Info, contract.Checks.Single().Severity);
    }
}
