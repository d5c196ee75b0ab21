using System.Reflection;

namespace ModelGates.Diagnostics;

/// <summary>
/// Every diagnostic code ModelGates reports, one static field each. The catalogue is split by range
/// into partial files: <c>MG0xxx</c> usage and input, <c>MG2xxx</c> data contracts, <c>MG3xxx</c> drift,
/// <c>MG4xxx</c> model acceptance, <c>MG5xxx</c> lineage. (<c>MG1xxx</c> belongs to the analyzers.)
/// Each code has a page under <c>docs/diagnostics/</c>; a test checks that it does.
/// </summary>
public static partial class DiagnosticCatalog
{
    private static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> AllDescriptors = new(() =>
        typeof(DiagnosticCatalog)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToArray());

    /// <summary>Every descriptor in the catalogue, ordered by code.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => AllDescriptors.Value;

    /// <summary>Finds a descriptor by its code, or null.</summary>
    public static DiagnosticDescriptor? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
}
