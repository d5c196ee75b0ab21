using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using ModelGates.Configuration.Options;
using ModelGates.Drift;
using ModelGates.Drift.Engine.Options;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation.Options;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Testing;

namespace ModelGates.Tests.Schemas;

/// <summary>
/// schema/modelgates.schema.json and the config reader agree: every object accepts exactly the keys the reader
/// accepts (ConfigKeys), the option keys have the types the option tables read, and the drift test and metric ids
/// editors complete are the registries'.
/// </summary>
public sealed class ConfigSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("schema", "modelgates.schema.json")))!;

    public static TheoryData<string> KeySets() => [.. ConfigKeys.All.Select(k => k.Name)];

    [Theory]
    [MemberData(nameof(KeySets))]
    public void Each_object_of_the_schema_lists_exactly_the_keys_the_reader_accepts(string name)
    {
        var set = ConfigKeys.All.Single(k => k.Name == name);
        var properties = At(set.SchemaPointer)["properties"]!.AsObject();
        var schemaKeys = properties.Select(p => p.Key).Where(k => k != "$schema").Order(StringComparer.Ordinal);

        Assert.Equal(set.Accepted.Order(StringComparer.Ordinal), schemaKeys);
        foreach (var (key, value) in properties)
        {
            // Editors strike out a deprecated key; the reader warns about it (MG0022).
            Assert.True(set.DeprecatedKeys.Contains(key) == (value?["deprecated"]?.GetValue<bool>() ?? false), $"{name}: '{key}'");
        }
    }

    [Fact]
    public void Every_closed_object_of_the_schema_has_the_reader_s_key_set()
    {
        var covered = ConfigKeys.All.Select(k => k.SchemaPointer).ToHashSet(StringComparer.Ordinal);
        var closed = ClosedObjects(Schema, string.Empty).ToList();

        Assert.True(closed.Count >= ConfigKeys.All.Count, string.Join(", ", closed));
        Assert.All(closed, pointer => Assert.True(covered.Contains(pointer), $"{pointer} has no ConfigKeys set"));
    }

    [Fact]
    public void The_schema_lists_the_drift_test_ids_of_the_registry()
    {
        var ids = At("/$defs/driftTest")["enum"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal([DriftOptions.AutoTest, .. DriftTestRegistry.All.Select(t => t.Id)], ids);
    }

    [Theory]
    [InlineData("/$defs/metrics", "#/$defs/bounds")]
    [InlineData("/$defs/sliceMetrics", "#/$defs/sliceBounds")]
    public void The_schema_lists_the_metric_ids_of_the_registry(string pointer, string bounds)
    {
        var metrics = At(pointer);
        var all = Enum.GetValues<ModelTask>().SelectMany(MetricRegistry.KnownIds).Distinct(StringComparer.Ordinal).ToList();

        Assert.Equal(all.Where(id => !MetricRegistry.IsPattern(id)), metrics["properties"]!.AsObject().Select(p => p.Key));
        Assert.All(metrics["properties"]!.AsObject(), p => Assert.Equal(bounds, p.Value!["$ref"]!.GetValue<string>()));

        // Each family (recall.<class>, lift@<fraction>, ...) is a pattern of its prefix; the reader checks the parameter.
        Assert.Equal(
            all.Where(MetricRegistry.IsPattern).Select(p => $"^{Regex.Escape(MetricRegistry.PatternPrefix(p))}.+$"),
            metrics["patternProperties"]!.AsObject().Select(p => p.Key));
        Assert.All(metrics["patternProperties"]!.AsObject(), p => Assert.Equal(bounds, p.Value!["$ref"]!.GetValue<string>()));
        Assert.False(metrics["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void Drift_options_have_the_schema_types_the_table_reads()
    {
        foreach (var option in DriftOptionTable.All)
        {
            if (option.ForComparison)
            {
                AssertType(At(ConfigKeys.DriftGate.SchemaPointer)["properties"]![option.Key]!, option.Type, option.Choices, option.Key);
            }

            if (option.ForColumn)
            {
                AssertType(At(ConfigKeys.DriftOverride.SchemaPointer)["properties"]![option.Key]!, option.Type, option.Choices, option.Key);
            }
        }
    }

    [Fact]
    public void Model_options_have_the_schema_types_the_table_reads()
    {
        foreach (var option in ModelOptionTable.All)
        {
            var set = option.Group is null ? ConfigKeys.ModelGate : ConfigKeys.Bootstrap;
            AssertType(At(set.SchemaPointer)["properties"]![option.Key]!, option.Type, [], option.Key);
        }
    }

    [Theory]
    [InlineData("modelgates.json")]
    [InlineData("modelgates.drifted.json")]
    public void The_sample_configs_conform_to_the_schema(string file)
    {
        AssertValid(File.ReadAllText(RepoPaths.Combine("samples", "CreditRisk", file)));
    }

    [Fact]
    public void A_config_with_every_option_conforms_and_a_misspelt_or_out_of_range_one_does_not()
    {
        const string Gate = """
            "test": "psi", "threshold": 0.2, "alpha": 0.01, "effectThreshold": 0.15, "decision": "lower-bound", "correction": "bh",
            "missingShareThreshold": 0.1, "minimumCount": 5, "datasetDriftShare": 0.25, "bootstrapReplicates": 300,
            "confidenceLevel": 0.9, "seed": 7, "columns": ["a"],
            "overrides": { "a": { "test": "ks", "threshold": 0.001, "alpha": 0.02, "effectThreshold": 0.3, "missingShareThreshold": 0.2, "weight": 2, "skip": false, "severity": "warning" } }
            """;
        const string Model = """
            "positiveClass": "bad", "decisionThreshold": 0.3, "minSliceRows": 50, "requireSignificantRegression": true,
            "baseline": "b.json", "metrics": { "auc": { "min": 0.7, "maxDrop": 0.01 }, "recall.bad": { "min": 0.5 } },
            "slices": [ { "column": "Home", "metrics": { "auc": { "min": 0.6 } } } ],
            "bootstrap": { "resamples": 200, "confidence": 0.9, "seed": 4 }
            """;

        AssertValid(Config(Gate, Model));
        AssertValid(Config("\"driftedShare\": 0.3, \"overrides\": { \"a\": { \"ignore\": true } }", "\"metrics\": {}"));
        Assert.False(Valid(Config("\"alpah\": 0.01", "\"metrics\": {}")));
        Assert.False(Valid(Config("\"test\": \"kss\"", "\"metrics\": {}")));
        Assert.False(Valid(Config("\"alpha\": 2", "\"metrics\": {}")));
        Assert.False(Valid(Config(string.Empty, "\"metrics\": { \"acu\": { \"min\": 0.8 } }")));
        Assert.False(Valid(Config(string.Empty, "\"bootstrap\": { \"resamples\": 5 }")));
    }

    private static string Config(string drift, string model) => $$"""
        {
          "schemaVersion": 1,
          "datasets": { "ref": { "path": "ref.csv" }, "cur": { "path": "cur.csv" } },
          "drift": { "g": { "reference": "ref", "current": "cur"{{(drift.Length > 0 ? ", " + drift : string.Empty)}} } },
          "models": { "m": { "predictions": "p.csv", "task": "binary", "label": "Status", "score": "p", {{model}} } }
        }
        """;

    private static bool Valid(string json) => SchemaFiles.Get("modelgates.schema.json").Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement).IsValid;

    private static void AssertValid(string json)
    {
        var result = SchemaFiles.Get("modelgates.schema.json").Evaluate(
            System.Text.Json.JsonDocument.Parse(json).RootElement,
            new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    private static void AssertType(JsonNode property, OptionType type, IReadOnlyList<string> choices, string key)
    {
        if (property["$ref"]?.GetValue<string>() == "#/$defs/driftTest")
        {
            Assert.True(key == "test", key);
            return;
        }

        if (type == OptionType.Choice)
        {
            Assert.Equal(choices, property["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
            return;
        }

        var declared = property["type"] switch
        {
            JsonArray many => many.Select(n => n!.GetValue<string>()).ToList(),
            { } one => [one.GetValue<string>()],
            null => [],
        };
        Assert.True(OptionValues.SchemaTypes(type).SequenceEqual(declared), $"{key}: {string.Join(",", declared)}");
    }

    /// <summary>The pointers of every object schema that lists its properties and allows no others.</summary>
    private static IEnumerable<string> ClosedObjects(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["properties"] is JsonObject && o["additionalProperties"] is JsonValue closed && !closed.GetValue<bool>()
                    && o["patternProperties"] is null)
                {
                    yield return pointer;
                }

                foreach (var (key, value) in o)
                {
                    foreach (var inner in ClosedObjects(value, $"{pointer}/{key}"))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var inner in ClosedObjects(a[i], $"{pointer}/{i}"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static JsonNode At(string pointer)
    {
        var node = Schema;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node[part] ?? throw new InvalidOperationException($"{pointer}: no '{part}'");
        }

        return node;
    }
}
