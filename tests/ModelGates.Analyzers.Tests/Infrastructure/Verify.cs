using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ModelGates.Analyzers.Infrastructure;

namespace ModelGates.Analyzers.Tests.Infrastructure;

/// <summary>What the analyzed test project references besides the framework.</summary>
/// <param name="CompilerErrorsExpected">
/// The code does not compile (a package it uses is not referenced, as when AutoML cannot be restored): the
/// analyzers still run, as in an IDE, and only their diagnostics are compared.
/// </param>
internal sealed record TestProject(bool MlNet = true, bool Lineage = false, bool AutoMLStub = false, string? EditorConfig = null, bool Executable = false, bool CompilerErrorsExpected = false)
{
    public static readonly TestProject Default = new();

    public void ApplyTo(SolutionState state)
    {
        state.ReferenceAssemblies = TestReferences.None;
        state.AdditionalReferences.AddRange(TestReferences.For(MlNet, Lineage));
        if (AutoMLStub)
        {
            state.Sources.Add(("AutoMLStub.cs", AutoMLStubSource.Text));
        }

        if (EditorConfig is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + EditorConfig + "\n"));
        }

        if (Executable)
        {
            state.OutputKind = OutputKind.ConsoleApplication;
        }
    }
}

/// <summary>
/// Runs the package's analyzers over a source with <c>[|...|]</c> markup for the expected diagnostics of one
/// rule. The other rules' ids are disabled as a user would disable them (severity none), so each rule's
/// tests see only that rule while running the analyzer exactly as it ships.
/// </summary>
internal static class Verify<TRule>
    where TRule : MlNetRule, new()
{
    private static readonly DiagnosticDescriptor Rule = new TRule().SupportedDiagnostic;

    private static readonly string[] OtherRules = RuleCatalog.All
        .Select(rule => rule.SupportedDiagnostic.Id)
        .Where(id => id != Rule.Id)
        .ToArray();

    public static Task AnalyzerAsync(string source, TestProject? project = null)
    {
        project ??= TestProject.Default;
        var test = new AnalyzerTest { TestCode = source, CompilerDiagnostics = project.CompilerErrorsExpected ? CompilerDiagnostics.None : CompilerDiagnostics.Errors };
        project.ApplyTo(test.TestState);
        return test.RunAsync();
    }

    /// <summary>Several files of one project, each with its own markup.</summary>
    public static Task AnalyzerAsync(IEnumerable<string> sources, TestProject? project = null)
    {
        var test = new AnalyzerTest();
        var index = 0;
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(($"File{index++}.cs", source));
        }

        (project ?? TestProject.Default).ApplyTo(test.TestState);
        return test.RunAsync();
    }

    /// <summary>Checks the diagnostics, the fix of each, and Fix All in document, project and solution.</summary>
    public static Task CodeFixAsync<TCodeFix>(string source, string fixedSource, TestProject? project = null)
        where TCodeFix : CodeFixProvider, new()
    {
        project ??= TestProject.Default;
        var test = new CodeFixTest<TCodeFix>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CompilerDiagnostics = project.CompilerErrorsExpected ? CompilerDiagnostics.None : CompilerDiagnostics.Errors,
        };
        project.ApplyTo(test.TestState);
        project.ApplyTo(test.FixedState);
        return test.RunAsync();
    }

    /// <summary>The diagnostics are reported but no code fix is offered.</summary>
    public static Task NoCodeFixAsync<TCodeFix>(string source, TestProject? project = null)
        where TCodeFix : CodeFixProvider, new() => CodeFixAsync<TCodeFix>(source, source, project);

    /// <summary>The rule's own diagnostic is what <c>[|...|]</c> markup stands for; the other rules are off.</summary>
    private sealed class AnalyzerTest : CSharpAnalyzerTest<ModelGatesAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest() => DisabledDiagnostics.AddRange(OtherRules);

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => PackageAnalyzers.Create();

        protected override DiagnosticDescriptor GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers) => Rule;
    }

    private sealed class CodeFixTest<TCodeFix> : CSharpCodeFixTest<ModelGatesAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : CodeFixProvider, new()
    {
        public CodeFixTest() => DisabledDiagnostics.AddRange(OtherRules);

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => PackageAnalyzers.Create();

        protected override DiagnosticDescriptor GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers) => Rule;
    }
}
