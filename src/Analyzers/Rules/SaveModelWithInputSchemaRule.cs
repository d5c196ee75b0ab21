using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelGates.Analyzers.Infrastructure;

namespace ModelGates.Analyzers.Rules;

/// <summary>
/// MG1002: <c>Model.Save(model, null, path)</c> writes a model whose input schema is lost: loading it
/// returns a null schema, so nothing can check that scoring data has the columns the model was trained on.
/// </summary>
internal sealed class SaveModelWithInputSchemaRule : MlNetRule
{
    internal static readonly DiagnosticDescriptor Descriptor = Rule(
        RuleIdentifiers.SaveModelWithInputSchema,
        "Save the model with the schema of its input data",
        "The model is saved without its input schema, so loading it gives no schema to check scoring data against; pass the training data's schema, for example trainData.Schema",
        DiagnosticSeverity.Warning,
        "ModelOperationsCatalog.Save accepts a null input schema, but the saved zip then has no Schema entry and Model.Load returns a null schema.");

    public SaveModelWithInputSchemaRule()
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

        // Only calls named Save with a null or default argument are bound.
        checks.OnInvocation(
            node =>
            {
                var syntax = (InvocationExpressionSyntax)node.Node;
                if (syntax.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Save" }
                    && syntax.ArgumentList.Arguments.Any(argument => argument.Expression.IsKind(SyntaxKind.NullLiteralExpression) || argument.Expression.IsKind(SyntaxKind.DefaultLiteralExpression) || argument.Expression.IsKind(SyntaxKind.DefaultExpression) || argument.Expression.IsKind(SyntaxKind.SuppressNullableWarningExpression))
                    && node.SemanticModel.GetOperation(syntax, node.CancellationToken) is IInvocationOperation invocation
                    && IsModelSave(invocation.TargetMethod, symbols)
                    && invocation.Arguments.ArgumentFor("inputSchema") is { } schema
                    && schema.Value.IsNullConstant())
                {
                    node.ReportDiagnostic(Diagnostic.Create(Descriptor, schema.Value.Syntax.GetLocation()));
                }
            });
    }

    internal static bool IsModelSave(IMethodSymbol method, MlNetSymbols symbols) =>
        method.Name == "Save"
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.ModelOperationsCatalog);
}
