using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Testing;

namespace ModelGates.Tests.Quality;

/// <summary>Quality gates in modelgates.json, as <c>modelgates check</c> (and so <c>dotnet build</c>) runs them.</summary>
public sealed class QualityGateTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private readonly TempDirectory directory = new();

    public QualityGateTests()
    {
        var holdout = InjectedCredit.Holdout();
        holdout.Append(holdout.Line(5));
        holdout.Append(holdout.Flipped(12));
        holdout.Write(directory, "holdout.csv");
        InjectedCredit.Train().Write(directory, "train.csv");
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_quality_gate_reports_each_check_and_fails_on_an_error_finding_at_the_gate()
    {
        var report = Run(Config("""{ "conflictingLabels": { "severity": "error" } }"""));

        var gate = Assert.Single(report.Gates, g => g.Kind == "quality");
        Assert.False(gate.Passed);
        var conflicts = gate.Checks.Single(c => c.Id == "quality:integrity/conflictingLabels/Status");
        Assert.Equal(CheckStatus.Failed, conflicts.Status);
        Assert.Equal(("MG2101", 5), (conflicts.Diagnostic!.Code, conflicts.Diagnostic.Line));
        Assert.Equal(CheckStatus.Warned, gate.Checks.Single(c => c.Id == "quality:integrity/duplicates").Status);
        Assert.Equal(CheckStatus.Passed, gate.Checks.Single(c => c.Id == "quality:integrity/singleValue").Status);
        Assert.Contains(report.Inputs, i => i.Role == "dataset holdout");
        Assert.Contains(report.Inputs, i => i.Role == "dataset train");
    }

    [Fact]
    public void A_waiver_accepts_a_failing_quality_check_like_any_other()
    {
        var config = Config("""{ "conflictingLabels": { "severity": "error" }, "leakage": { "maxShare": 0.005 } }""", """, "waivers": [ { "check": "quality:integrity/conflictingLabels/*", "reason": "relabelling in progress", "expires": "2026-12-31" } ]""");

        var gate = Assert.Single(Run(config).Gates, g => g.Kind == "quality");

        Assert.True(gate.Passed);
        Assert.Equal(CheckStatus.Waived, gate.Checks.Single(c => c.Id == "quality:integrity/conflictingLabels/Status").Status);
    }

    [Fact]
    public void A_warning_gate_never_fails_the_run()
    {
        var gate = Assert.Single(Run(Config("""{ "conflictingLabels": { "severity": "error" } }""", severity: "warning")).Gates, g => g.Kind == "quality");

        Assert.True(gate.Passed);
    }

    [Fact]
    public void An_unknown_check_in_the_config_is_MG0185_at_its_line_with_a_suggestion()
    {
        var e = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(Config("""{ "duplicate": { "severity": "error" } }""")));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(("MG0185", 7), (d.Code, d.Line));
        Assert.Contains("Did you mean 'duplicates'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_of_a_quality_gate_is_MG0012()
    {
        var path = directory.Write("bad.json", """
            { "schemaVersion": 1, "datasets": { "holdout": { "path": "holdout.csv" } },
              "quality": { "q": { "data": "holdout", "lable": "Status" } } }
            """);

        var e = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));

        Assert.Equal("MG0012", e.Diagnostics[0].Code);
    }

    [Fact]
    public void The_samples_quality_gate_passes_with_its_known_overlap_as_info()
    {
        var report = GateRunner.Run(GatesConfigReader.Read(RepoPaths.Combine("samples", "CreditRisk", "modelgates.json")), new GateRunOptions { Today = Today });

        var gate = Assert.Single(report.Gates, g => g.Kind == "quality");
        Assert.True(gate.Passed);
        Assert.Equal(Severity.Info, gate.Checks.Single(c => c.Id == "quality:holdout integrity/leakage").Diagnostic!.Severity);
    }

    private string Config(string checks, string extra = "", string severity = "error") => directory.Write("modelgates.json", $$"""
        {
          "schemaVersion": 1,
          "datasets": { "holdout": { "path": "holdout.csv" }, "train": { "path": "train.csv" } },
          "quality": {
            "integrity": {
              "data": "holdout", "reference": "train", "label": "Status", "severity": "{{severity}}",
              "checks": {{checks}}
            }
          }{{extra}}
        }
        """);

    private static GateReport Run(string config) => GateRunner.Run(GatesConfigReader.Read(config), new GateRunOptions { Today = Today });
}
