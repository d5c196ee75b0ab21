using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ModelGates.Analyzers.CodeFixes;

/// <summary>
/// MG1004: in the trainer's options initializer, sets <c>NumberOfThreads = 1</c> (SDCA, SGD) or
/// <c>Deterministic = true</c> and <c>ForceColumnWise = true</c> (LightGBM). Not offered for the catalog
/// overloads without options, nor when the options are changed by later statements.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDeterministicTrainerSettingsCodeFixProvider)), Shared]
public sealed class UseDeterministicTrainerSettingsCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UseDeterministicTrainerSettings);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(WellKnownNames.FamilyProperty, out var family) || family is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation)
            {
                continue;
            }

            var lightGbm = family == "LightGbm";
            var title = lightGbm ? "Set Deterministic = true and ForceColumnWise = true" : "Set NumberOfThreads = 1";
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(creation, Fix(creation, lightGbm)))), title),
                diagnostic);
        }
    }

    private static BaseObjectCreationExpressionSyntax Fix(BaseObjectCreationExpressionSyntax creation, bool lightGbm)
    {
        var initializer = creation.Initializer ?? SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression);
        if (lightGbm)
        {
            initializer = Set(initializer, "Deterministic", SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));
            if (!IsTrue(initializer, "ForceColumnWise") && !IsTrue(initializer, "ForceRowWise"))
            {
                initializer = Set(initializer, "ForceColumnWise", SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));
            }
        }
        else
        {
            initializer = Set(initializer, "NumberOfThreads", SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1)));
        }

        if (creation.Initializer is null)
        {
            // new Options() => new Options { ... } on one line.
            var withoutParens = creation is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0 } explicitType
                ? explicitType.WithArgumentList(null).WithType(explicitType.Type.WithTrailingTrivia(SyntaxFactory.Space))
                : creation.WithTrailingTrivia(SyntaxFactory.Space);
            return withoutParens.WithInitializer(initializer.WithAdditionalAnnotations(Formatter.Annotation)).WithTrailingTrivia(creation.GetTrailingTrivia());
        }

        return creation.WithInitializer(initializer);
    }

    private static bool IsTrue(InitializerExpressionSyntax initializer, string member) =>
        initializer.Expressions.Any(expression => expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name, Right: var value }
            && name.Identifier.ValueText == member && value.IsKind(SyntaxKind.TrueLiteralExpression));

    private static InitializerExpressionSyntax Set(InitializerExpressionSyntax initializer, string member, ExpressionSyntax value)
    {
        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment && name.Identifier.ValueText == member)
            {
                return initializer.ReplaceNode(assignment.Right, value.WithTriviaFrom(assignment.Right));
            }
        }

        var assignmentToAdd = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(member), value);
        var expressions = initializer.Expressions;
        if (expressions.Count == 0)
        {
            return initializer
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.Space))
                .WithExpressions(SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignmentToAdd))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space));
        }

        // Same layout as the existing members: on its own line after the last one when they are one per line.
        var last = expressions[expressions.Count - 1];
        var multiline = last.GetTrailingTrivia().Any(SyntaxKind.EndOfLineTrivia) || initializer.OpenBraceToken.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
        var separators = expressions.GetSeparators().ToList();
        var nodes = expressions.ToList();
        var newSeparators = new List<SyntaxToken>(separators);
        var added = assignmentToAdd.WithLeadingTrivia(multiline ? last.GetLeadingTrivia() : SyntaxFactory.TriviaList());
        if (separators.Count == expressions.Count)
        {
            // Trailing comma: the new member goes after it and keeps the trailing-comma style.
            added = added.WithTrailingTrivia(SyntaxFactory.TriviaList());
            newSeparators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separators[separators.Count - 1].TrailingTrivia));
        }
        else
        {
            added = added.WithTrailingTrivia(last.GetTrailingTrivia());
            newSeparators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(multiline ? last.GetTrailingTrivia() : SyntaxFactory.TriviaList(SyntaxFactory.Space)));
            nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
        }

        nodes.Add(added);
        return initializer.WithExpressions(SyntaxFactory.SeparatedList(nodes, newSeparators));
    }
}
