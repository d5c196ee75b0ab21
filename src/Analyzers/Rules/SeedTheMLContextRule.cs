using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGates.Analyzers.Infrastructure;

namespace ModelGates.Analyzers.Rules;

/// <summary>
/// MG1001: an <c>MLContext</c> used for training is created without a seed (ML.NET: "Set to null for a
/// non-deterministic environment"), or with a seed taken from the clock or an unseeded generator that is not
/// recorded anywhere. Training includes splitting or shuffling the data with the context's generator
/// (<c>TrainTestSplit</c>, <c>CrossValidationSplit</c>, <c>ShuffleRows</c>, <c>CrossValidate</c>). Contexts used
/// only to load and score a model are left alone: predictions do not depend on the seed.
/// </summary>
internal sealed class SeedTheMLContextRule : MlNetRule
{
    internal static readonly DiagnosticDescriptor Descriptor = Rule(
        RuleIdentifiers.SeedTheMLContext,
        "Seed the MLContext used for training",
        "MLContext {0}, so each run trains a different model; pass a constant seed, for example new MLContext(seed: 0)",
        DiagnosticSeverity.Warning,
        "MLContext is the source of randomness for shuffling, splitting, sampling and trainer initialization. Without a fixed seed the same code and data train a different model on every run.");

    public SeedTheMLContextRule()
        : base(Descriptor)
    {
    }

    public override void Register(RuleChecks checks)
    {
        // Plain syntax node actions, no symbol-start action: a single analyzer with symbol-start/end actions makes
        // the compiler track the completion of every member of every type and namespace of the compilation
        // (measured: ~8 % of the compiler's CPU on a 520-file project, more than all the rules' own callbacks).
        // What depends on the rest of the type is answered on demand, once per type (see TrainingTypes).
        var symbols = checks.Symbols;
        var training = checks.Training;
        var types = new TrainingTypes(training);
        checks.OnObjectCreation(node => AnalyzeCreation(node, symbols, training, types));
    }

    private static void AnalyzeCreation(SyntaxNodeAnalysisContext node, MlNetSymbols symbols, TrainingMembers training, TrainingTypes types)
    {
        // `new MLContext(42)` is fine without binding anything: most contexts of a seeded project stop here.
        var syntax = (BaseObjectCreationExpressionSyntax)node.Node;
        if (!SyntaxNames.MayCreate(syntax, "MLContext") || HasLiteralSeed(syntax) || TrainingMembers.EnclosingMember(syntax) is not { } member)
        {
            return;
        }

        // A context in a member that can neither train nor split data randomly, kept in a local never handed to
        // another method: a scoring context. Decided from syntax, so such members are never bound.
        var model = node.SemanticModel;
        var cancellationToken = node.CancellationToken;
        var memberMayTrain = training.MayTrain(member, model, cancellationToken) || TrainingMembers.HasRandomSplitName(member);
        if (!memberMayTrain && !MayBeShared(syntax, member))
        {
            return;
        }

        // Outside a training member a context matters only through its type's training members: looked for
        // first, from syntax, so that a scoring class's `new MLContext()` field is never bound.
        INamedTypeSymbol? type = null;
        if (!memberMayTrain)
        {
            type = TrainingMembers.MemberSymbol(member, model, cancellationToken)?.ContainingType;
            if (type is null || (!training.Markers.IsMarked(type, syntax.SyntaxTree) && types.TrainingMethods(type, model, cancellationToken).IsEmpty))
            {
                return;
            }
        }

        IObjectCreationOperation? creation = null;
        string? problem;
        bool addSeed;
        if (syntax.ArgumentList is not { Arguments.Count: > 0 })
        {
            // `new MLContext()`: the constructor's symbol is all it takes, and the member's operations are never built.
            if (model.GetSymbolInfo(syntax, cancellationToken).Symbol is not IMethodSymbol constructor
                || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType, symbols.MLContext)
                || !HasNullSeedDefault(constructor))
            {
                return;
            }

            problem = "is created without a seed";
            addSeed = true;
        }
        else if ((creation = model.GetOperation(syntax, cancellationToken) as IObjectCreationOperation) is null
            || !symbols.IsMLContextCreation(creation)
            || (problem = Describe(creation, symbols, out addSeed)) is null)
        {
            return;
        }

        var properties = addSeed ? ImmutableDictionary<string, string?>.Empty.Add(WellKnownNames.AddSeedProperty, "true") : ImmutableDictionary<string, string?>.Empty;
        var diagnostic = Diagnostic.Create(Descriptor, syntax.GetLocation(), properties, problem);
        // A random split is training randomness too: the rows a model learns from depend on the context's seed,
        // which also reports the contexts whose training call cannot be bound (AutoML not restored, a trainer of
        // another library).
        if (memberMayTrain && (training.Trains(member, model, cancellationToken) || training.SplitsRandomly(member, model, cancellationToken)))
        {
            node.ReportDiagnostic(diagnostic);
            return;
        }

        type ??= TrainingMembers.MemberSymbol(member, model, cancellationToken)?.ContainingType;
        creation ??= model.GetOperation(syntax, cancellationToken) as IObjectCreationOperation;
        if (type is null || creation is null)
        {
            return;
        }

