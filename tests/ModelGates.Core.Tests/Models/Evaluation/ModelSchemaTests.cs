using System.Text.Json;
using Json.Schema;
using ModelGates.Testing;

namespace ModelGates.Tests.Models.Evaluation;

/// <summary>schema/modelgates.schema.json's model gate is exact: the sample conforms, misspellings do not.</summary>
public sealed class ModelSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(RepoPaths.Combine("schema", "modelgates.schema.json")));

    [Fact]
    public void Credit_risk_sample_config_conforms()
    {
        var result = Schema.Evaluate(JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("samples", "CreditRisk", "modelgates.json"))).RootElement);
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("\"slices\": [ { \"colum\": \"Home\" } ]")]
    [InlineData("\"slices\": [ { \"column\": \"Home\", \"metrics\": { \"auc\": { \"maxDrop\": 0.1 } } } ]")]
    [InlineData("\"bootstrap\": { \"resamples\": 5 }")]
    [InlineData("\"predictions\": \"p.csv\"")]
    public void Model_gate_mistakes_are_rejected(string extra)
    {
        var config = $$"""
            { "schemaVersion": 1, "models": { "m": { "model": "m.zip", "data": "d", "task": "binary", "label": "y", {{extra}} } } }
            """;
        Assert.False(Schema.Evaluate(JsonDocument.Parse(config).RootElement).IsValid);
    }
}
