using Microsoft.CodeAnalysis;

namespace ModelGates.Analyzers.Infrastructure;

/// <summary>
/// One ModelGates rule: its descriptor and its checks. A rule is not a <c>DiagnosticAnalyzer</c> of its own:
/// <see cref="ModelGatesAnalyzer"/> hosts the rules that warn by default, so that the compiler walks a file's
/// syntax nodes once for them instead of once per rule (six walks cost about as much as the rules' own
/// callbacks), and <see cref="ModelGatesSuggestionsAnalyzer"/> the info rules, which builds then skip
/// (<see cref="RuleCatalog"/> sorts them by default severity).
/// </summary>
internal abstract class MlNetRule
{
    private protected MlNetRule(DiagnosticDescriptor descriptor) => SupportedDiagnostic = descriptor;

    /// <summary>The one diagnostic this rule reports.</summary>
    public DiagnosticDescriptor SupportedDiagnostic { get; }

    /// <summary>
    /// Adds the rule's checks for one compilation that references ML.NET; adds none when a type the rule needs
    /// is not referenced (AutoML, LightGBM, ...).
    /// </summary>
    public abstract void Register(RuleChecks checks);

    /// <summary>Builds a rule's descriptor with its help link; every rule is enabled by default.</summary>
    private protected static DiagnosticDescriptor Rule(string id, string title, string messageFormat, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, RuleCategories.Reproducibility, severity, isEnabledByDefault: true, description, RuleHelpLinks.For(id));
}
