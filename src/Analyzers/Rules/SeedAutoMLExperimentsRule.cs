using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGates.Analyzers.Infrastructure;

namespace ModelGates.Analyzers.Rules;

/// <summary>
/// MG1006: an AutoML experiment whose seed is provably missing. AutoML takes its seed from
/// <c>AutoMLExperimentSettings.Seed</c>, else from the MLContext; the rule fires when neither is set:
/// the settings carry no <c>Seed</c> and the context the experiment is created from is visibly unseeded.
/// AutoML is matched by metadata name, so the analyzer never references Microsoft.ML.AutoML.
/// </summary>
internal sealed class SeedAutoMLExperimentsRule : MlNetRule
{
    internal static readonly DiagnosticDescriptor Descriptor = Rule(
        RuleIdentifiers.SeedAutoMLExperiments,
        "Seed AutoML experiments",
        "This AutoML experiment has no seed (its MLContext is created without one and no AutoMLExperimentSettings.Seed is set), so each run tries different pipelines; seed the MLContext or set AutoMLExperimentSettings.Seed",
        DiagnosticSeverity.Warning,
        "AutoML samples hyperparameters and splits data with a generator seeded from AutoMLExperimentSettings.Seed or, when that is null, from the MLContext's seed.");

    public SeedAutoMLExperimentsRule()
        : base(Descriptor)
    {
    }

    public override void Register(RuleChecks checks)
    {
        var symbols = checks.Symbols;
        if (symbols.AutoCatalog is null && symbols.AutoMLExperiment is null)
        {
            return;
        }

        // Syntax first: only calls named Create...Experiment and creations of AutoMLExperiment are bound.
        checks.OnInvocation(
            node =>
            {
                var syntax = (InvocationExpressionSyntax)node.Node;
                var name = SyntaxNames.Invoked(syntax);
                if (name is null || !name.StartsWith("Create", StringComparison.Ordinal) || !name.EndsWith("Experiment", StringComparison.Ordinal)
                    || node.SemanticModel.GetOperation(syntax, node.CancellationToken) is not IInvocationOperation invocation
                    || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.AutoCatalog)
                    || invocation.Instance is null)
                {
                    return;
                }

                Report(node, ContextOfCatalog(invocation.Instance), invocation.Arguments.ArgumentFor("settings"), symbols);
            });
        checks.OnObjectCreation(
            node =>
            {
                if (SyntaxNames.MayCreate(node.Node, "AutoMLExperiment")
                    && node.SemanticModel.GetOperation(node.Node, node.CancellationToken) is IObjectCreationOperation creation
                    && SymbolEqualityComparer.Default.Equals(creation.Type, symbols.AutoMLExperiment) && creation.Arguments.Length == 2)
                {
                    Report(node, creation.Arguments[0].Value, creation.Arguments[1], symbols);
                }
            });
    }

    private static void Report(SyntaxNodeAnalysisContext context, IOperation? mlContext, IArgumentOperation? settings, MlNetSymbols symbols)
    {
        if (mlContext is not null && !SettingsMaySeed(settings, symbols) && IsVisiblyUnseeded(mlContext, symbols))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, context.Node.GetLocation()));
        }
    }

    /// <summary>The context behind <c>ctx.Auto()</c> (directly, or through a local holding the catalog).</summary>
    private static IOperation? ContextOfCatalog(IOperation catalog)
    {
        var value = catalog.WithoutConversions();
        if (value is ILocalReferenceOperation local && SingleValueOf(local.Local, value.Root()) is { } assigned)
        {
            value = assigned.WithoutConversions();
        }

        return value is IInvocationOperation { TargetMethod.Name: "Auto", Arguments.Length: 1 } auto ? auto.Arguments[0].Value : null;
    }

    /// <summary>True unless the settings are visibly created without a Seed (or not passed at all).</summary>
    private static bool SettingsMaySeed(IArgumentOperation? settings, MlNetSymbols symbols)
    {
        if (settings is null || settings.Value.IsNullConstant())
        {
            return false;
        }

        var value = settings.Value.WithoutConversions();
        if (value is ILocalReferenceOperation local && SingleValueOf(local.Local, value.Root()) is { } assigned)
        {
            value = assigned.WithoutConversions();
        }

        if (value is not IObjectCreationOperation creation)
        {
            // Only the settings types that carry no Seed (the task experiments' settings) are known not to seed.
            return SymbolEqualityComparer.Default.Equals(value.Type, symbols.AutoMLExperimentSettings);
        }

        if (!SymbolEqualityComparer.Default.Equals(creation.Type, symbols.AutoMLExperimentSettings))
        {
            return false;
        }

        var options = OptionsInitializer.TryRead(creation);
        var seed = options?[WellKnownNames.Seed] ?? new MemberValue(MemberValueKind.Unknown, null, inInitializer: false);
        return seed.Kind == MemberValueKind.Unknown || (seed.Kind == MemberValueKind.Constant && seed.Constant is not null);
    }

    private static bool IsVisiblyUnseeded(IOperation mlContext, MlNetSymbols symbols)
    {
        var value = mlContext.WithoutConversions();
        switch (value)
        {
            case IObjectCreationOperation creation:
                return IsUnseededCreation(creation, symbols);
            case ILocalReferenceOperation local:
                return SingleValueOf(local.Local, value.Root()) is IObjectCreationOperation assigned && IsUnseededCreation(assigned, symbols);
            case IFieldReferenceOperation field:
                return MemberInitializer(field.Field, value.SemanticModel) is { } fieldValue && IsUnseededCreation(fieldValue, symbols);
            case IPropertyReferenceOperation property:
                return MemberInitializer(property.Property, value.SemanticModel) is { } propertyValue && IsUnseededCreation(propertyValue, symbols);
            default:
                return false;
        }
    }

    private static bool IsUnseededCreation(IObjectCreationOperation creation, MlNetSymbols symbols) =>
        symbols.IsMLContextCreation(creation) && creation.Arguments.ArgumentFor(WellKnownNames.SeedParameter) is { } seed && seed.Value.IsNullConstant();

    /// <summary>The one value a local ever holds in this method; null when it is assigned more than once.</summary>
    private static IOperation? SingleValueOf(ILocalSymbol local, IOperation root)
    {
        IOperation? value = null;
        var writes = 0;
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) && declarator.Initializer is { } initializer)
            {
                value = initializer.Value;
                writes++;
            }
            else if (operation is IAssignmentOperation { Target: ILocalReferenceOperation target } assignment && SymbolEqualityComparer.Default.Equals(target.Local, local))
            {
                value = assignment.Value;
                writes++;
            }
        }

        return writes == 1 ? value : null;
    }

    /// <summary>
    /// The initializer of a field or auto-property declared in this syntax tree, when no assignment to it
    /// appears in its type (a constructor could otherwise replace it with a seeded context).
    /// </summary>
    private static IObjectCreationOperation? MemberInitializer(ISymbol member, SemanticModel? model)
    {
        if (model is null || member.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var declaration = member.DeclaringSyntaxReferences[0].GetSyntax();
        if (declaration.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var initializer = declaration switch
        {
            VariableDeclaratorSyntax variable => variable.Initializer?.Value,
            PropertyDeclarationSyntax property => property.Initializer?.Value,
            _ => null,
        };
        var type = declaration.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (initializer is null || type is null || IsAssignedIn(type, member.Name))
        {
            return null;
        }

        return model.GetOperation(initializer)?.WithoutConversions() as IObjectCreationOperation;
    }

    private static bool IsAssignedIn(TypeDeclarationSyntax type, string name) =>
        type.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(assignment => assignment.Left switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == name,
            _ => false,
        });
}
