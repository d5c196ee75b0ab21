using System.Text.Json;
using Json.Schema;
using ModelGates.Contracts;
using ModelGates.Data;
using ModelGates.Profiles;
using ModelGates.Testing;

namespace ModelGates.Tests.Schemas;

/// <summary>The JSON Schemas under schema/ describe what the tool really reads and writes.</summary>
public sealed class JsonSchemaTests
{

    [Fact]
    public void Shipped_contract_conforms_to_the_contract_schema()
    {
        AssertValid("contract.schema.json", File.ReadAllText(RepoPaths.Combine("samples", "contracts", "credit.contract.json")));
    }

    [Fact]
    public void Inferred_contract_conforms_to_the_contract_schema()
    {
        using var engine = new DataEngine();
        var data = DatasetLoader.Load(engine, new DatasetSource(RepoPaths.Combine("samples", "data", "credit_data.csv")));
        var contract = ContractInference.Infer(engine, data, ProfileBuilder.Build(engine, data));

        AssertValid("contract.schema.json", System.Text.Encoding.UTF8.GetString(ContractJsonWriter.Write(contract)));
    }

    [Fact]
    public void Profile_conforms_to_the_profile_schema()
    {
        using var engine = new DataEngine();
        var data = DatasetLoader.Load(engine, new DatasetSource(RepoPaths.Combine("samples", "data", "credit_data.csv")));

        AssertValid("profile.schema.json", System.Text.Encoding.UTF8.GetString(ProfileJsonWriter.Write(ProfileBuilder.Build(engine, data))));
    }

    [Fact]
    public void Contract_schema_rejects_a_misspelled_key()
    {
        var result = Schema("contract.schema.json").Evaluate(JsonDocument.Parse("""{ "columns": { "a": { "maxMisingShare": 0.1 } } }""").RootElement);

        Assert.False(result.IsValid);
    }

    private static void AssertValid(string schemaFile, string json)
    {
        var result = Schema(schemaFile).Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    private static JsonSchema Schema(string file) => SchemaFiles.Get(file);
}
