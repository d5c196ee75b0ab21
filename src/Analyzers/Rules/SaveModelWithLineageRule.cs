using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelGates.Analyzers.Infrastructure;

namespace ModelGates.Analyzers.Rules;

/// <summary>
/// MG1003: the method that trains a model saves it with a plain <c>Model.Save</c>, so the file does not
/// say which seed, data, commit and library versions produced it. <c>ModelLineage.Save</c> (package
/// ModelGates.Lineage) writes the same model plus that record.
/// </summary>
internal sealed class SaveModelWithLineageRule : MlNetRule
{
    internal static readonly DiagnosticDescriptor Descriptor = Rule(
        RuleIdentifiers.SaveModelWithLineage,
        "Save a trained model with its lineage",
        "The model trained here is saved without its lineage (seed, data hashes, commit, versions); save it with ModelLineage.Save from ModelGates.Lineage",
        DiagnosticSeverity.Info,
        "A model file that does not record how it was produced cannot be reproduced or checked for staleness against its training data.");

    public SaveModelWithLineageRule()
        : base(Descriptor)
    {
    }

    public override void Register(RuleChecks checks)
    {
        var symbols = checks.Symbols;
        if (symbols.ModelOperationsCatalog is null)
        {
            return;
        }

        var training = checks.Training;
        checks.OnInvocation(
            node =>
            {
                var invocation = (InvocationExpressionSyntax)node.Node;
                if (SyntaxNames.Invoked(invocation) == "Save"
                    && TrainingMembers.EnclosingMember(invocation) is { } member
                    && training.Trains(member, node.SemanticModel, node.CancellationToken)
                    && node.SemanticModel.GetSymbolInfo(invocation, node.CancellationToken).Symbol is IMethodSymbol save
                    && SaveModelWithInputSchemaRule.IsModelSave(save, symbols))
                {
                    node.ReportDiagnostic(Diagnostic.Create(Descriptor, invocation.GetLocation()));
                }
            });
    }
}
