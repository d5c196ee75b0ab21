using System.Text.Json;
using System.Text.Json.Nodes;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Testing;

namespace ModelGates.Tests.Reports;

/// <summary>
/// One real run over the CreditRisk sample's files whose report holds every kind of gate and every status a
/// result can carry: contracts (failed with example rows, waived, warned, passed), drift against a profile and
/// against a raw dataset (drifted columns with distributions) and on too few rows (insufficient), a binary model
/// with a baseline, slices and a gated gap, and its lineage. The baseline is the sample's with AUC and recall
/// raised, so that with <c>requireSignificantRegression</c> its change thresholds hold every verdict: AUC's
/// <c>maxDrop</c> a significant regression, its <c>maxRelativeDrop</c> within the allowance, recall's <c>maxDrop</c>
/// beyond the allowance but not significant.
/// </summary>
public sealed class EveryGateKindReport : IDisposable
{
    private const string Config = """
        {
          "schemaVersion": 1,
          "datasets": {
            "train": { "path": "data/train.csv" },
            "holdout": { "path": "data/holdout.csv" },
            "scoring": { "path": "data/scoring.csv" },
            "drifted": { "path": "data/drifted.csv" },
            "few": { "path": "data/few.csv" },
            "small": { "path": "data/small.csv" }
          },
          "contracts": {
            "applications": { "dataset": "scoring", "contract": "contracts/credit.contract.json" },
            "small": { "dataset": "small", "contract": "contracts/small.contract.json" }
          },
          "drift": {
            "against the profile": { "reference": "reference/train.profile.json", "current": "scoring", "overrides": { "Status": { "ignore": true } } },
            "against the training data": { "reference": "train", "current": "drifted" },
            "few rows": { "reference": "train", "current": "few", "severity": "warning" }
          },
          "models": {
            "credit-risk": {
              "model": "model/credit-risk.zip",
              "data": "holdout",
              "task": "binary",
              "label": "Status",
              "positiveClass": "bad",
              "baseline": "baselines/credit-risk.baseline.json",
              "requireSignificantRegression": true,
              "bootstrap": { "resamples": 100 },
              "metrics": { "auc": { "min": 0.78, "maxDrop": 0.02, "maxRelativeDrop": 0.5 }, "recall": { "min": 0.5, "maxDrop": 0.02 } },
              "slices": [ { "column": "Home", "metrics": { "auc": { "min": 0.7 }, "recall": { "maxGap": 0.3 } } } ],
              "weakSegments": { "maxDrop": 0.1 },
              "lineage": { "trainingData": ["train"] }
            }
          },
          "waivers": [
            { "check": "contract:small/y/allowedValues", "reason": "ticket 7", "expires": "2099-12-31" }
          ]
        }
        """;

    private readonly TempDirectory directory = new();

    public EveryGateKindReport()
    {
        var sample = RepoPaths.Combine("samples", "CreditRisk");
        foreach (var file in new[] { "data/train.csv", "data/holdout.csv", "data/scoring.csv", "model/credit-risk.zip", "reference/train.profile.json" })
        {
            Copy(Path.Combine(sample, file), file);
        }

        var baseline = JsonNode.Parse(File.ReadAllText(Path.Combine(sample, "baselines", "credit-risk.baseline.json")))!;
        Raise(baseline, "auc", 0.1);
        Raise(baseline, "recall", 0.03);
        directory.Write("baselines/credit-risk.baseline.json", baseline.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        Copy(RepoPaths.Combine("samples", "contracts", "credit.contract.json"), "contracts/credit.contract.json");
        Copy(RepoPaths.Combine("samples", "data", "drifted", "credit_drifted.csv"), "data/drifted.csv");
        directory.Write("data/few.csv", string.Join('\n', File.ReadLines(Path.Combine(sample, "data", "scoring.csv")).Take(4)) + "\n");
        directory.Write("data/small.csv", "x,y,z\n5,a,1\n12,b,-2\n7,a,3\n");
        directory.Write("contracts/small.contract.json", """
            { "schemaVersion": 1, "columns": {
              "x": { "type": "integer", "max": 10 },
              "y": { "type": "string", "allowedValues": ["a"] },
              "z": { "type": "integer", "min": 0, "severity": "warning" } } }
            """);
        ConfigFile = directory.Write("modelgates.json", Config);
        Report = GateRunner.Run(
            GatesConfigReader.Read(ConfigFile),
            new GateRunOptions { Time = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero), Today = new DateOnly(2026, 11, 1), ToolVersion = "0.1.0" });
    }

    /// <summary>The config the run read.</summary>
    public string ConfigFile { get; }

    /// <summary>The run's report, as the run made it (absolute paths).</summary>
    public GateReport Report { get; }

    public void Dispose() => directory.Dispose();

    private static void Raise(JsonNode baseline, string metric, double by)
    {
        var value = baseline["metrics"]![metric]!["value"]!;
        value.ReplaceWith(value.GetValue<double>() + by);
    }

    private void Copy(string from, string to)
    {
        var target = directory.File(to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(from, target);
    }
}
