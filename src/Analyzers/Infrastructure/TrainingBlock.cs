using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGates.Analyzers.Infrastructure;

/// <summary>
/// What one operation block (a method body with its lambdas and local functions, a field initializer,
/// top-level statements) mentions, from one pass over its tokens. Rules look at the operations of a block
/// only when its tokens can matter: most blocks of a large project are skipped without binding anything.
/// </summary>
internal readonly struct BlockTokens
{
    private BlockTokens(bool trainingCall, bool mlContext, bool implicitNew, bool randomness, bool save)
    {
        TrainingCall = trainingCall;
        MLContext = mlContext;
        ImplicitNew = implicitNew;
        Randomness = randomness;
        Save = save;
    }

    /// <summary>An identifier named like a training call: Fit, CrossValidate*, Execute, Run, RunAsync.</summary>
    public bool TrainingCall { get; }

    public bool MLContext { get; }

    /// <summary>A target-typed <c>new()</c>, whose type only binding can tell.</summary>
    public bool ImplicitNew { get; }

    /// <summary>An identifier naming a generator or the clock: Random, Shared, NewGuid, Now, UtcNow, TickCount...</summary>
    public bool Randomness { get; }

    public bool Save { get; }

    public static BlockTokens Scan(ImmutableArray<IOperation> blocks)
    {
        bool trainingCall = false, mlContext = false, implicitNew = false, randomness = false, save = false;
        foreach (var block in blocks)
        {
            foreach (var token in block.Syntax.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.NewKeyword))
                {
                    implicitNew |= token.Parent is ImplicitObjectCreationExpressionSyntax;
                    continue;
                }

                if (!token.IsKind(SyntaxKind.IdentifierToken))
                {
                    continue;
                }

                switch (token.ValueText)
                {
                    case "Fit" or "CrossValidate" or "CrossValidateNonCalibrated" or "Execute" or "Run" or "RunAsync":
                        trainingCall = true;
                        break;
                    case "MLContext":
                        mlContext = true;
                        break;
                    case "Random" or "Shared" or "NewGuid" or "CreateVersion7" or "Now" or "UtcNow" or "Today" or "TickCount" or "TickCount64" or "GetTimestamp" or "RandomNumberGenerator":
                        randomness = true;
                        break;
                    case "Save":
                        save = true;
                        break;
                }
            }
        }

        return new BlockTokens(trainingCall, mlContext, implicitNew, randomness, save);
    }
}

/// <summary>
/// Whether an operation block is training code: it calls <c>Fit</c> on an estimator (or cross-validates,
/// or runs AutoML), or it is marked as training code.
/// </summary>
internal static class TrainingBlock
{
    public static bool IsMarked(OperationBlockAnalysisContext context, TrainingCodeMarkers markers) =>
        !context.OperationBlocks.IsEmpty && markers.IsMarked(context.OwningSymbol, context.OperationBlocks[0].Syntax.SyntaxTree);

    /// <summary>Walks the block's operations; only worth it when <see cref="BlockTokens.TrainingCall"/> is set.</summary>
    public static bool CallsTraining(ImmutableArray<IOperation> blocks, MlNetSymbols symbols)
    {
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && symbols.IsTrainingInvocation(invocation))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool Trains(OperationBlockAnalysisContext context, BlockTokens tokens, MlNetSymbols symbols, TrainingCodeMarkers markers) =>
        (tokens.TrainingCall && CallsTraining(context.OperationBlocks, symbols)) || IsMarked(context, markers);

    public static IEnumerable<IOperation> Operations(ImmutableArray<IOperation> blocks) => blocks.SelectMany(block => block.DescendantsAndSelf());
}
