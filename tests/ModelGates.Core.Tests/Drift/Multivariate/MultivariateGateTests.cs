using System.Text;
using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Reports;
using ModelGates.Reports.Html;
using ModelGates.Testing;

namespace ModelGates.Tests.Drift.Multivariate;

/// <summary>A drift gate runs the multivariate checks as checks of its own: a flag fails the gate even when no column drifted.</summary>
public sealed class MultivariateGateTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public MultivariateGateTests()
    {
        MultivariateData.Write(dir.File("reference.csv"), 2000, 0.8, 1);
        MultivariateData.Write(dir.File("current.csv"), 2000, -0.8, 2);
    }

    public void Dispose() => dir.Dispose();

    [Fact]
    public void A_flipped_correlation_fails_the_gate_at_its_multivariate_key_while_every_column_passes()
    {
        var report = Run("""
            {
              "reference": "ref", "current": "cur",
              "multivariate": "both"
            }
            """);

        Assert.All(report.Checks.Where(c => c.Column is not null), c => Assert.Equal(CheckStatus.Passed, c.Status));
        var classifier = report.Checks.Single(c => c.Id == "drift:g/domainClassifier");
        var reconstruction = report.Checks.Single(c => c.Id == "drift:g/reconstruction");
        Assert.Equal(CheckStatus.Failed, classifier.Status);
        Assert.Equal(CheckStatus.Failed, reconstruction.Status);
        Assert.Equal(("MG3020", 3), (classifier.Diagnostic!.Code, classifier.Diagnostic.Line));
        Assert.Equal(("MG3021", 3), (reconstruction.Diagnostic!.Code, reconstruction.Diagnostic.Line));
        Assert.False(report.Passed);
        var details = Assert.IsType<DriftGateDetails>(report.Gates.Single().Details);
        Assert.Equal(["domainClassifier", "reconstruction"], details.DatasetChecks.Select(c => c.Name));
    }

    [Fact]
    public void The_gate_s_severity_applies_and_off_turns_the_checks_off()
    {
        var warned = Run("""{ "reference": "ref", "current": "cur", "severity": "warning" }""");
        var off = Run("""{ "reference": "ref", "current": "cur", "multivariate": "off" }""");

        Assert.Equal(CheckStatus.Warned, warned.Checks.Single(c => c.Id == "drift:g/domainClassifier").Status);
        Assert.True(warned.Passed);
        Assert.DoesNotContain(off.Checks, c => c.Id.EndsWith("/domainClassifier", StringComparison.Ordinal));
        Assert.True(off.Passed);
    }

    [Fact]
    public void The_result_and_the_html_report_carry_the_checks_and_read_back_to_the_same_bytes()
    {
        var report = Run("""{ "reference": "ref", "current": "cur" }""");

        var json = Encoding.UTF8.GetString(GateReportJson.Write(report));
        var again = GateReportJson.Read(json, GateReportFiles.JsonName);
        var html = HtmlReportWriter.Render(report);

        Assert.Contains("\"datasetChecks\"", json, StringComparison.Ordinal);
        Assert.Equal(json, Encoding.UTF8.GetString(GateReportJson.Write(again)));
        Assert.Equal(html, HtmlReportWriter.Render(again));
        Assert.Contains("Dataset checks (multivariate)", html, StringComparison.Ordinal);
        Assert.Contains("domainClassifier (auc)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_multivariate_value_is_reported_at_its_line()
    {
        var path = Config("""
            {
              "reference": "ref", "current": "cur",
              "multivariate": "sometimes",
              "domainClassifierAuc": 0.3
            }
            """);

        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));

        Assert.Contains(error.Diagnostics, d => d.Line == 3 && d.Message.Contains("multivariate", StringComparison.Ordinal));
        Assert.Contains(error.Diagnostics, d => d.Code == "MG0034" && d.Line == 4 && d.Message.Contains("'domainClassifierAuc'", StringComparison.Ordinal));
    }

    private GateReport Run(string gate) => GateRunner.Run(GatesConfigReader.Read(Config(gate)), new GateRunOptions());

    // The gate starts on line 1 (everything before it is on that line), so its keys' lines are those of its own text.
    private string Config(string gate) => dir.Write(
        "modelgates.json",
        "{ \"schemaVersion\": 1, \"datasets\": { \"ref\": { \"path\": \"reference.csv\" }, \"cur\": { \"path\": \"current.csv\" } }, \"drift\": { \"g\": " + gate + " } }\n");
}
