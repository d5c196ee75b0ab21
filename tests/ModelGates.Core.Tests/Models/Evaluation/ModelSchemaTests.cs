using System.Text.Json;
using Json.Schema;
using ModelGates.Testing;

namespace ModelGates.Tests.Models.Evaluation;

/// <summary>schema/modelgates.schema.json's model gate is exact: the sample conforms, misspellings do not.</summary>
public sealed class ModelSchemaTests
{
    private static JsonSchema Schema => Tests.Schemas.SchemaFiles.Get("modelgates.schema.json");

    [Fact]
    public void Credit_risk_sample_config_conforms()
    {
        foreach (var config in new[] { "modelgates.json", "modelgates.drifted.json" })
        {
            var result = Schema.Evaluate(JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("samples", "CreditRisk", config))).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }
    }

    [Theory]
    [InlineData("\"slices\": [ { \"colum\": \"Home\" } ]")]
    [InlineData("\"slices\": [ { \"column\": \"Home\", \"metrics\": { \"auc\": { \"maxDrop\": 0.1 } } } ]")]
    [InlineData("\"bootstrap\": { \"resamples\": 5 }")]
    [InlineData("\"predictions\": \"p.csv\"")]
    [InlineData("\"lineage\": { \"trainingdata\": [\"train\"] }")]
    [InlineData("\"lineage\": { \"requireSeed\": \"yes\" }")]
    [InlineData("\"lineage\": { \"trainingData\": [] }")]
    public void Model_gate_mistakes_are_rejected(string extra)
    {
        var config = $$"""
            { "schemaVersion": 1, "models": { "m": { "model": "m.zip", "data": "d", "task": "binary", "label": "y", {{extra}} } } }
            """;
        Assert.False(Schema.Evaluate(JsonDocument.Parse(config).RootElement).IsValid);
    }
}
