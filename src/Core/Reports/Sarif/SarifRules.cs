using System.Text;
using ModelGates.Diagnostics;
using ModelGates.Shared;

namespace ModelGates.Reports.Sarif;

/// <summary>The rules of the SARIF run: every code of the catalogue, in code order, with its page and default level.</summary>
internal static class SarifRules
{
    /// <summary>Every rule; a result names its rule by position in this list.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => DiagnosticCatalog.All;

    /// <summary>The SARIF level of a severity: <c>error</c>, <c>warning</c> or <c>note</c>.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A name for the rule as tools show it: the title in Pascal case (<c>Unknown categories</c> is <c>UnknownCategories</c>).</summary>
    public static string Name(DiagnosticDescriptor rule)
    {
        var name = new StringBuilder();
        foreach (var word in rule.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (letters.Length > 0)
            {
                name.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1));
            }
        }

        return name.ToString();
    }

    /// <summary>The tag of the rule's code range, for filtering in code scanning.</summary>
    public static string Tag(string code) => SharedConstants.CodeRanges.RangeOf(code) switch
    {
        SharedConstants.CodeRanges.Contracts => "data-contract",
        SharedConstants.CodeRanges.Drift => "drift",
        SharedConstants.CodeRanges.Models => "model",
        SharedConstants.CodeRanges.Lineage => "lineage",
        SharedConstants.CodeRanges.Monitoring => "monitoring",
        _ => "configuration",
    };
}
