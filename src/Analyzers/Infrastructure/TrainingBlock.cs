using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGates.Analyzers.Infrastructure;

/// <summary>
/// Whether one operation block (a method body, with its lambdas and local functions) is training code:
/// it calls <c>Fit</c> on an estimator (or cross-validates, or runs AutoML), or it is marked as such.
/// Known only at the block's end, so rules collect candidates and decide in their block-end action.
/// </summary>
internal sealed class TrainingBlock
{
    private readonly bool _marked;
    private int _trains;

    private TrainingBlock(bool marked) => _marked = marked;

    public bool Trains => _marked || Volatile.Read(ref _trains) == 1;

    public static TrainingBlock Start(OperationBlockStartAnalysisContext context, MlNetSymbols symbols, TrainingCodeMarkers markers)
    {
        var tree = context.OperationBlocks.IsEmpty ? null : context.OperationBlocks[0].Syntax.SyntaxTree;
        var block = new TrainingBlock(tree is not null && markers.IsMarked(context.OwningSymbol, tree));
        context.RegisterOperationAction(
            invocation =>
            {
                if (symbols.IsTrainingInvocation((IInvocationOperation)invocation.Operation))
                {
                    Volatile.Write(ref block._trains, 1);
                }
            },
            OperationKind.Invocation);
        return block;
    }
}
