using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGates.Analyzers.Infrastructure;

/// <summary>
/// What one code block (a method with its lambdas and local functions, a field initializer, top-level
/// statements) mentions, from one pass over its tokens. Rules bind a block and look at its operations only
/// when its tokens can matter: the other blocks of a large project are never bound by these analyzers.
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

    public static BlockTokens Scan(SyntaxNode block)
    {
        bool trainingCall = false, mlContext = false, implicitNew = false, randomness = false, save = false;
        {
            foreach (var token in block.DescendantTokens())
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
/// Whether a code block is training code: it calls <c>Fit</c> on an estimator (or cross-validates, or runs
/// AutoML), or it is marked as training code. Code block actions (not operation block actions) are used so
/// that blocks without interesting tokens are never bound.
/// </summary>
internal static class TrainingBlock
{
    public static bool IsMarked(CodeBlockAnalysisContext context, TrainingCodeMarkers markers) =>
        markers.IsMarked(context.OwningSymbol, context.CodeBlock.SyntaxTree);

    /// <summary>The block's operation tree (binding it); null when it has none.</summary>
    public static IOperation? Bind(CodeBlockAnalysisContext context)
    {
        var model = context.SemanticModel;
        var node = context.CodeBlock switch
        {
            // Field and property initializers: the operation hangs off the initializer, not the declaration.
            VariableDeclaratorSyntax { Initializer: { } initializer } => initializer,
            PropertyDeclarationSyntax { Initializer: { } initializer } => initializer,
            FieldDeclarationSyntax { Declaration.Variables: { Count: 1 } variables } when variables[0].Initializer is { } initializer => initializer,
            _ => context.CodeBlock,
        };
        return model.GetOperation(node, context.CancellationToken);
    }

    public static bool CallsTraining(IOperation root, MlNetSymbols symbols)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation invocation && symbols.IsTrainingInvocation(invocation))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Trains(CodeBlockAnalysisContext context, IOperation root, BlockTokens tokens, MlNetSymbols symbols, TrainingCodeMarkers markers) =>
        (tokens.TrainingCall && CallsTraining(root, symbols)) || IsMarked(context, markers);
}
