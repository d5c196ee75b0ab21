using ModelGates.Testing;

namespace ModelGates.EndToEnd.Tests;

/// <summary>A throwaway project in a temporary folder that references ModelGates.Build from the test feed.</summary>
internal sealed class GatedProject : IDisposable
{
    private GatedProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, "Gated.csproj");

    public static GatedProject Create(PackagesFixture packages, string modelgatesJson, string extraProperties = "")
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("mg-e2e-").FullName;
        packages.WriteNuGetConfig(directory);
        File.WriteAllText(Path.Combine(directory, "Gated.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
            {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ModelGates.Build" Version="{packages.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Class1.cs"), "namespace Gated; public static class Class1 { }\n");
        File.WriteAllText(Path.Combine(directory, "modelgates.json"), modelgatesJson);
        return new GatedProject(directory);
    }

    /// <summary>Copies a file of the repository into the project folder.</summary>
    public void CopyFromRepo(string relativePath, string? name = null) =>
        File.Copy(RepoPaths.Combine(relativePath.Split('/')), Path.Combine(Directory, name ?? Path.GetFileName(relativePath)), overwrite: true);

    /// <summary>Builds with normal verbosity, which shows the task's messages.</summary>
    public ProcessResult Build(params string[] args) =>
        ProcessRunner.Run(Directory, "dotnet", ["build", ProjectFile, "-nologo", "-v:n", .. args]);

    /// <summary>Builds with normal verbosity and extra environment variables (a connection string, say).</summary>
    public ProcessResult BuildWith(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        ProcessRunner.Run(Directory, "dotnet", ["build", ProjectFile, "-nologo", "-v:n", .. args], environment);

    /// <summary>Builds as a CI job does: <c>dotnet build</c> with its default (minimal) verbosity.</summary>
    public ProcessResult BuildWithDefaultVerbosity(params string[] args) =>
        ProcessRunner.Run(Directory, "dotnet", ["build", ProjectFile, "-nologo", .. args]);

    /// <summary>The report folder of the build.</summary>
    public string ReportDirectory => Path.Combine(Directory, "obj", "modelgates");

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
