using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelGates.Analyzers.CodeFixes;

/// <summary>MG1001: adds <c>seed: 0</c> to <c>new MLContext()</c>, or replaces a <c>null</c> seed with 0.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SeedTheMLContextCodeFixProvider)), Shared]
public sealed class SeedTheMLContextCodeFixProvider : CodeFixProvider
{
    private const string Title = "Seed the MLContext with 0";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.SeedTheMLContext);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(WellKnownNames.AddSeedProperty)
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(creation, WithSeed(creation)))), Title),
                diagnostic);
        }
    }

    private static BaseObjectCreationExpressionSyntax WithSeed(BaseObjectCreationExpressionSyntax creation)
    {
        var zero = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0));
        var arguments = creation.ArgumentList ?? SyntaxFactory.ArgumentList();
        var nullSeed = arguments.Arguments.FirstOrDefault(argument => argument.Expression.IsKind(SyntaxKind.NullLiteralExpression) || argument.Expression.IsKind(SyntaxKind.DefaultLiteralExpression));
        var fixedArguments = nullSeed is not null
            ? arguments.ReplaceNode(nullSeed.Expression, zero.WithTriviaFrom(nullSeed.Expression))
            : arguments.AddArguments(SyntaxFactory.Argument(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName("seed")), default, zero));
        return creation.WithArgumentList(fixedArguments.WithTrailingTrivia(arguments.GetTrailingTrivia()));
    }
}
