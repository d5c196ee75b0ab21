using System.Globalization;
using ModelGates.Testing;

namespace ModelGates.EndToEnd.Tests;

/// <summary>
/// Packs the shippable packages once per test run, with a version of their own, into a temporary feed,
/// from a copy of the sources (packing in place rebuilt src/*/bin under the CLI tests running from there).
/// The unique version keeps NuGet's global cache from serving a package packed by an earlier run; the
/// run's folders in the cache are deleted afterwards.
/// </summary>
public sealed class PackagesFixture : IDisposable
{
    private static readonly string[] Shippable =
    [
        Path.Combine("src", "Lineage", "ModelGates.Lineage.csproj"),
        Path.Combine("src", "Core", "ModelGates.Core.csproj"),
        Path.Combine("src", "Tasks", "ModelGates.Build.csproj"),
        Path.Combine("src", "TestAdapter", "ModelGates.Xunit.csproj"),
    ];

    private readonly string sources;

    public PackagesFixture()
    {
        Version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        Feed = Directory.CreateTempSubdirectory("mg-feed-").FullName;
        sources = Directory.CreateTempSubdirectory("mg-sources-").FullName;
        SourceCopy.Into(sources, "src", "schema");

        // ModelGates.Build builds the CLI as its engine without restoring it; in place the solution's restore had.
        var restore = ProcessRunner.Run(sources, "dotnet", ["restore", Path.Combine("src", "Cli", "ModelGates.Cli.csproj"), "-nologo"]);
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet restore src/Cli failed:\n{restore}");
        }

        foreach (var project in Shippable)
        {
            var result = ProcessRunner.Run(sources, "dotnet", ["pack", project, "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-nologo"]);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{result}");
            }
        }
    }

    /// <summary>The version every package was packed with.</summary>
    public string Version { get; }

    /// <summary>The folder holding the packed .nupkg files.</summary>
    public string Feed { get; }

    /// <summary>Writes a nuget.config that adds the feed to the machine's sources.</summary>
    public void WriteNuGetConfig(string directory) =>
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="modelgates-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

    public void Dispose()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "modelgates.build", "modelgates.core", "modelgates.cli", "modelgates.xunit", "modelgates.analyzers", "modelgates.lineage" })
        {
            TryDelete(Path.Combine(cache, id, Version.ToLowerInvariant()));
        }

        TryDelete(Feed);
        TryDelete(sources);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture>
{
    public const string Name = "packages";
}
