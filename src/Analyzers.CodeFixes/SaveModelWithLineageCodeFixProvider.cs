using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelGates.Analyzers.CodeFixes;

/// <summary>
/// MG1003: turns <c>ctx.Model.Save(model, schema, path)</c> into <c>ModelLineage.Save(ctx, model, schema, path)</c>.
/// Offered only when ModelGates.Lineage is referenced and the call is the file-path overload.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SaveModelWithLineageCodeFixProvider)), Shared]
public sealed class SaveModelWithLineageCodeFixProvider : CodeFixProvider
{
    private const string Title = "Save with ModelLineage.Save";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.SaveModelWithLineage);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var lineage = model?.Compilation.GetTypeByMetadataName(WellKnownNames.ModelLineage);
        if (root is not CompilationUnitSyntax unit || model is null || lineage is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax save
                || Rewrite(model, save, lineage, context.CancellationToken) is not { } replacement)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, _ => Task.FromResult(context.Document.WithSyntaxRoot(WithLineageImport(unit.ReplaceNode(save, replacement), model, save.SpanStart, lineage))), Title),
                diagnostic);
        }
    }

    private static ExpressionSyntax? Rewrite(SemanticModel model, InvocationExpressionSyntax save, INamedTypeSymbol lineage, CancellationToken cancellationToken)
    {
        // ctx.Model.Save(...): the context is the receiver of the Model catalog.
        if (save.Expression is not MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Model" } catalog }
            || model.GetSymbolInfo(save, cancellationToken).Symbol is not IMethodSymbol { Parameters.Length: 3 } method
            || method.Parameters[1].Name != "inputSchema"
            || method.Parameters[2].Type.SpecialType != SpecialType.System_String
            || save.ArgumentList.Arguments.Count != 3
            || save.ArgumentList.Arguments.Any(argument => argument.NameColon is not null))
        {
            return null;
        }

        var arguments = save.ArgumentList.Arguments;
        var schema = arguments[1].Expression;
        if (schema.IsKind(SyntaxKind.NullLiteralExpression) || schema.IsKind(SyntaxKind.DefaultLiteralExpression))
        {
            // ModelLineage.Save requires the schema: only fixable when the training data is in scope.
            if (TrainingDataSchema.For(model, save, cancellationToken) is not { } found)
            {
                return null;
            }

            schema = found.WithTriviaFrom(schema);
        }

        var lineageName = SyntaxFactory.IdentifierName(lineage.Name);
        var newArguments = SyntaxFactory.SeparatedList(new[]
        {
            SyntaxFactory.Argument(catalog.Expression.WithoutTrivia()),
            arguments[0],
            arguments[1].WithExpression(schema),
            arguments[2],
        });
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, lineageName, SyntaxFactory.IdentifierName("Save")),
                save.ArgumentList.WithArguments(newArguments))
            .WithTriviaFrom(save);
    }

    private static bool IsInScope(SemanticModel model, int position, INamedTypeSymbol lineage) =>
        model.LookupNamespacesAndTypes(position, name: lineage.Name).Contains(lineage, SymbolEqualityComparer.Default);

    /// <summary>Adds <c>using ModelGates.Lineage;</c> unless <c>ModelLineage</c> already binds at the call.</summary>
    private static SyntaxNode WithLineageImport(CompilationUnitSyntax unit, SemanticModel model, int position, INamedTypeSymbol lineage)
    {
        if (IsInScope(model, position, lineage))
        {
            return unit;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(WellKnownNames.ModelLineageNamespace))
            .WithTrailingTrivia(SyntaxFactory.ElasticLineFeed);
        var usings = unit.Usings;
        var index = usings.Count;
        for (var i = 0; i < usings.Count; i++)
        {
            // System directives stay first (dotnet_sort_system_directives_first); the rest is ordinal.
            var name = usings[i].Name?.ToString() ?? string.Empty;
            if (usings[i].Alias is null && usings[i].StaticKeyword.IsKind(SyntaxKind.None)
                && name != "System" && !name.StartsWith("System.", StringComparison.Ordinal)
                && string.CompareOrdinal(name, WellKnownNames.ModelLineageNamespace) > 0)
            {
                index = i;
                break;
            }
        }

        return unit.WithUsings(usings.Insert(index, directive));
    }
}
