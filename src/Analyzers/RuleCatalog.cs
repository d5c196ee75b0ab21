using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ModelGates.Analyzers.Infrastructure;
using ModelGates.Analyzers.Rules;

namespace ModelGates.Analyzers;

/// <summary>Every rule of the package, in id order, and which analyzer hosts it.</summary>
internal static class RuleCatalog
{
    public static readonly ImmutableArray<MlNetRule> All = ImmutableArray.Create<MlNetRule>(
        new SeedTheMLContextRule(),
        new SaveModelWithInputSchemaRule(),
        new SaveModelWithLineageRule(),
        new UseDeterministicTrainerSettingsRule(),
        new DoNotUseUnseededRandomnessInTrainingCodeRule(),
        new SeedAutoMLExperimentsRule());

    /// <summary>The rules that warn by default: <see cref="ModelGatesAnalyzer"/>.</summary>
    public static readonly ImmutableArray<MlNetRule> Warnings = All.Where(rule => !IsSuggestion(rule)).ToImmutableArray();

    /// <summary>The rules that only suggest by default (info or hidden): <see cref="ModelGatesSuggestionsAnalyzer"/>.</summary>
    public static readonly ImmutableArray<MlNetRule> Suggestions = All.Where(IsSuggestion).ToImmutableArray();

    private static bool IsSuggestion(MlNetRule rule) => rule.SupportedDiagnostic.DefaultSeverity < DiagnosticSeverity.Warning;
}
