using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelGates.Analyzers.CodeFixes;

/// <summary>
/// Finds, for a <c>Model.Save(model, ...)</c> call, the data the model was fitted on, and builds
/// <c>data.Schema</c> when that data is a local or parameter in scope at the call.
/// </summary>
internal static class TrainingDataSchema
{
    public static ExpressionSyntax? For(SemanticModel model, InvocationExpressionSyntax save, CancellationToken cancellationToken)
    {
        if (save.ArgumentList.Arguments.Count == 0)
        {
            return null;
        }

        var body = save.Ancestors().FirstOrDefault(node => node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax);
        if (body is null)
        {
            return null;
        }

        var fits = body.DescendantNodes()
            .OfType<InvocationExpressionSyntax>()
            .Where(invocation => invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Fit" } && invocation.ArgumentList.Arguments.Count == 1)
            .ToList();
        var fit = FitProducing(model, save.ArgumentList.Arguments[0].Expression, fits, cancellationToken) ?? (fits.Count == 1 ? fits[0] : null);
        var data = fit?.ArgumentList.Arguments[0].Expression;
        if (data is null || !IsInScope(model, data, save.SpanStart, cancellationToken) || !IsDataView(model.GetTypeInfo(data, cancellationToken).Type))
        {
            return null;
        }

        return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, data.WithoutTrivia(), SyntaxFactory.IdentifierName("Schema"));
    }

    /// <summary>The <c>Fit</c> whose result the saved model local was assigned from.</summary>
    private static InvocationExpressionSyntax? FitProducing(SemanticModel model, ExpressionSyntax savedModel, List<InvocationExpressionSyntax> fits, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(savedModel, cancellationToken).Symbol is not ILocalSymbol local)
        {
            return null;
        }

        foreach (var fit in fits)
        {
            var target = fit.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator, cancellationToken),
                AssignmentExpressionSyntax assignment when assignment.Right == fit => model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol,
                _ => null,
            };
            if (SymbolEqualityComparer.Default.Equals(target, local))
            {
                return fit;
            }
        }

        return null;
    }

    /// <summary>Only plain names (<c>trainData</c>, <c>split.TrainSet</c>) rooted in a local or parameter visible at the call.</summary>
    private static bool IsInScope(SemanticModel model, ExpressionSyntax data, int position, CancellationToken cancellationToken)
    {
        var root = data;
        while (root is MemberAccessExpressionSyntax access)
        {
            root = access.Expression;
        }

        if (root is not IdentifierNameSyntax identifier)
        {
            return false;
        }

        var symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
        return symbol is ILocalSymbol or IParameterSymbol
            && model.LookupSymbols(position, name: identifier.Identifier.ValueText).Contains(symbol, SymbolEqualityComparer.Default);
    }

    private static bool IsDataView(ITypeSymbol? type) =>
        type is not null
        && (type.ToDisplayString() == WellKnownNames.IDataView || type.AllInterfaces.Any(candidate => candidate.ToDisplayString() == WellKnownNames.IDataView));
}
