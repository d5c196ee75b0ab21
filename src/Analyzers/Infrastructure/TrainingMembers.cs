using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGates.Analyzers.Infrastructure;

/// <summary>
/// Which members are training code, decided from syntax first and binding only the calls named like
/// training calls. The rules use syntax node actions and ask this for the member around a candidate node:
/// operation or code block actions would make the compiler bind every member body of the project (measured:
/// +50% build CPU on a 520-file project), while this binds a few statements of the members that matter.
/// </summary>
internal sealed class TrainingMembers
{
    private readonly MlNetSymbols _symbols;
    private readonly TrainingCodeMarkers _markers;
    private readonly ConcurrentDictionary<SyntaxNode, bool> _trains = new();
    private readonly ConcurrentDictionary<SyntaxNode, bool> _splits = new();

    public TrainingMembers(MlNetSymbols symbols, TrainingCodeMarkers markers)
    {
        _symbols = symbols;
        _markers = markers;
    }

    public TrainingCodeMarkers Markers => _markers;

    /// <summary>The member declaration (method, accessor, property, field, or the compilation unit for top-level statements) around a node.</summary>
    public static SyntaxNode? EnclosingMember(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case GlobalStatementSyntax { Parent: CompilationUnitSyntax unit }:
                    return unit;
                case BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or FieldDeclarationSyntax or EventFieldDeclarationSyntax:
                    return ancestor;
            }
        }

        return null;
    }

    /// <summary>The symbol of a member returned by <see cref="EnclosingMember"/> (the entry point for top-level statements).</summary>
    public static ISymbol? MemberSymbol(SyntaxNode member, SemanticModel model, CancellationToken cancellationToken) => member switch
    {
        CompilationUnitSyntax unit => unit.Members.OfType<GlobalStatementSyntax>().FirstOrDefault() is { } first ? model.GetEnclosingSymbol(first.SpanStart, cancellationToken) : null,
        FieldDeclarationSyntax field => field.Declaration.Variables.Count > 0 ? model.GetDeclaredSymbol(field.Declaration.Variables[0], cancellationToken) : null,
        EventFieldDeclarationSyntax field => field.Declaration.Variables.Count > 0 ? model.GetDeclaredSymbol(field.Declaration.Variables[0], cancellationToken) : null,
        _ => model.GetDeclaredSymbol(member, cancellationToken),
    };

    /// <summary>
    /// Whether the member could be training code without binding its body: a call named like a training call,
    /// or a marker (attribute, configured namespace). False means it certainly is not.
    /// </summary>
    public bool MayTrain(SyntaxNode member, SemanticModel model, CancellationToken cancellationToken) =>
        HasTrainingName(member) || (MemberSymbol(member, model, cancellationToken) is { } symbol && _markers.IsMarked(symbol, member.SyntaxTree));

    private static bool HasTrainingName(SyntaxNode member)
    {
        // Only a call named like a training call can make CallsTraining true, so that is all this looks for. Nodes,
        // not tokens: DescendantTokens is LINQ over struct enumerables that no ReadyToRun image contains, so every
        // build JIT-compiled it, and it visits every token of the member.
        foreach (var node in member.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax invocation && IsTrainingName(SyntaxNames.Invoked(invocation)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the member calls Fit (or cross-validates, or runs AutoML), or is marked as training code. Cached per member.</summary>
    public bool Trains(SyntaxNode member, SemanticModel model, CancellationToken cancellationToken) =>
        _trains.GetOrAdd(member, node => Compute(node, model, cancellationToken));

    public bool CallsTraining(IEnumerable<SyntaxNode> scope, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var root in scope)
        {
            foreach (var invocation in root.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
            {
                if (IsTrainingName(SyntaxNames.Invoked(invocation))
                    && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                    && _symbols.IsTrainingMethod(method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool IsTrainingName(string? name) =>
        name is "Fit" or "CrossValidate" or "CrossValidateNonCalibrated" or "Execute" or "Run" or "RunAsync";

    /// <summary>Whether a call is named like one that splits or shuffles data with the context's generator.</summary>
    public static bool IsRandomSplitName(string? name) =>
        name is "TrainTestSplit" or "CrossValidationSplit" or "ShuffleRows" or "CrossValidate" or "CrossValidateNonCalibrated";

    /// <summary>
    /// Whether the member could split or shuffle data randomly, from syntax only (a call named like one). False
    /// means it certainly does not.
    /// </summary>
    public static bool HasRandomSplitName(SyntaxNode member)
    {
        foreach (var node in member.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax invocation && IsRandomSplitName(SyntaxNames.Invoked(invocation)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the member splits or shuffles data with the context's generator (<see cref="MlNetSymbols.IsRandomSplit"/>):
    /// the rows a model is trained on then depend on the context's seed, even where the training call itself cannot
    /// be bound (AutoML that is not restored, a trainer in another library). Binds only the calls named like one;
    /// cached per member.
    /// </summary>
    public bool SplitsRandomly(SyntaxNode member, SemanticModel model, CancellationToken cancellationToken) =>
        _splits.GetOrAdd(member, node => ComputeSplits(node, model, cancellationToken));

    private bool ComputeSplits(SyntaxNode member, SemanticModel model, CancellationToken cancellationToken)
    {
        var scope = member is CompilationUnitSyntax unit ? unit.Members.OfType<GlobalStatementSyntax>().Cast<SyntaxNode>() : new[] { member };
        foreach (var root in scope)
        {
            foreach (var invocation in root.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
            {
                if (IsRandomSplitName(SyntaxNames.Invoked(invocation))
                    && model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation
                    && _symbols.IsRandomSplit(operation))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool Compute(SyntaxNode member, SemanticModel model, CancellationToken cancellationToken)
    {
        if (MemberSymbol(member, model, cancellationToken) is { } symbol && _markers.IsMarked(symbol, member.SyntaxTree))
        {
            return true;
        }

        var scope = member is CompilationUnitSyntax unit ? unit.Members.OfType<GlobalStatementSyntax>().Cast<SyntaxNode>() : new[] { member };
        return CallsTraining(scope, model, cancellationToken);
    }
}

/// <summary>Names read off syntax, before any binding.</summary>
internal static class SyntaxNames
{
    public static string? Invoked(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    public static string? Rightmost(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// Whether a creation's type is spelled <paramref name="name"/>. A target-typed <c>new()</c> counts unless the
    /// declaration it initializes spells another type (<see cref="CreatedType"/>).
    /// </summary>
    public static bool MayCreate(SyntaxNode creation, string name) => creation switch
    {
        BaseObjectCreationExpressionSyntax typed when CreatedType(typed) is { } type => Rightmost(type) == name,
        ImplicitObjectCreationExpressionSyntax => true,
        _ => false,
    };

    /// <summary>
    /// The type a creation spells: <c>T</c> of <c>new T()</c>, and for a target-typed <c>new()</c> the declared type
    /// of the variable, field, property or parameter it initializes (<c>T x = new()</c>); null when only binding can
    /// tell (an assignment, an argument, a return).
    /// </summary>
    /// <remarks>
    /// Without this every <c>private readonly object _gate = new();</c> of a project was bound by three rules just to
    /// learn it is no MLContext, Random or trainer options: the semantic model binds a field initializer (and runs
    /// its nullable analysis) a second time, apart from the compiler's own binding for code generation.
    /// </remarks>
    public static TypeSyntax? CreatedType(BaseObjectCreationExpressionSyntax creation)
    {
        var type = creation switch
        {
            ObjectCreationExpressionSyntax explicitType => explicitType.Type,
            ImplicitObjectCreationExpressionSyntax { Parent: EqualsValueClauseSyntax clause } => clause.Parent switch
            {
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
                PropertyDeclarationSyntax property => property.Type,
                ParameterSyntax parameter => parameter.Type,
                _ => null,
            },
            _ => null,
        };

        // `T? x = new()` creates a T; `var` cannot take a target-typed new, so a declared type is the created one.
        return type is NullableTypeSyntax nullable ? nullable.ElementType : type;
    }
}
