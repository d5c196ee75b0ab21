using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelGates.Analyzers.Infrastructure;

namespace ModelGates.Analyzers;

/// <summary>
/// The analyzer of the rules that warn by default (MG1001, MG1002, MG1004, MG1005, MG1006; one file each under
/// <c>Rules/</c>). Concurrent, skips generated code, and does nothing at all when ML.NET is not referenced.
/// </summary>
/// <remarks>
/// One analyzer rather than one per rule because the compiler's cost grows with the number of analyzers that
/// register syntax-node actions: it walks every member declaration's nodes and dispatches them once per
/// analyzer. With six analyzers that dispatch cost more than the rules' own callbacks (see docs/benchmarks.md).
/// Severity settings still apply per rule: the compiler filters each reported diagnostic by its id. The rules
/// that only suggest live in <see cref="ModelGatesSuggestionsAnalyzer"/>.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelGatesAnalyzer : RuleHostAnalyzer
{
    /// <summary>Hosts <see cref="RuleCatalog.Warnings"/>.</summary>
    public ModelGatesAnalyzer()
        : base(RuleCatalog.Warnings)
    {
    }
}
