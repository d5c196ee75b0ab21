using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelGates.Analyzers.Tests.Infrastructure;

/// <summary>Every analyzer the package's dll holds, found the way the compiler finds them (by attribute).</summary>
internal static class PackageAnalyzers
{
    public static IReadOnlyList<Type> Types { get; } = typeof(RuleIdentifiers).Assembly.GetTypes()
        .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToArray();

    public static DiagnosticAnalyzer[] Create() => Types.Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!).ToArray();
}
