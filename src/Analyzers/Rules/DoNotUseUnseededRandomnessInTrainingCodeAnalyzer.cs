using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGates.Analyzers.Infrastructure;

namespace ModelGates.Analyzers.Rules;

/// <summary>
/// MG1005: in training code, <c>new Random()</c> without a seed and <c>Random.Shared</c> (always), and the
/// clock or <c>Guid.NewGuid()</c> when they feed data preparation (a LINQ or ML.NET call, directly, through
/// a lambda, or through a local). Logging a timestamp is not data preparation and is left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotUseUnseededRandomnessInTrainingCodeAnalyzer : MlNetAnalyzer
{
    internal static readonly DiagnosticDescriptor Descriptor = Rule(
        RuleIdentifiers.DoNotUseUnseededRandomnessInTrainingCode,
        "Do not use unseeded randomness in training code",
        "{0} in training code makes the training data differ on every run; {1}",
        DiagnosticSeverity.Warning,
        "Shuffling, sampling or keying training rows with an unseeded generator, the clock or new GUIDs changes the data the model is trained on, so a seeded MLContext no longer reproduces the model.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

    private protected override void Register(CompilationStartAnalysisContext context, MlNetSymbols symbols, TrainingCodeMarkers markers)
    {
        context.RegisterCodeBlockAction(block =>
        {
            var tokens = BlockTokens.Scan(block.CodeBlock);
            if (!tokens.Randomness || TrainingBlock.Bind(block) is not { } root || !TrainingBlock.Trains(block, root, tokens, symbols, markers))
            {
                return;
            }

            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is IObjectCreationOperation or IPropertyReferenceOperation or IInvocationOperation && Inspect(operation, symbols) is { } diagnostic)
                {
                    block.ReportDiagnostic(diagnostic);
                }
            }
        });
    }

    private static Diagnostic? Inspect(IOperation operation, MlNetSymbols symbols)
    {
        // Cheap type and name checks first: this runs for every call, property read and `new` of a training
        // method, and only a match pays for the walks over the parents.
        var sources = symbols.Sources;
        switch (operation)
        {
            case IObjectCreationOperation creation when sources.IsUnseededRandomCreation(creation) && !IsInsideSeedOfContextOrRandom(operation, symbols):
                var canSeedInPlace = creation.Arguments.Length == 0 && (creation.AssignedLocal() is not null || creation.IsStoredInMember());
                var properties = canSeedInPlace ? ImmutableDictionary<string, string?>.Empty.Add(WellKnownNames.AddSeedProperty, "true") : ImmutableDictionary<string, string?>.Empty;
                var what = creation.Arguments.Length == 0 ? "new Random() without a seed" : "new Random seeded from " + sources.FindIn(creation.Arguments[0].Value);
                return Diagnostic.Create(Descriptor, creation.Syntax.GetLocation(), properties, what, "pass a constant seed, for example new Random(0)");
            case IPropertyReferenceOperation reference when sources.IsRandomShared(reference) && !IsInsideSeedOfContextOrRandom(operation, symbols):
                return Diagnostic.Create(Descriptor, reference.Syntax.GetLocation(), "Random.Shared", "create one seeded generator (new Random(seed)) and use it instead");
            default:
                var source = sources.DescribeClockOrGuid(operation);
                return source is not null && !IsInsideSeedOfContextOrRandom(operation, symbols) && FeedsData(operation, depth: 0)
                    ? Diagnostic.Create(Descriptor, operation.Syntax.GetLocation(), source, "derive the value from the data (a stable key or a recorded cut-off date) instead")
                    : null;
        }
    }

    private static bool IsInsideSeedOfContextOrRandom(IOperation operation, MlNetSymbols symbols)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IObjectCreationOperation creation
                && (symbols.IsMLContextCreation(creation) || SymbolEqualityComparer.Default.Equals(creation.Type, symbols.Sources.Random)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a value reaches a data-preparation call: an argument of a LINQ or ML.NET method, directly or
    /// from inside a lambda passed to one, or through a local later used that way.
    /// </summary>
    private static bool FeedsData(IOperation operation, int depth)
    {
        IOperation child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IArgumentOperation { Parent: IInvocationOperation invocation } when IsDataPreparation(invocation.TargetMethod):
                    return true;
                case IArgumentOperation:
                    // Handed to some other method first (logging, formatting, user code): not followed further.
                    return false;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when depth == 0:
                    return LocalFeedsData(declarator.Symbol, operation.Root());
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when depth == 0 && assignment.Value == child:
                    return LocalFeedsData(local.Local, operation.Root());
                case IEventAssignmentOperation:
                    return false;
            }
        }

        return false;
    }

    private static bool LocalFeedsData(ILocalSymbol local, IOperation root)
    {
        foreach (var reference in root.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
        {
            if (SymbolEqualityComparer.Default.Equals(reference.Local, local) && FeedsData(reference, depth: 1))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDataPreparation(IMethodSymbol method)
    {
        var name = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return name == "System.Linq" || name == "Microsoft.ML" || name.StartsWith("Microsoft.ML.", StringComparison.Ordinal);
    }
}
