using ModelGates.Checks;
using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Testing;
using ModelGates.Tests.Models.Evaluation;

namespace ModelGates.Tests.Models.Segments;

/// <summary>
/// Weak segments of a model gate on seeded ML.NET models: a region whose labels are noise is found and named, a clean
/// holdout reports none, config errors are MG0xxx at their line.
/// </summary>
public sealed class WeakSegmentGateTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_region_with_random_labels_is_found_named_and_fails_the_gate_at_the_line_of_weakSegments()
    {
        TrainedModels.Binary(directory.File("model.zip"), TrainedModels.Rows(1500, seed: 1));
        var random = new Random(7);
        var holdout = TrainedModels.Rows(3000, seed: 2).Select(r => r.Color == "blue" && r.X1 > 0.5 ? CopyWith(r, random.NextDouble() < 0.5 ? "yes" : "no") : r).ToList();
        TrainedModels.WriteCsv(directory.File("holdout.csv"), holdout);
        var path = Config("binary", "Outcome", """
                  "weakSegments": { "maxDrop": 0.05, "severity": "error", "columns": ["X1", "X2", "Color", "Flag"] }
            """, positiveClass: "yes");

        var report = GateRunner.Run(GatesConfigReader.Read(path), new GateRunOptions());

        var gate = Assert.Single(report.Gates);
        var check = gate.Checks.Single(c => c.Id == "model:gate/weakSegments");
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Equal("MG4060", check.Diagnostic!.Code);
        Assert.Contains("\"weakSegments\"", File.ReadAllLines(path)[check.Diagnostic.Line!.Value - 1], StringComparison.Ordinal);
        var weak = ((ModelGateDetails)gate.Details!).WeakSegments!;
        Assert.Equal("logLoss", weak.Metric);
        Assert.InRange(weak.Tested, 2, 6);
        var region = weak.Segments.Where(s => s.Description.Contains("Color = blue", StringComparison.Ordinal) && s.Description.Contains("X1 > ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(region);
        var found = region[0];
        var inRegion = holdout.Count(r => r.Color == "blue" && r.X1 > 0.5);
        Assert.InRange(found.Rows, inRegion / 2, inRegion * 1.25);
        Assert.True(found.AdjustedPValue < 0.001, found.ToString());
        Assert.True(found.Drop > 0.05, found.ToString());
        Assert.Contains(found.Description, check.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void A_clean_holdout_reports_no_weak_segment(int seed)
    {
        TrainedModels.Regression(directory.File("model.zip"), TrainedModels.Rows(1500, seed: 1));
        TrainedModels.WriteCsv(directory.File("holdout.csv"), TrainedModels.Rows(2000, seed));
        var path = Config("regression", "Target", $$"""
                  "bootstrap": { "seed": {{seed}} },
                  "weakSegments": { "columns": ["X1", "X2", "Color", "Flag"] }
            """);

        var report = GateRunner.Run(GatesConfigReader.Read(path), new GateRunOptions());

        var gate = Assert.Single(report.Gates);
        var check = gate.Checks.Single(c => c.Id == "model:gate/weakSegments");
        var weak = ((ModelGateDetails)gate.Details!).WeakSegments!;
        Assert.True(check.Status == CheckStatus.Passed, string.Join("; ", weak.Segments));
        Assert.Empty(weak.Segments);
        Assert.Equal("rmse", weak.Metric);
        Assert.Equal(50, weak.MinRows);
        Assert.True(weak.Tested > 0);
    }

    [Theory]
    [InlineData("\"weakSegments\": { \"alpha\": 2 }", "MG0015", "'alpha' of 'weakSegments' must be between 0 and 1")]
    [InlineData("\"weakSegments\": { \"minRow\": 100 }", "MG0012", "minRows")]
    [InlineData("\"weakSegments\": { \"metric\": \"aucc\" }", "MG0015", "Did you mean 'auc'?")]
    [InlineData("\"weakSegments\": { \"maxDepth\": 5 }", "MG0015", "'maxDepth' of 'weakSegments' must be 1, 2 or 3")]
    public void A_wrong_weakSegments_setting_is_a_usage_error_at_its_line(string setting, string code, string message)
    {
        TrainedModels.WriteCsv(directory.File("holdout.csv"), TrainedModels.Rows(10, 1));
        File.WriteAllText(directory.File("model.zip"), "not read");
        var path = Config("binary", "Outcome", "      " + setting, positiveClass: "yes");

        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));

        var diagnostic = Assert.Single(error.Diagnostics, d => d.Code == code);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("\"weakSegments\"", File.ReadAllLines(path)[diagnostic.Line!.Value - 1], StringComparison.Ordinal);
    }

    private static TrainedModels.Row CopyWith(TrainedModels.Row r, string outcome) => new()
    {
        X1 = r.X1,
        X2 = r.X2,
        Color = r.Color,
        Flag = r.Flag,
        Outcome = outcome,
        Species = r.Species,
        Target = r.Target,
    };

    private string Config(string task, string label, string gate, string? positiveClass = null) => directory.Write("modelgates.json", $$"""
        {
          "datasets": { "holdout": { "path": "holdout.csv" } },
          "models": {
            "gate": {
              "model": "model.zip", "data": "holdout", "task": "{{task}}", "label": "{{label}}",{{(positiveClass is null ? string.Empty : $" \"positiveClass\": \"{positiveClass}\",")}}
        {{gate}}
            }
          }
        }
        """);
}
