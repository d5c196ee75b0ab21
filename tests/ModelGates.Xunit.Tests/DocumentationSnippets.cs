// Every ```csharp block of docs/xunit.md is a piece of this file (DocumentationTests checks it), so every snippet
// compiles and its tests run with this project. The sample (samples/CreditRisk, samples/contracts) is copied to
// the output folder as CreditRisk/ and contracts/ by the project file, as a user's test project would hold it.
using System.Globalization;
using ModelGates.Drift.Engine.Options;
using ModelGates.Sources;
using ModelGates.Xunit;
using Xunit.Abstractions;

namespace ModelGates.Xunit.Tests.Docs;

public sealed class Gates
{
    [Theory, ModelGatesData("CreditRisk/modelgates.json")]
    public void Gate(GateCase check) => check.Verify();
}

public sealed class DataTests
{
    [Fact]
    public void Applications_satisfy_the_contract() =>
        DataAssert.Satisfies("CreditRisk/data/scoring.csv", "contracts/credit.contract.json");

    [Fact]
    public void Holdout_has_not_drifted_from_training() =>
        DriftAssert.NoDrift("CreditRisk/reference/train.profile.json", "CreditRisk/data/holdout.csv");
}

public sealed class DriftSettingsTests
{
    [Fact]
    public void Holdout_has_not_drifted_under_the_gate_s_settings() =>
        DriftAssert.NoDrift("CreditRisk/reference/train.profile.json", "CreditRisk/data/holdout.csv", new DriftOptions
        {
            Alpha = 0.01,              // "alpha" in modelgates.json, --alpha on the command line
            DatasetDriftShare = 0.25,  // "datasetDriftShare", --dataset-drift-share
            Overrides = new Dictionary<string, ColumnDriftOverride>
            {
                ["Income"] = new() { Threshold = 0.2 },  // "overrides": { "Income": { "threshold": 0.2 } }, --column-threshold Income=0.2
            },
        });
}

public static class WarehouseAssertions
{
    // MODELGATES_WAREHOUSE holds the connection string, e.g. Host=db;Username=ci;Password=...;Database=scoring
    private static ConnectionSet Warehouse => ConnectionSet.FromCommandLine(["warehouse=postgres:env:MODELGATES_WAREHOUSE"], null, null);

    public static void Adult_applications_have_not_drifted_from_all_applications() =>
        DriftAssert.NoDriftInDatabase("table:warehouse.public.applications", "sql:warehouse:select * from public.applications where \"Age\" >= 18", Warehouse);
}

public sealed class ModelQualityTests
{
    private static readonly EvaluationData Holdout =
        EvaluationData.Binary("CreditRisk/data/holdout.csv", label: "Status", positiveClass: "bad");

    [Fact]
    public void Model_meets_its_floors() =>
        ModelAssert.Meets("CreditRisk/model/credit-risk.zip", Holdout, "auc >= 0.78", "logLoss <= 0.55", "recall >= 0.5");

    [Fact]
    public void Retrained_model_does_not_regress() =>
        ModelAssert.NoRegression(
            "CreditRisk/model/credit-risk.zip",
            "CreditRisk/model/champion.zip",
            Holdout with { RequireSignificantRegression = true },
            RegressionAllowance.Drop("auc", 0.01),
            RegressionAllowance.RelativeDrop("logLoss", 0.05));
}

public sealed class CreditRiskModel() : ModelFixture(
    "CreditRisk/model/credit-risk.zip",
    EvaluationData.Binary("CreditRisk/data/holdout.csv", label: "Status", positiveClass: "bad"));

public sealed class CreditRiskBehaviour : IClassFixture<CreditRiskModel>
{
    private readonly CreditRiskModel model;

    public CreditRiskBehaviour(CreditRiskModel model, ITestOutputHelper output)
    {
        this.model = model;
        model.WriteTo(output);
    }

    [Fact]
    public void Meets_its_floors() => ModelAssert.Meets(model, "auc >= 0.78");

    [Fact]
    public void Marital_status_barely_matters() =>
        Behaviour.Invariance(model, "Marital", Perturbation.Set("single"), tolerance: 0.2);

    [Fact]
    public void More_income_does_not_raise_the_risk() =>
        Behaviour.Directional(model, "Income", Perturbation.Multiply(1.5), Expect.NotIncrease, tolerance: 0.05);

    [Fact]
    public void Obvious_cases() =>
        Behaviour.MinimumFunctionality(
            model,
            [
                BehaviourCase.Class("no income, no assets, a big loan", new { Income = 0, Assets = 0, Amount = 4000, Records = "yes" }, "bad"),
                BehaviourCase.Range("settled owner, small loan", new { Seniority = 20, Home = "owner", Income = 250, Assets = 20000, Amount = 400 }, max: 0.3),
            ],
            template: model.Rows[0]);
}

public sealed class MetricSnapshots
{
    private static readonly EvaluationData Holdout =
        EvaluationData.Binary("CreditRisk/data/holdout.csv", label: "Status", positiveClass: "bad");

    [Fact]
    public void Holdout_metrics()
    {
        var result = ModelAssert.Meets("CreditRisk/model/credit-risk.zip", Holdout, "auc >= 0.78");
        var metrics = result.Metrics
            .Where(m => m.Estimate.Value is not null)
            .ToDictionary(m => m.MetricId, m => m.Estimate.Value!.Value);

        Snapshot.Match(metrics, SnapshotTolerance.AbsoluteOf(0.005).For("auc", absolute: 0.002));
    }

    [Fact]
    public void Holdout_summary()
    {
        var result = ModelAssert.Meets("CreditRisk/model/credit-risk.zip", Holdout, "auc >= 0.78");
        var lines = result.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.MetricId}: {m.Estimate.Value:0.000}"));

        TextSnapshot.Match(string.Join("\n", lines), "txt");
    }
}
