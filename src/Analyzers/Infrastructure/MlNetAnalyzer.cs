using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelGates.Analyzers.Infrastructure;

/// <summary>
/// Base of every ModelGates rule: concurrent, skips generated code, resolves the ML.NET types once per
/// compilation and does nothing at all when ML.NET is not referenced.
/// </summary>
public abstract class MlNetAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = MlNetSymbols.TryCreate(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            Register(start, symbols, new TrainingCodeMarkers(start.Options));
        });
    }

    private protected abstract void Register(CompilationStartAnalysisContext context, MlNetSymbols symbols, TrainingCodeMarkers markers);

    /// <summary>Builds a rule's descriptor with its help link; every rule is enabled by default.</summary>
    private protected static DiagnosticDescriptor Rule(string id, string title, string messageFormat, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, RuleCategories.Reproducibility, severity, isEnabledByDefault: true, description, RuleHelpLinks.For(id));
}
