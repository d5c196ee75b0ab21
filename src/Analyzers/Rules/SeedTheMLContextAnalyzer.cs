using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGates.Analyzers.Infrastructure;

namespace ModelGates.Analyzers.Rules;

/// <summary>
/// MG1001: an <c>MLContext</c> used for training is created without a seed (ML.NET: "Set to null for a
/// non-deterministic environment"), or with a seed taken from the clock or an unseeded generator that is not
/// recorded anywhere. Contexts used only to load and score a model are left alone: predictions do not
/// depend on the seed.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SeedTheMLContextAnalyzer : MlNetAnalyzer
{
    internal static readonly DiagnosticDescriptor Descriptor = Rule(
        RuleIdentifiers.SeedTheMLContext,
        "Seed the MLContext used for training",
        "MLContext {0}, so each run trains a different model; pass a constant seed, for example new MLContext(seed: 0)",
        DiagnosticSeverity.Warning,
        "MLContext is the source of randomness for shuffling, splitting, sampling and trainer initialization. Without a fixed seed the same code and data train a different model on every run.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

    private protected override void Register(CompilationStartAnalysisContext context, MlNetSymbols symbols, TrainingCodeMarkers markers)
    {
        context.RegisterSymbolStartAction(
            typeStart =>
            {
                var type = new TypeState();
                typeStart.RegisterCodeBlockAction(block => AnalyzeBlock(block, symbols, markers, type));
                typeStart.RegisterSymbolEndAction(typeEnd => type.ReportDeferred(typeEnd, markers));
            },
            SymbolKind.NamedType);
    }

    private static void AnalyzeBlock(CodeBlockAnalysisContext block, MlNetSymbols symbols, TrainingCodeMarkers markers, TypeState type)
    {
        var tokens = BlockTokens.Scan(block.CodeBlock);
        var mayCreate = tokens.MLContext || tokens.ImplicitNew;
        if ((!mayCreate && !tokens.TrainingCall && !TrainingBlock.IsMarked(block, markers)) || TrainingBlock.Bind(block) is not { } root)
        {
            return;
        }

        var trains = TrainingBlock.Trains(block, root, tokens, symbols, markers);
        if (trains)
        {
            type.AddTrainingMethod(block.OwningSymbol);
        }

        if (!mayCreate)
        {
            return;
        }

        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is not IObjectCreationOperation creation || !symbols.IsMLContextCreation(creation) || Describe(creation, symbols, out var addSeed) is not { } problem)
            {
                continue;
            }

            var properties = addSeed ? ImmutableDictionary<string, string?>.Empty.Add(WellKnownNames.AddSeedProperty, "true") : ImmutableDictionary<string, string?>.Empty;
            var diagnostic = Diagnostic.Create(Descriptor, creation.Syntax.GetLocation(), properties, problem);
            if (trains)
            {
                block.ReportDiagnostic(diagnostic);
            }
            else if (creation.IsStoredInMember())
            {
                // Shared by the type's members: it matters when the type trains anywhere.
                type.AddMemberCandidate(diagnostic, creation.Syntax.SyntaxTree);
            }
            else if (creation.AssignedLocal() is { } local)
            {
                // Created here, trained with elsewhere: matters when passed to a training method of this type.
                type.AddLocalCandidate(diagnostic, MethodsReceiving(local, root));
            }
        }
    }

    private static ImmutableArray<ISymbol> MethodsReceiving(ILocalSymbol local, IOperation root)
    {
        var targets = ImmutableArray.CreateBuilder<ISymbol>();
        {
            foreach (var invocation in root.DescendantsAndSelf().OfType<IInvocationOperation>())
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Value.WithoutConversions() is ILocalReferenceOperation reference
                        && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    {
                        targets.Add(invocation.TargetMethod.OriginalDefinition);
                    }
                }
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

    /// <summary>What one type learns while its members are analyzed; decided once the type is complete.</summary>
    private sealed class TypeState
    {
        private readonly ConcurrentDictionary<ISymbol, byte> _trainingMethods = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentQueue<(Diagnostic Diagnostic, SyntaxTree Tree)> _memberCandidates = new();
        private readonly ConcurrentQueue<(Diagnostic Diagnostic, ImmutableArray<ISymbol> Targets)> _localCandidates = new();

        public void AddTrainingMethod(ISymbol method) => _trainingMethods.TryAdd(method.OriginalDefinition, 0);

        public void AddMemberCandidate(Diagnostic diagnostic, SyntaxTree tree) => _memberCandidates.Enqueue((diagnostic, tree));

        public void AddLocalCandidate(Diagnostic diagnostic, ImmutableArray<ISymbol> targets) => _localCandidates.Enqueue((diagnostic, targets));

        public void ReportDeferred(SymbolAnalysisContext context, TrainingCodeMarkers markers)
        {
            foreach (var (diagnostic, tree) in _memberCandidates)
            {
                if (!_trainingMethods.IsEmpty || markers.IsMarked(context.Symbol, tree))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }

            foreach (var (diagnostic, targets) in _localCandidates)
            {
                if (targets.Any(target => _trainingMethods.ContainsKey(target)))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }
}