        if (creation.IsStoredInMember())
        {
            // Shared by the type's members: it matters when the type trains anywhere.
            if (training.Markers.IsMarked(type, syntax.SyntaxTree) || !types.TrainingMethods(type, model, cancellationToken).IsEmpty)
            {
                node.ReportDiagnostic(diagnostic);
            }
        }
        else if (creation.AssignedLocal() is { } local)
        {
            // Created here, trained with elsewhere: matters when passed to a training method of this type.
            var targets = MethodsReceiving(local, member, model, cancellationToken);
            if (!targets.IsEmpty && targets.Any(types.TrainingMethods(type, model, cancellationToken).Contains))
            {
                node.ReportDiagnostic(diagnostic);
            }
        }
    }

    /// <summary>Stored into something (field, property, assignment) or into a local that some call receives as an argument.</summary>
    private static bool MayBeShared(SyntaxNode creation, SyntaxNode member)
    {
        var parent = creation.Parent;
        while (parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            parent = parent.Parent;
        }

        switch (parent)
        {
            case AssignmentExpressionSyntax:
                return true;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax } declarator }:
                var name = declarator.Identifier.ValueText;
                return member.DescendantNodes().OfType<ArgumentSyntax>().Any(argument => argument.Expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name);
            case EqualsValueClauseSyntax:
                return true; // field or property initializer
            default:
                return false;
        }
    }

    /// <summary>Whether leaving the seed out passes null, as <c>MLContext(int? seed = null)</c> does.</summary>
    private static bool HasNullSeedDefault(IMethodSymbol constructor)
    {
        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.Name == WellKnownNames.SeedParameter)
            {
                return parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is null;
            }
        }

        return false;
    }

    private static bool HasLiteralSeed(BaseObjectCreationExpressionSyntax creation) =>
        creation.ArgumentList is { Arguments.Count: 1 } arguments
        && arguments.Arguments[0].Expression is LiteralExpressionSyntax literal
        && literal.IsKind(SyntaxKind.NumericLiteralExpression);

    private static ImmutableArray<ISymbol> MethodsReceiving(ILocalSymbol local, SyntaxNode member, SemanticModel model, CancellationToken cancellationToken)
    {
        var targets = ImmutableArray.CreateBuilder<ISymbol>();
        foreach (var argument in member.DescendantNodes().OfType<ArgumentSyntax>())
        {
            if (argument.Expression is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name
                && argument.Parent?.Parent is InvocationExpressionSyntax invocation
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local)
                && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method)
            {
                targets.Add(method.OriginalDefinition);
            }
        }

        return targets.ToImmutable();
    }

    /// <summary>What is wrong with the seed of <paramref name="creation"/>; null when it is fine.</summary>
    internal static string? Describe(IObjectCreationOperation creation, MlNetSymbols symbols, out bool addSeed)
    {
        addSeed = false;
        var seed = creation.Arguments.ArgumentFor(WellKnownNames.SeedParameter);
        if (seed is null)
        {
            return null;
        }

        if (seed.Value.IsNullConstant())
        {
            addSeed = true;
            return "is created without a seed";
        }

        var value = seed.Value.WithoutConversions();
        if (value.ConstantValue.HasValue)
        {
            return null;
        }

        var source = symbols.Sources.FindIn(value) ?? UnrecordedLocalSource(value, creation, symbols);
        return source is null ? null : "is seeded from " + source + ", which changes on every run, and the seed is not recorded";
    }

    /// <summary>
    /// <c>var seed = Environment.TickCount; new MLContext(seed)</c> with <c>seed</c> used nowhere else: nobody
    /// can know the seed afterwards. Any other use (logged, saved with the lineage) counts as recorded.
    /// </summary>
    private static string? UnrecordedLocalSource(IOperation value, IObjectCreationOperation creation, MlNetSymbols symbols)
    {
        if (value is not ILocalReferenceOperation seedLocal)
        {
            return null;
        }

        string? source = null;
        var uses = 0;
        foreach (var operation in creation.Root().DescendantsAndSelf())
        {
            if (operation is IVariableDeclaratorOperation declarator
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, seedLocal.Local)
                && declarator.Initializer is { } initializer)
            {
                source = symbols.Sources.FindIn(initializer.Value);
            }
            else if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, seedLocal.Local))
            {
                uses++;
            }
        }

        return uses == 1 ? source : null;
    }

    /// <summary>
    /// The members of a type that train (call <c>Fit</c>, cross-validate, run AutoML, split or shuffle data with the
    /// context's generator, or are marked), computed once
    /// per type and only for the few types that have an unseeded context in a field or handed to a method.
    /// Members of nested types belong to the nested type, as they did with the former symbol-start action.
    /// </summary>
    private sealed class TrainingTypes
    {
        private readonly TrainingMembers _training;
        private readonly ConcurrentDictionary<ISymbol, ImmutableHashSet<ISymbol>> _methods = new(SymbolEqualityComparer.Default);

        public TrainingTypes(TrainingMembers training) => _training = training;

        public ImmutableHashSet<ISymbol> TrainingMethods(INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken) =>
            _methods.GetOrAdd(type.OriginalDefinition, key => Compute((INamedTypeSymbol)key, model, cancellationToken));

        private ImmutableHashSet<ISymbol> Compute(INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
        {
            var methods = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(cancellationToken);
                // A partial type's other parts live in other trees: those need their own semantic model (rare).
#pragma warning disable RS1030 // Only for parts of a partial type declared in another file, once per such type.
                var treeModel = declaration.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
                foreach (var invocation in declaration.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var name = SyntaxNames.Invoked(invocation);
                    if ((TrainingMembers.IsTrainingName(name) || TrainingMembers.IsRandomSplitName(name))
                        && TrainingMembers.EnclosingMember(invocation) is { } member
                        && (member.Parent == declaration || member == declaration) // the unit itself: top-level statements of Program
                        && (_training.Trains(member, treeModel, cancellationToken) || _training.SplitsRandomly(member, treeModel, cancellationToken))
                        && TrainingMembers.MemberSymbol(member, treeModel, cancellationToken) is { } symbol)
                    {
                        methods.Add(symbol.OriginalDefinition);
                    }
                }
            }

            return methods.ToImmutable();
        }
    }
}
