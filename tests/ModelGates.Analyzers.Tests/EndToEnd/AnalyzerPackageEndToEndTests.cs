using ModelGates.Testing;

namespace ModelGates.Analyzers.Tests.EndToEnd;

/// <summary>
/// Packs ModelGates.Analyzers into a temporary feed, builds a small ML.NET training project that references
/// it with the SDK's own compiler, and checks the MG10xx diagnostics appear (so the analyzer loads: no
/// CS8032) and fail the build under TreatWarningsAsErrors, and that the info rule (MG1003) runs when an error
/// log or .editorconfig asks for it. Needs Microsoft.ML 5.0.1 from the usual feed
/// (already in the global packages folder after this test project's restore).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class AnalyzerPackageEndToEndTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    // A unique version: the global packages folder can never hand back a stale copy of the analyzer.
    private readonly string _version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "modelgates-e2e-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void TrainingProject_ShowsTheWarnings_AndFailsWithWarningsAsErrors()
    {
        var feed = Path.Combine(_root, "feed");
        var project = Path.Combine(_root, "Training");
        Directory.CreateDirectory(project);

        var pack = DotnetProcess.Run(RepoPaths.Root, Timeout, "pack", RepoPaths.Combine("src", "Analyzers", "ModelGates.Analyzers.csproj"),
            "-c", "Release", "-o", feed, "-p:Version=" + _version, "--disable-build-servers", "-nodeReuse:false");
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.True(File.Exists(Path.Combine(feed, "ModelGates.Analyzers." + _version + ".nupkg")), pack.Output);

        WriteTrainingProject(project, feed);

        var build = DotnetProcess.Run(project, Timeout, "build", "--disable-build-servers", "-nodeReuse:false", "-p:TreatWarningsAsErrors=false");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain("CS8032", build.Output, StringComparison.Ordinal);
        Assert.Contains("warning MG1001", build.Output, StringComparison.Ordinal);
        Assert.Contains("warning MG1002", build.Output, StringComparison.Ordinal);
        Assert.Contains("warning MG1004", build.Output, StringComparison.Ordinal);
        Assert.Contains("warning MG1005", build.Output, StringComparison.Ordinal);
        Assert.Contains("docs/rules/MG1001.md", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MG1003", build.Output, StringComparison.Ordinal); // info: a build shows none

        var errorLog = Path.Combine(_root, "strict.sarif");
        var strict = DotnetProcess.Run(project, Timeout, "build", "--no-incremental", "--disable-build-servers", "-nodeReuse:false", "-p:TreatWarningsAsErrors=true", "-p:ErrorLog=" + errorLog);
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("error MG1001", strict.Output, StringComparison.Ordinal);
        Assert.Contains("error MG1004", strict.Output, StringComparison.Ordinal);
        // With an error log the compiler keeps info diagnostics, so it runs the suggestions analyzer too.
        Assert.Contains("\"MG1003\"", File.ReadAllText(errorLog), StringComparison.Ordinal);

        // Raised in .editorconfig, the info rule reports in an ordinary build.
        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.MG1003.severity = warning\n");
        var raised = DotnetProcess.Run(project, Timeout, "build", "--no-incremental", "--disable-build-servers", "-nodeReuse:false", "-p:TreatWarningsAsErrors=false");
        Assert.True(raised.ExitCode == 0, raised.Output);
        Assert.Contains("warning MG1003", raised.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }

        // The unique version was extracted into the global packages folder; nothing else will ever use it.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        try
        {
            Directory.Delete(Path.Combine(packages, "modelgates.analyzers", _version), recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void WriteTrainingProject(string project, string feed)
    {
        File.WriteAllText(Path.Combine(project, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="modelgates-e2e" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Training.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.ML" Version="5.0.1" />
                <PackageReference Include="ModelGates.Analyzers" Version="{_version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using Microsoft.ML;
            using Microsoft.ML.Data;

            var ml = new MLContext();
            var rows = Enumerable.Range(0, 100).Select(i => new Row { A = i, Label = i % 2 == 0 }).OrderBy(_ => Guid.NewGuid()).ToList();
            var data = ml.Data.LoadFromEnumerable(rows);
            var pipeline = ml.Transforms.Concatenate("Features", nameof(Row.A))
                .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
            var model = pipeline.Fit(data);
            ml.Model.Save(model, null, "model.zip");

            public sealed class Row
            {
                public float A { get; set; }
                public bool Label { get; set; }
            }
            """);
    }
}
