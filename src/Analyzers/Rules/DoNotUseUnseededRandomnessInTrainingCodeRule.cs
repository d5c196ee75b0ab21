using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGates.Analyzers.Infrastructure;

namespace ModelGates.Analyzers.Rules;

/// <summary>
/// MG1005: in training code, <c>new Random()</c> without a seed and <c>Random.Shared</c> (always), and the
/// clock or <c>Guid.NewGuid()</c> when they feed data preparation (a LINQ or ML.NET call, directly, through
/// a lambda, or through a local). Logging a timestamp is not data preparation and is left alone.
/// </summary>
internal sealed class DoNotUseUnseededRandomnessInTrainingCodeRule : MlNetRule
{
    internal static readonly DiagnosticDescriptor Descriptor = Rule(
        RuleIdentifiers.DoNotUseUnseededRandomnessInTrainingCode,
        "Do not use unseeded randomness in training code",
        "{0} in training code makes the training data differ on every run; {1}",
        DiagnosticSeverity.Warning,
        "Shuffling, sampling or keying training rows with an unseeded generator, the clock or new GUIDs changes the data the model is trained on, so a seeded MLContext no longer reproduces the model.");

    public DoNotUseUnseededRandomnessInTrainingCodeRule()
        : base(Descriptor)
    {
    }

    public override void Register(RuleChecks checks)
    {
        var symbols = checks.Symbols;
        var training = checks.Training;
        checks.OnObjectCreation(
            node =>
            {
                // `new Random(...)`, or a target-typed `new()` that may be one.
                if (SyntaxNames.MayCreate(node.Node, "Random") && Trains(node, training) is { } member
                    && node.SemanticModel.GetOperation(node.Node, node.CancellationToken) is IObjectCreationOperation creation
                    && symbols.Sources.IsUnseededRandomCreation(creation)
                    && !IsInsideSeedOfContextOrRandom(node.Node, member, node.SemanticModel, symbols, node.CancellationToken))
                {
                    var canSeedInPlace = creation.Arguments.Length == 0 && (creation.AssignedLocal() is not null || creation.IsStoredInMember());
                    var properties = canSeedInPlace ? ImmutableDictionary<string, string?>.Empty.Add(WellKnownNames.AddSeedProperty, "true") : ImmutableDictionary<string, string?>.Empty;
                    var what = creation.Arguments.Length == 0 ? "new Random() without a seed" : "new Random seeded from " + symbols.Sources.FindIn(creation.Arguments[0].Value);
                    node.ReportDiagnostic(Diagnostic.Create(Descriptor, node.Node.GetLocation(), properties, what, "pass a constant seed, for example new Random(0)"));
                }
            });
        checks.OnMemberAccess(
            node =>
            {
                var access = (MemberAccessExpressionSyntax)node.Node;
                if (!IsCandidateName(access) || Trains(node, training) is not { } member)
                {
                    return;
                }

                // Guid.NewGuid() is the invocation around the member access; DateTime.Now is the access itself.
                SyntaxNode target = access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access ? invocation : access;
                var operation = node.SemanticModel.GetOperation(target, node.CancellationToken);
                if (operation is null || IsInsideSeedOfContextOrRandom(target, member, node.SemanticModel, symbols, node.CancellationToken))
                {
                    return;
                }

                if (operation is IPropertyReferenceOperation reference && symbols.Sources.IsRandomShared(reference))
                {
                    node.ReportDiagnostic(Diagnostic.Create(Descriptor, target.GetLocation(), "Random.Shared", "create one seeded generator (new Random(seed)) and use it instead"));
                }
                else if (symbols.Sources.DescribeClockOrGuid(operation) is { } source && FeedsData(target, member, node.SemanticModel, depth: 0, node.CancellationToken))
                {
                    node.ReportDiagnostic(Diagnostic.Create(Descriptor, target.GetLocation(), source, "derive the value from the data (a stable key or a recorded cut-off date) instead"));
                }
            });
    }

    private static SyntaxNode? Trains(SyntaxNodeAnalysisContext node, TrainingMembers training) =>
        TrainingMembers.EnclosingMember(node.Node) is { } member && training.Trains(member, node.SemanticModel, node.CancellationToken) ? member : null;

    private static bool IsCandidateName(MemberAccessExpressionSyntax access) =>
        access.Name.Identifier.ValueText is "Shared" or "NewGuid" or "CreateVersion7" or "Now" or "UtcNow" or "Today" or "TickCount" or "TickCount64" or "GetTimestamp"
        || access.Expression is IdentifierNameSyntax { Identifier.ValueText: "RandomNumberGenerator" };

    /// <summary>MG1001 reports a context seeded from the clock; a Random seeded from it is reported as that Random.</summary>
    private static bool IsInsideSeedOfContextOrRandom(SyntaxNode node, SyntaxNode member, SemanticModel model, MlNetSymbols symbols, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor == member)
            {
                return false;
            }

            if (ancestor is BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } creation && arguments.Span.Contains(node.Span)
                && (SyntaxNames.MayCreate(creation, "MLContext") || SyntaxNames.MayCreate(creation, "Random")))
            {
                var type = model.GetTypeInfo(creation, cancellationToken).Type;
                if (SymbolEqualityComparer.Default.Equals(type, symbols.MLContext) || SymbolEqualityComparer.Default.Equals(type, symbols.Sources.Random))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a value reaches a data-preparation call: an argument of a LINQ or ML.NET method, directly or
    /// from inside a lambda passed to one, or through a local later used that way. The first call a value is
    /// handed to decides (logging, formatting and user methods are not followed).
    /// </summary>
    private static bool FeedsData(SyntaxNode node, SyntaxNode member, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        var child = node;
        for (var parent = node.Parent; parent is not null && parent != member; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }:
                    return model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method && IsDataPreparation(method);
                case ArgumentSyntax:
                    return false;
                case AssignmentExpressionSyntax compound when compound.IsKind(SyntaxKind.AddAssignmentExpression) || compound.IsKind(SyntaxKind.SubtractAssignmentExpression):
                    return false; // event handlers and running totals
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when depth == 0:
                    return model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol declared && LocalFeedsData(declared, member, model, cancellationToken);
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment when depth == 0 && assignment.Right == child:
                    return model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol assigned && LocalFeedsData(assigned, member, model, cancellationToken);
            }
        }

        return false;
    }

    private static bool LocalFeedsData(ILocalSymbol local, SyntaxNode member, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var identifier in member.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local)
                && FeedsData(identifier, member, model, depth: 1, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDataPreparation(IMethodSymbol method)
    {
        var name = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return name == "System.Linq" || name == "Microsoft.ML" || name.StartsWith("Microsoft.ML.", StringComparison.Ordinal);
    }
}
