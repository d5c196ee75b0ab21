using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelGates.Analyzers.Infrastructure;

namespace ModelGates.Analyzers.Rules;

/// <summary>
/// MG1004: a trainer whose results differ between runs even when the MLContext is seeded, because it
/// trains on several threads without the settings that make it deterministic:
/// SDCA and SGD without <c>NumberOfThreads = 1</c> ("Determinism is not guaranteed"), LightGBM on several
/// threads without <c>Deterministic = true</c>, or with it but without <c>ForceColumnWise</c>/<c>ForceRowWise</c>.
/// FastTree, FastForest and GAM are left alone: their seed defaults to a constant.
/// </summary>
internal sealed class UseDeterministicTrainerSettingsRule : MlNetRule
{
    internal static readonly DiagnosticDescriptor Descriptor = Rule(
        RuleIdentifiers.UseDeterministicTrainerSettings,
        "Configure the trainer for reproducible results",
        "{0} gives a different model on each run even with a seeded MLContext; {1}",
        DiagnosticSeverity.Warning,
        "ML.NET documents SDCA and SGD as not deterministic with more than one thread (the default on machines with 4 or more cores), and LightGBM needs its Deterministic option (with a forced histogram layout) to give stable results across threads.");

    private const string SingleThreadAdvice = "set NumberOfThreads = 1 in its options (ML.NET: with more threads 'determinism is not guaranteed')";
    private const string LightGbmAdvice = "set Deterministic = true and ForceColumnWise = true in its options (or NumberOfThreads = 1)";
    private const string LightGbmLayoutAdvice = "with Deterministic = true also set ForceColumnWise = true or ForceRowWise = true (LightGBM picks the layout by timing otherwise)";

    public UseDeterministicTrainerSettingsRule()
        : base(Descriptor)
    {
    }

