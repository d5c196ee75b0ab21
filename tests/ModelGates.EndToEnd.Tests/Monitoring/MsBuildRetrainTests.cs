namespace ModelGates.EndToEnd.Tests.Monitoring;

/// <summary>
/// A real <c>dotnet build</c> of a project with a monitor: the build task sets <c>ModelGatesRetrainDue</c> from the
/// engine's diagnostics file (also on an incremental build that skips the gates), and the opt-in
/// <c>ModelGatesRetrain</c> target runs the training project only with <c>-p:ModelGatesAllowRetrain=true</c>.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class MsBuildRetrainTests(PackagesFixture packages)
{
    /// <summary>Three weeks of the sample's shifted production data: every week breaches, so retraining is due (at warning: the build passes).</summary>
    private const string Config = """
        {
          "schemaVersion": 1,
          "datasets": {
            "reference": { "path": "reference.csv" },
            "production": { "path": "batches/*.csv" }
          },
          "drift": {
            "weekly": { "reference": "reference", "current": "production", "datasetDriftShare": 0.25, "severity": "off" }
          },
          "monitors": {
            "scoring": {
              "reference": "reference",
              "data": "production",
              "timestamp": "decided_at",
              "window": "7d",
              "score": "p_bad",
              "label": "Status",
              "drift": "weekly",
              "minRows": 100,
              "trigger": { "breaches": 2, "of": 3, "severity": "warning" }
            }
          }
        }
        """;

    private const string After = """
            <ModelGatesRetrainProject>Trainer/Trainer.csproj</ModelGatesRetrainProject>
          </PropertyGroup>
          <Target Name="ShowRetrain" AfterTargets="ModelGates">
            <Message Importance="high" Text="gates passed=$(ModelGatesPassed) retrain=$(ModelGatesRetrainDue)" />
          </Target>
          <PropertyGroup>
        """;

    [Fact]
    public void The_build_sets_ModelGatesRetrainDue_and_retrains_only_when_allowed()
    {
        using var project = GatedProject.Create(packages, Config, After);
        project.CopyFromRepo("samples/CreditRisk/production/reference.csv");
        Directory.CreateDirectory(Path.Combine(project.Directory, "batches"));
        foreach (var week in new[] { "2026-09-21", "2026-09-28", "2026-10-05" })
        {
            project.CopyFromRepo($"samples/CreditRisk/production/batches/{week}.csv", Path.Combine("batches", week + ".csv"));
        }

        // The training project: a console program that leaves a file behind, so the test sees that it ran.
        var trainer = Path.Combine(project.Directory, "Trainer");
        Directory.CreateDirectory(trainer);
        File.WriteAllText(Path.Combine(trainer, "Trainer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(trainer, "Program.cs"), "System.IO.File.WriteAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, \"..\", \"..\", \"..\", \"..\", \"retrained.txt\"), \"yes\");\n");
        File.WriteAllText(Path.Combine(project.Directory, "Directory.Build.props"), "<Project><PropertyGroup><DefaultItemExcludes>$(DefaultItemExcludes);Trainer/**</DefaultItemExcludes></PropertyGroup></Project>\n");
        var retrained = Path.Combine(project.Directory, "retrained.txt");

        var build = project.Build();
        var incremental = project.Build();
        var ranBefore = File.Exists(retrained);
        var allowed = project.Build("-p:ModelGatesAllowRetrain=true");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning MG6001", build.Stdout, StringComparison.Ordinal);
        Assert.Contains("gates passed=true retrain=true", build.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.True(incremental.ExitCode == 0, incremental.ToString());
        Assert.DoesNotContain("MG6001", incremental.Stdout, StringComparison.Ordinal);
        Assert.Contains("gates passed=true retrain=true", incremental.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.False(ranBefore, "the training project never runs by default");
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Contains("retraining is due; running Trainer/Trainer.csproj", allowed.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(retrained), "the training project ran only with ModelGatesAllowRetrain=true");
    }
}
