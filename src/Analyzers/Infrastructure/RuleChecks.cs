using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelGates.Analyzers.Infrastructure;

/// <summary>
/// The rules' checks for one compilation, grouped by the syntax they look at, and what the rules share in
/// it (the ML.NET symbols, which members train). <see cref="ModelGatesAnalyzer"/> registers one syntax-node
/// action per kind that runs every rule's check for that node, so the compiler dispatches each node once.
/// </summary>
internal sealed class RuleChecks
{
    private readonly List<Action<SyntaxNodeAnalysisContext>> _invocations = new();
    private readonly List<Action<SyntaxNodeAnalysisContext>> _creations = new();
    private readonly List<Action<SyntaxNodeAnalysisContext>> _memberAccesses = new();

    public RuleChecks(MlNetSymbols symbols, TrainingCodeMarkers markers)
    {
        Symbols = symbols;
        // One instance for all rules: whether a member trains is cached once, not once per rule that asks.
        Training = new TrainingMembers(symbols, markers);
    }

    public MlNetSymbols Symbols { get; }

    public TrainingMembers Training { get; }

    /// <summary>A check of every <see cref="SyntaxKind.InvocationExpression"/>.</summary>
    public void OnInvocation(Action<SyntaxNodeAnalysisContext> check) => _invocations.Add(check);

    /// <summary>A check of every object creation, explicit (<c>new T()</c>) or target-typed (<c>new()</c>).</summary>
    public void OnObjectCreation(Action<SyntaxNodeAnalysisContext> check) => _creations.Add(check);

    /// <summary>A check of every <see cref="SyntaxKind.SimpleMemberAccessExpression"/>.</summary>
    public void OnMemberAccess(Action<SyntaxNodeAnalysisContext> check) => _memberAccesses.Add(check);

    public void RegisterWith(CompilationStartAnalysisContext context)
    {
        Register(context, _invocations, SyntaxKind.InvocationExpression);
        Register(context, _creations, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
        Register(context, _memberAccesses, SyntaxKind.SimpleMemberAccessExpression);
    }

    private static void Register(CompilationStartAnalysisContext context, List<Action<SyntaxNodeAnalysisContext>> checks, params SyntaxKind[] kinds)
    {
        switch (checks.Count)
        {
            case 0:
                return;
            case 1:
                context.RegisterSyntaxNodeAction(checks[0], kinds);
                return;
            default:
                var all = checks.ToArray();
                context.RegisterSyntaxNodeAction(
                    node =>
                    {
                        foreach (var check in all)
                        {
                            check(node);
                        }
                    },
                    kinds);
                return;
        }
    }
}
