using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ModelGates.Analyzers.Tests.Infrastructure;

/// <summary>
/// Compilation references for the analyzed test sources, taken from this machine only: the running
/// framework's assemblies plus ML.NET (and optionally ModelGates.Lineage) from the test output folder.
/// The testing library's ReferenceAssemblies.Net.* would download reference packs from NuGet.
/// </summary>
internal static class TestReferences
{
    /// <summary>A ReferenceAssemblies that names no package, so it resolves nothing and downloads nothing.</summary>
    public static readonly ReferenceAssemblies None = new("net10.0-local");

    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() =>
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.GetFiles(frameworkDirectory, "*.dll")
            .Where(path => IsManagedAssembly(path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    private static readonly Lazy<ImmutableArray<MetadataReference>> MlNet = new(() =>
        Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.ML*.dll")
            .Where(path => IsManagedAssembly(path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    private static readonly Lazy<MetadataReference> Lineage = new(() =>
        MetadataReference.CreateFromFile(typeof(ModelGates.Lineage.ModelLineage).Assembly.Location));

    public static IEnumerable<MetadataReference> For(bool mlNet, bool lineage)
    {
        foreach (var reference in Framework.Value)
        {
            yield return reference;
        }

        if (mlNet)
        {
            foreach (var reference in MlNet.Value)
            {
                yield return reference;
            }
        }

        if (lineage)
        {
            yield return Lineage.Value;
        }
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