    public override void Register(RuleChecks checks)
    {
        var symbols = checks.Symbols;
        if (symbols.SdcaOptionsBase is null && symbols.SgdOptionsBase is null && symbols.LightGbmOptionsBase is null)
        {
            return;
        }

        // Syntax first: only calls named like the catalog methods and creations of types named Options (or
        // target-typed) are bound, instead of a callback for every call and `new` of the compilation.
        checks.OnInvocation(
            node =>
            {
                var invocation = (InvocationExpressionSyntax)node.Node;
                var name = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    _ => null,
                };
                // The options overload passed `new ...Options { }` is left to the creation's own check.
                if (name is "Sdca" or "SdcaLogisticRegression" or "SdcaNonCalibrated" or "SdcaMaximumEntropy" or "SgdCalibrated" or "SgdNonCalibrated" or "LightGbm"
                    && !(invocation.ArgumentList.Arguments.Count == 1 && invocation.ArgumentList.Arguments[0].Expression is BaseObjectCreationExpressionSyntax)
                    && node.SemanticModel.GetSymbolInfo(invocation, node.CancellationToken).Symbol is IMethodSymbol method)
                {
                    AnalyzeCatalogCall(method, invocation, symbols, node.ReportDiagnostic);
                }
            });
        checks.OnObjectCreation(
            node =>
            {
                if (IsOptionsCandidate((BaseObjectCreationExpressionSyntax)node.Node)
                    && node.SemanticModel.GetOperation(node.Node, node.CancellationToken) is IObjectCreationOperation operation)
                {
                    AnalyzeOptions(operation, symbols, node.ReportDiagnostic);
                }
            });
    }

    /// <summary>
    /// Decided from syntax where it can be, so correct code is never bound: `FastTreeBinaryTrainer.Options` is no
    /// candidate, and `Sdca...Options { NumberOfThreads = 1 }` passed straight to a call is already fine.
    /// </summary>
    private static bool IsOptionsCandidate(BaseObjectCreationExpressionSyntax creation)
    {
        string? trainer = null;
        // `SdcaLogisticRegressionBinaryTrainer.Options o = new()` is read like `new SdcaLogisticRegressionBinaryTrainer.Options()`,
        // and `object gate = new()` is no candidate at all; a `new()` whose type only binding can tell still is.
        if (SyntaxNames.CreatedType(creation) is { } type)
        {
            if (SyntaxNames.Rightmost(type) != "Options")
            {
                return false;
            }

            trainer = type is QualifiedNameSyntax { Left: var left } ? SyntaxNames.Rightmost(left) : null;
            if (trainer is not null && trainer.IndexOf("Sdca", StringComparison.Ordinal) < 0 && trainer.IndexOf("Sgd", StringComparison.Ordinal) < 0 && trainer.IndexOf("LightGbm", StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        if (trainer is null || creation.Parent is not ArgumentSyntax || creation.Initializer is not { } initializer)
        {
            return true;
        }

        bool Sets(string member, SyntaxKind kind, string? text = null) => initializer.Expressions.Any(expression =>
            expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name, Right: LiteralExpressionSyntax value }
            && name.Identifier.ValueText == member && value.IsKind(kind) && (text is null || value.Token.ValueText == text));

        var oneThread = Sets(WellKnownNames.NumberOfThreads, SyntaxKind.NumericLiteralExpression, "1");
        return trainer.IndexOf("LightGbm", StringComparison.Ordinal) >= 0
            ? !(oneThread || (Sets(WellKnownNames.Deterministic, SyntaxKind.TrueLiteralExpression)
                && (Sets(WellKnownNames.ForceColumnWise, SyntaxKind.TrueLiteralExpression) || Sets(WellKnownNames.ForceRowWise, SyntaxKind.TrueLiteralExpression))))
            : !oneThread;
    }

    /// <summary>The catalog overloads without an options parameter: they always use the default thread count.</summary>
    private static void AnalyzeCatalogCall(IMethodSymbol method, InvocationExpressionSyntax invocation, MlNetSymbols symbols, Action<Diagnostic> report)
    {
        // The catalog methods are extension methods: their parameters are read off the declared (static) form.
        method = method.ReducedFrom ?? method;
        var family = CatalogFamily(method, symbols);
        if (family is null || method.Parameters.Any(parameter => FamilyOf(parameter.Type, symbols) is not null || parameter.Type.Name == "Stream"))
        {
            return;
        }

        var advice = family == "LightGbm" ? LightGbmAdvice : SingleThreadAdvice;
        report(Diagnostic.Create(Descriptor, invocation.GetLocation(), method.Name + "(...)", advice));
    }

    private static void AnalyzeOptions(IObjectCreationOperation creation, MlNetSymbols symbols, Action<Diagnostic> report)
    {
        var family = FamilyOf(creation.Type, symbols);
        if (family is null || OptionsInitializer.TryRead(creation) is not { } options)
        {
            return;
        }

        var threads = options[WellKnownNames.NumberOfThreads];
        if (threads.Is(1) || threads.Kind == MemberValueKind.Unknown)
        {
            return;
        }

        string? advice;
        bool fixable;
        if (family == "LightGbm")
        {
            var deterministic = options[WellKnownNames.Deterministic];
            var columnWise = options[WellKnownNames.ForceColumnWise];
            var rowWise = options[WellKnownNames.ForceRowWise];
            if (deterministic.Kind == MemberValueKind.Unknown || columnWise.Kind == MemberValueKind.Unknown || rowWise.Kind == MemberValueKind.Unknown
                || (deterministic.Is(true) && (columnWise.Is(true) || rowWise.Is(true))))
            {
                return;
            }

            advice = deterministic.Is(true) ? LightGbmLayoutAdvice : LightGbmAdvice;
            fixable = IsEditableInInitializer(deterministic) && IsEditableInInitializer(columnWise) && IsEditableInInitializer(rowWise);
        }
        else
        {
            advice = SingleThreadAdvice;
            fixable = IsEditableInInitializer(threads);
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(WellKnownNames.FamilyProperty, fixable ? family : null);
        var name = creation.Type is { ContainingType: { } trainer } ? trainer.Name + "." + creation.Type.Name : creation.Type?.Name ?? "The trainer";
        report(Diagnostic.Create(Descriptor, creation.Syntax.GetLocation(), properties, name, advice));
    }

    private static bool IsEditableInInitializer(MemberValue value) => value.Kind == MemberValueKind.Unset || value.InInitializer;

    private static string? CatalogFamily(IMethodSymbol method, MlNetSymbols symbols)
    {
        var type = method.ContainingType;
        if (SymbolEqualityComparer.Default.Equals(type, symbols.LightGbmExtensions) && method.Name == "LightGbm")
        {
            return "LightGbm";
        }

        if (!SymbolEqualityComparer.Default.Equals(type, symbols.StandardTrainersCatalog))
        {
            return null;
        }

        return method.Name switch
        {
            "Sdca" or "SdcaLogisticRegression" or "SdcaNonCalibrated" or "SdcaMaximumEntropy" => "Sdca",
            "SgdCalibrated" or "SgdNonCalibrated" => "Sgd",
            _ => null,
        };
    }

    private static string? FamilyOf(ITypeSymbol? type, MlNetSymbols symbols)
    {
        if (symbols.SdcaOptionsBase is not null && MlNetSymbols.DerivesFrom(type, symbols.SdcaOptionsBase))
        {
            return "Sdca";
        }

        if (symbols.SgdOptionsBase is not null && MlNetSymbols.DerivesFrom(type, symbols.SgdOptionsBase))
        {
            return "Sgd";
        }

        return symbols.LightGbmOptionsBase is not null && MlNetSymbols.DerivesFrom(type, symbols.LightGbmOptionsBase) ? "LightGbm" : null;
    }
}
