using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring.Promotion;

/// <summary>The <c>promotion</c> section of a model gate: read, checked at its line, and what the command line overrides.</summary>
public sealed class PromotionSettingsTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void The_section_is_read_with_its_position()
    {
        var gate = Gate("""{ "metric": "logLoss", "margin": 0.01, "sliceMargin": 0.05, "description": "release rule" }""");

        var promotion = gate.Promotion!;
        Assert.Equal("logLoss", promotion.Metric);
        Assert.Equal(0.01, promotion.Margin);
        Assert.Equal(0.05, promotion.SliceMargin);
        Assert.Equal(14, promotion.Position.Line);
    }

    [Fact]
    public void Without_the_section_or_its_keys_the_defaults_apply()
    {
        Assert.Null(Gate(null).Promotion);
        var empty = Gate("{}").Promotion!;
        Assert.Null(empty.Metric);
        Assert.Equal(0.0, empty.Margin);
        Assert.Null(empty.SliceMargin);
    }

    [Theory]
    [InlineData("""{ "metric": "acu" }""", "MG0015", "Did you mean 'auc'?")]
    [InlineData("""{ "metric": "rmse" }""", "MG0015", "'rmse' is not a binary metric")]
    [InlineData("""{ "margin": -0.01 }""", "MG0015", "must be ≥ 0")]
    [InlineData("""{ "margin": "small" }""", "MG0013", "'margin'")]
    [InlineData("""{ "margn": 0.01 }""", "MG0012", "margin")]
    [InlineData("""[ 0.01 ]""", "MG0013", "'promotion'")]
    public void A_wrong_section_is_a_configuration_error_at_its_line(string section, string code, string message)
    {
        var e = Assert.Throws<ConfigurationException>(() => Gate(section));

        var diagnostic = Assert.Single(e.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, e.ExitCode);
        Assert.InRange(diagnostic.Line!.Value, 14, 15);
    }

    public void Dispose() => directory.Dispose();

    private ModelGate Gate(string? promotion)
    {
        var model = RepoPaths.Combine("samples", "CreditRisk", "model", "credit-risk.zip").Replace('\\', '/');
        var holdout = RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv").Replace('\\', '/');
        var section = promotion is null ? string.Empty : $",\n      \"promotion\": {promotion}";
        var path = directory.Write("modelgates.json", $$"""
            {
              "schemaVersion": 1,
              "datasets": { "holdout": { "path": "{{holdout}}" } },
              "models": {
                "credit-risk": {
                  "model": "{{model}}",
                  "data": "holdout",
                  "task": "binary",
                  "label": "Status",
                  "positiveClass": "bad",
                  "metrics": {
                    "auc": { "min": 0.7 }
                  }{{section}}
                }
              }
            }
            """);
        return Assert.Single(GatesConfigReader.Read(path).Models);
    }
}
