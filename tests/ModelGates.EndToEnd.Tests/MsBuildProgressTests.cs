namespace ModelGates.EndToEnd.Tests;

/// <summary>
/// A build that runs gates says where it is: the engine's progress lines (one per gate and phase) reach the
/// build log with high importance, so a CI log at the default verbosity shows them while the gates run.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class MsBuildProgressTests(PackagesFixture packages)
{
    private const string Config = """
        {
          "schemaVersion": 1,
          "datasets": {
            "training": { "path": "training.csv" },
            "scoring": { "path": "scoring.csv" }
          },
          "drift": {
            "scoring vs training": { "reference": "training", "current": "scoring", "severity": "warning" }
          }
        }
        """;

    private const string After = """
          </PropertyGroup>
          <Target Name="ShowGates" AfterTargets="ModelGates">
            <Message Importance="high" Text="gates passed=$(ModelGatesPassed) drift=$(ModelGatesDriftDetected)" />
          </Target>
          <PropertyGroup>
        """;

    [Fact]
    public void Progress_lines_and_drift_warnings_show_at_the_default_verbosity_and_drift_is_detected()
    {
        using var project = GatedProject.Create(packages, Config, After);
        project.CopyFromRepo("samples/data/credit_data.csv", "training.csv");
        project.CopyFromRepo("samples/data/drifted/credit_drifted.csv", "scoring.csv");

        var build = project.BuildWithDefaultVerbosity();

        Assert.True(build.ExitCode == 0, build.ToString());
        var progress = build.Stdout.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("ModelGates [", StringComparison.Ordinal)).ToList();
        Assert.Contains(progress, l => l.Contains("s] drift 'scoring vs training': ", StringComparison.Ordinal));
        Assert.Contains("warning MG3001", build.Stdout, StringComparison.Ordinal);
        Assert.Contains("gates passed=true drift=true", build.Stdout, StringComparison.OrdinalIgnoreCase);
        var progressAt = build.Stdout.IndexOf("ModelGates [", StringComparison.Ordinal);
        Assert.True(progressAt < build.Stdout.IndexOf("warning MG3001", StringComparison.Ordinal), "progress comes while the gates run, before their findings");
    }
}
