using ModelGates.Testing;

namespace ModelGates.Xunit.Tests;

/// <summary>The C# on docs/xunit.md is compiled and run: every block is a piece of DocumentationSnippets.cs.</summary>
public sealed class DocumentationTests
{
    private static readonly string Page = File.ReadAllText(RepoPaths.Combine("docs", "xunit.md"));
    private static readonly string Snippets = Normalize(File.ReadAllText(RepoPaths.Combine("tests", "ModelGates.Xunit.Tests", "DocumentationSnippets.cs")));

    [Fact]
    public void Every_csharp_block_of_the_page_is_in_the_compiled_snippets()
    {
        var blocks = MarkdownBlocks.Of(Page, "csharp");

        Assert.True(blocks.Count >= 6, $"docs/xunit.md has {blocks.Count} csharp blocks");
        var missing = blocks.Where(b => !Snippets.Contains(Normalize(b), StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "These csharp blocks of docs/xunit.md are not in DocumentationSnippets.cs (copy them there so they compile and run):\n\n" + string.Join("\n----\n", missing));
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

    /// <summary>Lines trimmed, blank lines dropped: indentation and spacing between members do not matter.</summary>
    private static string Normalize(string code) =>
        string.Join("\n", code.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
