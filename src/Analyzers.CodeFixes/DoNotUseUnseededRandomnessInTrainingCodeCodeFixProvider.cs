using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelGates.Analyzers.CodeFixes;

/// <summary>
/// MG1005: <c>new Random()</c> stored in a variable or field becomes <c>new Random(0)</c>. Not offered inside
/// lambdas or loops, where a fixed seed would repeat the same numbers on every call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DoNotUseUnseededRandomnessInTrainingCodeCodeFixProvider)), Shared]
public sealed class DoNotUseUnseededRandomnessInTrainingCodeCodeFixProvider : CodeFixProvider
{
    private const string Title = "Seed the generator with 0";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.DoNotUseUnseededRandomnessInTrainingCode);

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

            var zero = SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0)));
            var arguments = (creation.ArgumentList ?? SyntaxFactory.ArgumentList()).AddArguments(zero);
            context.RegisterCodeFix(
                CodeAction.Create(Title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(creation, creation.WithArgumentList(arguments)))), Title),
                diagnostic);
        }
    }
}
