using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelGates.Testing;

namespace ModelGates.Xunit.Tests;

/// <summary>
/// The C# on docs/xunit.md is compiled as written, using lines included, and run: every block compiles on its own
/// with only its usings and the SDK's implicit ones, and its code is a piece of DocumentationSnippets.cs.
/// </summary>
public sealed class DocumentationTests
{
    /// <summary>The global usings of an SDK project with ImplicitUsings enabled (what <c>dotnet new xunit</c> creates), and nothing else.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly string Page = File.ReadAllText(RepoPaths.Combine("docs", "xunit.md"));
    private static readonly string Snippets = Normalize(File.ReadAllText(RepoPaths.Combine("tests", "ModelGates.Xunit.Tests", "DocumentationSnippets.cs")));

    [Fact]
    public void Every_csharp_block_of_the_page_is_in_the_compiled_snippets()
    {
        var blocks = MarkdownBlocks.Of(Page, "csharp");

        Assert.True(blocks.Count >= 6, $"docs/xunit.md has {blocks.Count} csharp blocks");
        var missing = blocks.Where(b => !Snippets.Contains(Normalize(WithoutUsings(b)), StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "These csharp blocks of docs/xunit.md are not in DocumentationSnippets.cs (copy them there so they compile and run):\n\n" + string.Join("\n----\n", missing));
    }

    [Fact]
    public void Every_csharp_block_compiles_on_its_own_with_its_using_lines()
    {
        // Each block is its own file, so its usings serve it alone; the blocks share one compilation because one
        // refers to a type another declares (CreditRiskBehaviour uses the CreditRiskModel fixture).
        var blocks = MarkdownBlocks.Of(Page, "csharp");
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12);
        var trees = blocks.Select((block, i) => CSharpSyntaxTree.ParseText(block, options, path: $"xunit.md block {i + 1}"))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, options, path: "ImplicitUsings.cs"))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "XunitDocumentationSnippets",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "docs/xunit.md snippets do not compile as written:\n" + string.Join("\n", errors.Select(Describe)));

        // Every block names its usings: none leans on a using of another block or of the test project.
        Assert.All(blocks, block => Assert.StartsWith("using ", block, StringComparison.Ordinal));
    }

    [Fact]
    public void The_page_covers_every_public_entry_point_of_the_package()
    {
        string[] names =
        [
            "ModelGatesData", "GateCase", "DataAssert.Satisfies", "DriftAssert.NoDrift", "ModelAssert.Meets", "ModelAssert.NoRegression",
            "RegressionAllowance.Drop", "RegressionAllowance.RelativeDrop", "RequireSignificantRegression", "EvaluationData", "ModelFixture",
            "WriteTo", "Behaviour.Invariance", "Behaviour.Directional", "Behaviour.MinimumFunctionality", "Perturbation.Set", "Perturbation.Multiply",
            "BehaviourCase.Class", "BehaviourCase.Range", "Snapshot.Match", "TextSnapshot.Match", "SnapshotTolerance", "MODELGATES_ACCEPT_SNAPSHOTS",
            "modelgates accept --snapshots",
        ];

        Assert.Equal(Array.Empty<string>(), names.Where(n => !Page.Contains(n, StringComparison.Ordinal)).ToArray());
    }

    private static string Describe(Diagnostic error)
    {
        var start = error.Location.GetLineSpan().StartLinePosition;
        return $"{error.Location.SourceTree?.FilePath}({start.Line + 1},{start.Character + 1}): {error.Id} {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>The framework's assemblies and every managed assembly of the test output (ModelGates.Xunit, xunit, ML.NET).</summary>
    private static readonly Lazy<List<MetadataReference>> References = new(() =>
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.GetFiles(framework, "*.dll")
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(IsManagedAssembly)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    });

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>The block without its leading using lines: DocumentationSnippets.cs holds them once, at its top.</summary>
    private static string WithoutUsings(string block) =>
        string.Join("\n", block.ReplaceLineEndings("\n").Split('\n').SkipWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Trim().Length == 0));

    /// <summary>Lines trimmed, blank lines dropped: indentation and spacing between members do not matter.</summary>
    private static string Normalize(string code) =>
        string.Join("\n", code.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
