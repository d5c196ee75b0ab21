using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelGates.Analyzers.Infrastructure;
using ModelGates.Analyzers.Rules;

namespace ModelGates.Analyzers;

/// <summary>
/// The one analyzer of the package, hosting the rules MG1001–MG1006 (one file each under <c>Rules/</c>).
/// Concurrent, skips generated code, and does nothing at all when ML.NET is not referenced.
/// </summary>
/// <remarks>
/// One analyzer rather than one per rule because the compiler's cost grows with the number of analyzers that
/// register syntax-node actions: it walks every member declaration's nodes and dispatches them once per
/// analyzer. With six analyzers that dispatch cost more than the rules' own callbacks (see docs/benchmarks.md).
/// Severity settings still apply per rule: the compiler filters each reported diagnostic by its id.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelGatesAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The rules, in id order.</summary>
    internal static readonly ImmutableArray<MlNetRule> Rules = ImmutableArray.Create<MlNetRule>(
        new SeedTheMLContextRule(),
        new SaveModelWithInputSchemaRule(),
        new SaveModelWithLineageRule(),
        new UseDeterministicTrainerSettingsRule(),
        new DoNotUseUnseededRandomnessInTrainingCodeRule(),
        new SeedAutoMLExperimentsRule());

    private static readonly ImmutableArray<DiagnosticDescriptor> s_supportedDiagnostics = Rules.Select(rule => rule.SupportedDiagnostic).ToImmutableArray();

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => s_supportedDiagnostics;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
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
            foreach (var rule in Rules)
            {
                rule.Register(checks);
            }

            checks.RegisterWith(start);
        });
    }
}
