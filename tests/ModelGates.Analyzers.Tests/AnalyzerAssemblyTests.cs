using System.Reflection.PortableExecutable;
using ModelGates.Analyzers.CodeFixes;

namespace ModelGates.Analyzers.Tests;

/// <summary>
/// The package's dlls stay plain IL (the package packs exactly these build outputs). A ReadyToRun image is
/// compiled for one OS, architecture and runtime major version: any other .NET compiler refuses to load it
/// (BadImageFormatException, CS8032: the analyzers silently off), and the saving measured for the one host it
/// fits was tens of milliseconds (docs/benchmarks.md, "ReadyToRun and the JIT").
/// </summary>
public sealed class AnalyzerAssemblyTests
{
    [Theory]
    [InlineData(typeof(ModelGatesAnalyzer))]
    [InlineData(typeof(SeedTheMLContextCodeFixProvider))]
    public void PackedAssembly_IsILOnly_WithoutReadyToRunCode(Type typeInAssembly)
    {
        using var stream = File.OpenRead(typeInAssembly.Assembly.Location);
        using var reader = new PEReader(stream);
        var cor = reader.PEHeaders.CorHeader!;

        Assert.True(cor.Flags.HasFlag(CorFlags.ILOnly), "not IL-only: " + cor.Flags);
        Assert.Equal(0, cor.ManagedNativeHeaderDirectory.Size);
        Assert.Equal(Machine.I386, reader.PEHeaders.CoffHeader.Machine);
    }
}
