using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelGates.Analyzers.Infrastructure;

namespace ModelGates.Analyzers;

/// <summary>
/// The analyzer of the rules whose default severity is info (MG1003): they show in the editor, and a build
/// runs them only when someone reads them.
/// </summary>
/// <remarks>
/// A command-line build drops info diagnostics unless it writes an error log (<c>/errorlog</c>), and the compiler
/// then skips every analyzer whose diagnostics would all be dropped. Hosted with the warnings, MG1003 bound every
/// method that trains and saves a model in every build for nothing (the training check binds the member); on
/// its own it costs a build nothing, yet runs in the editor, with an error log, or when .editorconfig raises it
/// to a warning.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelGatesSuggestionsAnalyzer : RuleHostAnalyzer
{
    /// <summary>Hosts <see cref="RuleCatalog.Suggestions"/>.</summary>
    public ModelGatesSuggestionsAnalyzer()
        : base(RuleCatalog.Suggestions)
    {
    }
}
