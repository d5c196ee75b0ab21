namespace ModelGates.Xunit.Tests;

public sealed class SourceFileLocatorTests
{
    [Theory]
    [InlineData("/_/tests/A/B.cs", "tests/A/B.cs")]
    [InlineData("/_1/src/C.cs", "src/C.cs")]
    public void Deterministic_source_roots_are_recognised(string mapped, string relative)
    {
        Assert.True(SourceFileLocator.IsMapped(mapped, out var rest));
        Assert.Equal(relative.Replace('/', Path.DirectorySeparatorChar), rest);
    }

    [Theory]
    [InlineData("/home/me/tests/B.cs")]
    [InlineData("/_x/tests/B.cs")]
    [InlineData("/_/")]
    public void Ordinary_paths_are_not_mapped(string path) => Assert.False(SourceFileLocator.IsMapped(path, out _));

    [Fact]
    public void A_mapped_test_file_resolves_to_the_file_beside_the_test_project()
    {
        var resolved = SourceFileLocator.Resolve("/_/tests/ModelGates.Xunit.Tests/SourceFileLocatorTests.cs", typeof(SourceFileLocatorTests).Assembly);

        Assert.True(File.Exists(resolved), resolved);
        Assert.EndsWith(Path.Combine("tests", "ModelGates.Xunit.Tests", "SourceFileLocatorTests.cs"), resolved, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_paths_of_a_mapped_test_file_land_next_to_the_real_test()
    {
        var (approved, _) = TextSnapshot.PathsFor("/_/tests/ModelGates.Xunit.Tests/ReportSnapshotTests.cs", "Sample_html_report", "html");

        Assert.True(File.Exists(approved), approved);
    }

    [Fact]
    public void An_unresolvable_path_is_returned_unchanged_so_the_failure_names_it()
    {
        const string Missing = "/_/no/such/folder/Tests.cs";

        Assert.Equal(Missing, SourceFileLocator.Resolve(Missing));
    }
}
