using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelGates.Analyzers.CodeFixes;

/// <summary>MG1002: replaces the <c>null</c> input schema with the schema of the data the model was fitted on.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SaveModelWithInputSchemaCodeFixProvider)), Shared]
public sealed class SaveModelWithInputSchemaCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.SaveModelWithInputSchema);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var argument = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ArgumentSyntax>();
            var save = argument?.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (argument is null || save is null || TrainingDataSchema.For(model, save, context.CancellationToken) is not { } schema)
            {
                continue;
            }

            var title = "Save the model with " + schema;
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, schema.WithTriviaFrom(argument.Expression)))),
                    nameof(SaveModelWithInputSchemaCodeFixProvider)),
                diagnostic);
        }
    }
}
