using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelGates.Analyzers.Infrastructure;

/// <summary>
/// Code the user declared to be training code even though it does not call <c>Fit</c> itself: a member or
/// type carrying an attribute named <c>TrainingCodeAttribute</c>, or a namespace listed in the
/// <c>modelgates_training_code_namespaces</c> .editorconfig option.
/// </summary>
internal sealed class TrainingCodeMarkers
{
    private readonly AnalyzerOptions _options;
    private readonly ConcurrentDictionary<string, ImmutableArray<string>> _parsed = new(StringComparer.Ordinal);

    // Asked for every block of a type: the answer for the type itself (its attributes, its namespace) is computed once
    // per file (the namespace option is read from the file's .editorconfig section). Keyed by reference types only: a
    // (symbol, tree) tuple key is a generic instantiation over a value type that the compiler's process has no
    // precompiled code for, so every build JIT-compiled a ConcurrentDictionary for it.
    private readonly ConcurrentDictionary<SyntaxTree, ConcurrentDictionary<ISymbol, bool>> _types = new();

    public TrainingCodeMarkers(AnalyzerOptions options) => _options = options;

    public bool IsMarked(ISymbol symbol, SyntaxTree tree)
    {
        if (symbol is INamedTypeSymbol)
        {
            return IsTypeMarked(symbol, tree);
        }

        return HasOwnTrainingCodeAttribute(symbol)
            || (symbol.ContainingType is { } type ? IsTypeMarked(type, tree) : IsInConfiguredNamespace(symbol, tree));
    }

    private bool IsTypeMarked(ISymbol type, SyntaxTree tree)
    {
        var types = _types.GetOrAdd(tree, static _ => new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default));
        if (types.TryGetValue(type, out var marked))
        {
            return marked;
        }

        marked = false;
        for (var current = type; current is INamedTypeSymbol; current = current.ContainingSymbol)
        {
            if (HasOwnTrainingCodeAttribute(current))
            {
                marked = true;
                break;
            }
        }

        return types.GetOrAdd(type, marked || IsInConfiguredNamespace(type, tree));
    }

    private static bool HasOwnTrainingCodeAttribute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var name = attribute.AttributeClass?.Name;
            if (name == WellKnownNames.TrainingCodeAttribute || name == "TrainingCode")
            {
                return true;
            }
        }

        return false;
    }

    private bool IsInConfiguredNamespace(ISymbol symbol, SyntaxTree tree)
    {
        if (!_options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(WellKnownNames.TrainingCodeNamespacesOption, out var raw)
            || string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        var prefixes = _parsed.GetOrAdd(raw, static value => value
            .Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Trim())
            .Where(part => part.Length > 0)
            .ToImmutableArray());
        var containing = symbol.ContainingNamespace;
        if (containing is null || containing.IsGlobalNamespace)
        {
            return false;
        }

        // A listed namespace covers its child namespaces: "Contoso.Training" covers "Contoso.Training.Churn".
        var name = containing.ToDisplayString();
        foreach (var prefix in prefixes)
        {
            if (name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
