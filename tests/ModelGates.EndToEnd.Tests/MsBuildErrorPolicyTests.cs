using ModelGates.Testing;

namespace ModelGates.EndToEnd.Tests;

/// <summary>
/// <c>ModelGatesErrorsAsWarnings</c>: a project lowers chosen MG errors to warnings (the compiler's NoWarn and
/// WarningsNotAsErrors only ever act on warnings), and the build passes when no error is left.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class MsBuildErrorPolicyTests(PackagesFixture packages)
{
    private const string Config = """
        {
          "schemaVersion": 1,
          "datasets": { "applications": { "path": "applications.csv" } },
          "contracts": { "applications": { "dataset": "applications", "contract": "credit.contract.json" } }
        }
        """;

    private const string After = """
          </PropertyGroup>
          <Target Name="ShowGates" AfterTargets="ModelGates">
            <Message Importance="high" Text="gates passed=$(ModelGatesPassed)" />
          </Target>
          <PropertyGroup>
        """;

    [Fact]
    public void Listed_errors_become_warnings_and_the_build_passes_once_none_is_left()
    {
        using var project = GatedProject.Create(packages, Config, After);
        project.CopyFromRepo("samples/data/broken/credit_corrupted.csv", "applications.csv");
        project.CopyFromRepo("samples/contracts/credit.contract.json");

        // The properties exactly as docs/msbuild.md shows them.
        File.WriteAllText(project.ProjectFile, File.ReadAllText(project.ProjectFile).Replace("</Project>", DocumentedWarningProperties() + "</Project>", StringComparison.Ordinal));
        var one = project.Build();
        Assert.True(one.ExitCode == 1, one.ToString());
        Assert.Contains("): warning MG2007: ", one.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error MG2007", one.Output, StringComparison.Ordinal);
        Assert.Contains("): error MG2006: ", one.Output, StringComparison.Ordinal);

        // TreatWarningsAsErrors does not raise them again: the project asked for these codes to warn.
        var all = project.Build("-p:ModelGatesErrorsAsWarnings=MG2001%3BMG2004%3BMG2005%3BMG2006%3BMG2007", "-p:TreatWarningsAsErrors=true");
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Contains("): warning MG2006: ", all.Output, StringComparison.Ordinal);
        Assert.Contains("): warning MG2001: ", all.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error MG", all.Output, StringComparison.Ordinal);
        Assert.Contains("gates passed=true", all.Output, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The <c>PropertyGroup</c> of docs/msbuild.md that sets <c>ModelGatesErrorsAsWarnings</c>.</summary>
    private static string DocumentedWarningProperties() =>
        Assert.Single(MarkdownBlocks.Of(File.ReadAllText(RepoPaths.Combine("docs", "msbuild.md")), "xml"), b => b.Contains("<ModelGatesErrorsAsWarnings>MG2007<", StringComparison.Ordinal));

    [Fact]
    public void An_engine_that_fails_without_reporting_why_is_an_MG0000_error_that_shows_its_output()
    {
        using var project = GatedProject.Create(packages, Config);
        project.CopyFromRepo("samples/data/credit_data.csv", "applications.csv");
        project.CopyFromRepo("samples/contracts/credit.contract.json");
        var missing = Path.Combine(project.Directory, "no-engine", "modelgates.dll");

        var build = project.Build($"-p:ModelGatesEngine={missing}");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error MG0000: The ModelGates engine exited with code", build.Output, StringComparison.Ordinal);
        Assert.Contains(missing, build.Output, StringComparison.Ordinal);
    }
}
