using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Testing;

namespace ModelGates.Tests.Gates;

/// <summary>
/// Waivers in modelgates.json: a waived failure is reported as waived and does not fail the run; an expired
/// waiver fails the check again with MG0040 at the waiver; a waiver that matches no failure is MG0041.
/// </summary>
public sealed class WaiverTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private readonly TempDirectory directory = new();

    public WaiverTests()
    {
        directory.Write("data.csv", "x,y\n5,a\n12,b\n7,a\n");
        directory.Write("c.json", """{ "schemaVersion": 1, "columns": { "x": { "type": "integer", "max": 10 }, "y": { "type": "string", "allowedValues": ["a", "b"] } } }""");
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Without_a_waiver_the_failing_rule_fails_the_run()
    {
        var report = Run(Config());

        var check = report.Checks.Single(c => c.Id == "contract:c/x/max");
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Equal("MG2006", check.Diagnostic!.Code);
        Assert.False(report.Passed);
    }

    [Fact]
    public void A_waived_failure_is_reported_as_waived_with_its_reason_and_the_run_passes()
    {
        var report = Run(Config(Waiver("contract:c/x/max", "2026-12-31")));

        var check = report.Checks.Single(c => c.Id == "contract:c/x/max");
        Assert.Equal(CheckStatus.Waived, check.Status);
        Assert.Equal("MG0042", check.Diagnostic!.Code);
        Assert.Equal(Severity.Info, check.Diagnostic.Severity);
        Assert.Contains("Waived until 2026-12-31 (ticket 123)", check.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("[MG2006]", check.Diagnostic.Message, StringComparison.Ordinal);
        Assert.True(report.Passed);
    }

    [Fact]
    public void A_waiver_holds_on_its_expiry_day_and_fails_again_the_day_after_with_MG0040_at_the_waiver()
    {
        var path = Config(Waiver("contract:c/x/max", "2026-11-27"));

        Assert.True(Run(path).Passed);

        var expired = Run(path, Today.AddDays(1));
        Assert.False(expired.Passed);
        Assert.Equal(CheckStatus.Failed, expired.Checks.Single(c => c.Id == "contract:c/x/max").Status);
        var diagnostic = Assert.Single(expired.Diagnostics, d => d.Code == "MG0040");
        Assert.True(diagnostic.IsError);
        Assert.Contains("expired on 2026-11-27", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(path, diagnostic.File);
        Assert.Contains("\"check\": \"contract:c/x/max\"", File.ReadAllLines(path)[diagnostic.Line!.Value - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_waiver_that_matches_no_failure_is_MG0041_at_its_line_and_does_not_fail_the_run()
    {
        var path = Config(Waiver("contract:c/y/allowedValues", "2026-12-31"));

        var report = Run(path);

        var diagnostic = Assert.Single(report.Diagnostics, d => d.Code == "MG0041");
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Contains("'contract:c/y/allowedValues' matches no failing check", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("contract:c/y/allowedValues", File.ReadAllLines(path)[diagnostic.Line!.Value - 1], StringComparison.Ordinal);
        Assert.False(report.Passed, "the unwaived max rule still fails");
    }

    [Fact]
    public void A_prefix_waiver_ending_in_a_star_covers_every_failing_check_under_it()
    {
        directory.Write("data.csv", "x,y\n5,a\n12,z\n7,a\n");

        var report = Run(Config(Waiver("contract:c/*", "2026-12-31")));

        Assert.Equal(2, report.Checks.Count(c => c.Status == CheckStatus.Waived));
        Assert.DoesNotContain(report.Checks, c => c.Status == CheckStatus.Failed);
        Assert.DoesNotContain(report.Diagnostics, d => d.Code == "MG0041");
        Assert.True(report.Passed);
    }

    [Theory]
    [InlineData("""{ "check": "contract:c/x/max", "reason": " ", "expires": "2026-12-31" }""", "reason")]
    [InlineData("""{ "check": "contract:c/x/max", "reason": "ticket", "expires": "31.12.2026" }""", "yyyy-MM-dd")]
    [InlineData("""{ "check": "contract:c/x/max", "expires": "2026-12-31" }""", "reason")]
    [InlineData("""{ "check": "contract:c/x/max", "reason": "ticket", "expires": "2026-12-31", "owner": "me" }""", "owner")]
    public void A_malformed_waiver_is_a_configuration_error_at_its_line(string waiver, string named)
    {
        var path = Config(waiver);

        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));

        var diagnostic = error.Diagnostics[0];
        Assert.StartsWith("MG00", diagnostic.Code, StringComparison.Ordinal);
        Assert.Contains(named, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("contract:c/x/max", File.ReadAllLines(path)[diagnostic.Line!.Value - 1], StringComparison.Ordinal);
    }

    private static string Waiver(string check, string expires) =>
        $$"""{ "check": "{{check}}", "reason": "ticket 123", "expires": "{{expires}}" }""";

    private string Config(string? waiver = null) => directory.Write("modelgates.json", $$"""
        {
          "schemaVersion": 1,
          "datasets": { "d": { "path": "data.csv" } },
          "contracts": { "c": { "dataset": "d", "contract": "c.json" } },
          "waivers": [
            {{waiver}}
          ]
        }
        """);

    private static GateReport Run(string path, DateOnly? today = null) =>
        GateRunner.Run(GatesConfigReader.Read(path), new GateRunOptions { Today = today ?? Today });
}
