using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring.Promotion;

/// <summary>
/// A folder with a modelgates.json whose model gate 'credit-risk' scores a copy of the champion on the sample holdout,
/// with a contract and a drift gate over the holdout, a baseline and a lock file written by accept, and the promotion
/// rule settings of the truth table (auc, margin 0.06, slice margin 0.2; auc ≥ 0.7, recall ≥ 0.2).
/// </summary>
internal sealed class PromotionWorkspace : IDisposable
{
    private readonly TempDirectory directory = new();

    public PromotionWorkspace(CreditModels models, string promotion = """{ "metric": "auc", "margin": 0.06, "sliceMargin": 0.2 }""")
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Folder, "model"));
        File.Copy(models.Champion, Model);

        // A copy: accepting below rewrites the drift gate's reference, which must never be the repository's sample.
        var reference = System.IO.Path.Combine(Folder, "train.profile.json");
        File.Copy(RepoPaths.Combine("samples", "CreditRisk", "reference", "train.profile.json"), reference);
        File.WriteAllText(Config, $$"""
            {
              "schemaVersion": 1,
              "lock": "modelgates.lock.json",
              "datasets": { "holdout": { "path": "{{Json(CreditModels.Holdout)}}" } },
              "contracts": { "applications": { "dataset": "holdout", "contract": "{{Json(RepoPaths.Combine("samples", "contracts", "credit.contract.json"))}}" } },
              "drift": {
                "holdout vs training": {
                  "reference": "{{Json(reference)}}",
                  "current": "holdout",
                  "overrides": { "Status": { "skip": true } }
                }
              },
              "models": {
                "credit-risk": {
                  "model": "model/credit-risk.zip",
                  "data": "holdout",
                  "task": "binary",
                  "label": "Status",
                  "positiveClass": "bad",
                  "baseline": "baselines/credit-risk.baseline.json",
                  "bootstrap": { "resamples": 400 },
                  "metrics": { "auc": { "min": 0.7 }, "recall": { "min": 0.2 } },
                  "slices": [ { "column": "Home" } ],
                  "promotion": {{promotion}}
                }
              }
            }
            """);
        BaselineAcceptor.Accept(GatesConfigReader.Read(Config), null);
    }

    public string Folder => directory.Path;

    public string Config => System.IO.Path.Combine(Folder, "modelgates.json");

    public string Model => System.IO.Path.Combine(Folder, "model", "credit-risk.zip");

    public string Baseline => System.IO.Path.Combine(Folder, "baselines", "credit-risk.baseline.json");

    public string Lock => System.IO.Path.Combine(Folder, "modelgates.lock.json");

    public string History => System.IO.Path.Combine(Folder, ".modelgates", "history.duckdb");

    /// <summary>Every file of the workspace with its bytes, by relative path.</summary>
    public SortedDictionary<string, byte[]> Snapshot() =>
        new(Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).ToDictionary(f => System.IO.Path.GetRelativePath(Folder, f), File.ReadAllBytes), StringComparer.Ordinal);

    public void Dispose() => directory.Dispose();

    private static string Json(string path) => path.Replace('\\', '/');
}
