using System.Text.RegularExpressions;
using ModelGates.Diagnostics;
using ModelGates.Testing;

namespace ModelGates.Tests.Diagnostics;

public sealed class DiagnosticCatalogTests
{
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            data.Add(descriptor.Code);
        }

        return data;
    }

    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches(new Regex("^MG[0-9]{4}$"), code));
        Assert.DoesNotContain(codes, code => code.StartsWith("MG1", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_its_documentation_page(string code)
    {
        var page = RepoPaths.Combine("docs", "diagnostics", code + ".md");
        Assert.True(File.Exists(page), $"{code} has no page at docs/diagnostics/{code}.md");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {code}: {DiagnosticCatalog.Find(code)!.Title}", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_is_listed_in_the_diagnostics_index(string code)
    {
        var index = File.ReadAllText(RepoPaths.Combine("docs", "diagnostics", "README.md"));
        Assert.Contains($"[{code}]({code}.md)", index, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_link_points_at_the_page()
    {
        Assert.Equal(
            "https://github.com/modelgates/modelgates/blob/main/docs/diagnostics/MG2005.md",
            DiagnosticCatalog.MissingShareOverBudget.HelpLink);
    }
}
