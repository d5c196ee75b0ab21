using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Options;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Testing;

namespace ModelGates.Tests.Models.Importance;

/// <summary>A drift gate weighed by a model gate's importances: a drifted important column tips the dataset rule.</summary>
public sealed class ImportanceWeightedDriftTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public ImportanceWeightedDriftTests()
    {
        ImportanceModels.Binary(directory.File("model.zip"), ImportanceModels.Rows(800, seed: 3));
        ImportanceModels.WriteCsv(directory.File("holdout.csv"), ImportanceModels.Rows(600, seed: 4));

        // Today's rows: the same world, but the column the model relies on most has moved.
        var current = ImportanceModels.Rows(600, seed: 5);
        foreach (var row in current)
        {
            row.Strong += 1.5f;
        }

        ImportanceModels.WriteCsv(directory.File("current.csv"), current);
    }

    private string Config(string weights, string modelGate = "risk") => directory.Write("modelgates.json", $$"""
        {
          "schemaVersion": 1,
          "datasets": { "holdout": { "path": "holdout.csv" }, "current": { "path": "current.csv" } },
          "drift": {
            "today": {
              "reference": "holdout",
              "current": "current",
              "severity": "warning"{{weights}}
            }
          },
          "models": {
            "{{modelGate}}": {
              "model": "model.zip", "data": "holdout", "task": "binary", "label": "Outcome", "positiveClass": "yes",
              "bootstrap": { "resamples": 50 },
              "importance": { "repeats": 3, "resamples": 60 }
            }
          }
        }
        """);

    [Fact]
    public void A_drifted_important_column_fails_the_dataset_rule_where_the_unweighted_rule_passes()
    {
        var unweighted = GateRunner.Run(GatesConfigReader.Read(Config(string.Empty)), new GateRunOptions());
        var plainDrift = unweighted.Gates.Single(g => g.Kind == "drift");
        Assert.Equal(CheckStatus.Warned, plainDrift.Checks.Single(c => c.Id == "drift:today/Strong").Status);
        var plainDataset = plainDrift.Checks.Single(c => c.Id == "drift:today/dataset");
        Assert.Equal(CheckStatus.Passed, plainDataset.Status);
        Assert.Equal(0.2, plainDataset.Measured!.Value.Number!.Value, 12);

        var weighted = GateRunner.Run(GatesConfigReader.Read(Config(",\n      \"weights\": \"importance:risk\"")), new GateRunOptions());
        var drift = weighted.Gates.Single(g => g.Kind == "drift");
        var dataset = drift.Checks.Single(c => c.Id == "drift:today/dataset");
        Assert.NotEqual(CheckStatus.Passed, dataset.Status);
        Assert.Equal("MG3002", dataset.Diagnostic!.Code);
        Assert.True(dataset.Measured!.Value.Number > 0.5, $"weighted drifted share {dataset.Measured}");
        Assert.Contains(drift.Facts, f => f.Key == "weights" && f.Value == "importance of model gate 'risk'");
    }

    [Fact]
    public void Weights_are_clamped_normalised_and_floored()
    {
        var weights = ImportanceWeights.FromImportances(new Dictionary<string, double> { ["a"] = 0.3, ["b"] = 0.1, ["c"] = -0.01, ["d"] = 0.0 });
        Assert.Equal(0.75, weights["a"], 12);
        Assert.Equal(0.25, weights["b"], 12);
        Assert.Equal(ImportanceWeights.Floor, weights["c"]);
        Assert.Equal(ImportanceWeights.Floor, weights["d"]);

        var options = ImportanceWeights.Apply(
            DriftOptions.Default with { Overrides = new Dictionary<string, ColumnDriftOverride> { ["b"] = new() { Weight = 3 } } },
            weights);
        Assert.Equal(0.75, options.For("a").Weight, 12);
        Assert.Equal(3, options.For("b").Weight);
        Assert.Equal(ImportanceWeights.Floor, options.For("not read by the model").Weight);
    }

    [Theory]
    [InlineData("importance:rsik", "risk", "MG0202", "Did you mean 'risk'?")]
    [InlineData("shap:risk", "risk", "MG0015", "importance:<model gate>")]
    public void Weights_naming_no_importance_are_config_errors(string weights, string modelGate, string code, string text)
    {
        var path = Config($",\n      \"weights\": \"{weights}\"", modelGate);
        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));
        Assert.Equal(code, error.Diagnostics[0].Code);
        Assert.Contains(text, error.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("\"weights\"", File.ReadAllLines(path)[error.Diagnostics[0].Line!.Value - 1], StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();
}
