using ModelGates.Diagnostics;
using ModelGates.Memory;
using ModelGates.Testing;

namespace ModelGates.Xunit.Tests;

/// <summary>DriftAssert and DataAssert read data under the <c>"memoryLimit"</c> of the project's modelgates.json (docs/scale.md#memory).</summary>
public sealed class ConfiguredMemoryLimitTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_limit_of_the_config_in_a_folder_above_is_the_assertions_limit()
    {
        directory.Write("modelgates.json", """{ "schemaVersion": 1, "memoryLimit": "1.5GB", "datasets": { "x": { "path": "never-read.csv" } } }""");
        var bin = Directory.CreateDirectory(Path.Combine(directory.Path, "bin", "Release", "net10.0")).FullName;

        var limit = ConfiguredMemoryLimit.From(bin);

        Assert.Equal(3L << 29, limit.Bytes);
        Assert.True(limit.IsExplicit);
    }

    [Fact]
    public void Without_a_limit_in_the_config_the_default_holds()
    {
        directory.Write("modelgates.json", """{ "schemaVersion": 1 }""");

        Assert.Same(MemoryLimit.Default, ConfiguredMemoryLimit.From(directory.Path));
    }

    [Fact]
    public void A_bad_limit_in_the_config_is_MG0160_at_its_line()
    {
        directory.Write("modelgates.json", "{\n  \"schemaVersion\": 1,\n  \"memoryLimit\": \"lots\"\n}\n");

        var error = Assert.Throws<ConfigurationException>(() => ConfiguredMemoryLimit.From(directory.Path));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("MG0160", diagnostic.Code);
        Assert.Equal(3, diagnostic.Line);
    }
}
