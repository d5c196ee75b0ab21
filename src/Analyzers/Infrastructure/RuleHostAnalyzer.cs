using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelGates.Analyzers.Infrastructure;

/// <summary>
/// A <see cref="DiagnosticAnalyzer"/> hosting several rules: concurrent, skips generated code, and does nothing
/// at all when ML.NET is not referenced. The rules' checks are registered per syntax kind through
/// <see cref="RuleChecks"/>, so the compiler dispatches each node once for all of them.
/// </summary>
public abstract class RuleHostAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableArray<MlNetRule> _rules;
    private readonly ImmutableArray<DiagnosticDescriptor> _supportedDiagnostics;

    private protected RuleHostAnalyzer(ImmutableArray<MlNetRule> rules)
    {
        _rules = rules;
        _supportedDiagnostics = rules.Select(rule => rule.SupportedDiagnostic).ToImmutableArray();
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _supportedDiagnostics;

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

            var checks = new RuleChecks(symbols, new TrainingCodeMarkers(start.Options));
            foreach (var rule in _rules)
            {
                rule.Register(checks);
            }

            checks.RegisterWith(start);
        });
    }
}
