using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ModelGates.Analyzers.Tests.Infrastructure;

/// <summary>What the analyzed test project references besides the framework.</summary>
internal sealed record TestProject(bool MlNet = true, bool Lineage = false, bool AutoMLStub = false, string? EditorConfig = null, bool Executable = false)
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

/// <summary>Runs one analyzer over a source with <c>[|...|]</c> markup for the expected diagnostics.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task AnalyzerAsync(string source, TestProject? project = null)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        (project ?? TestProject.Default).ApplyTo(test.TestState);
        return test.RunAsync();
    }

    /// <summary>Several files of one project, each with its own markup.</summary>
    public static Task AnalyzerAsync(IEnumerable<string> sources, TestProject? project = null)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
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
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { TestCode = source, FixedCode = fixedSource };
        (project ?? TestProject.Default).ApplyTo(test.TestState);
        (project ?? TestProject.Default).ApplyTo(test.FixedState);
        return test.RunAsync();
    }

    /// <summary>The diagnostics are reported but no code fix is offered.</summary>
    public static Task NoCodeFixAsync<TCodeFix>(string source, TestProject? project = null)
        where TCodeFix : CodeFixProvider, new() => CodeFixAsync<TCodeFix>(source, source, project);
}
