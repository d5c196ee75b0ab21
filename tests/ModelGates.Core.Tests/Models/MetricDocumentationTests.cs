using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Testing;

namespace ModelGates.Tests.Models;

public sealed class MetricDocumentationTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in Enum.GetValues<ModelTask>().SelectMany(MetricRegistry.KnownIds).Distinct())
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_metric_has_a_page_listed_in_the_index(string id)
    {
        // A family's members and pattern share a page: lift@0.1 and lift@<fraction> are lift.md.
        var page = id == MetricRegistry.ClassRecallPattern ? "recall" : id.Split('@')[0];
        var text = File.ReadAllText(RepoPaths.Combine("docs", "metrics", page + ".md"));
        var index = File.ReadAllText(RepoPaths.Combine("docs", "metrics", "README.md"));

        Assert.StartsWith("# " + page, text, StringComparison.Ordinal);
        Assert.Contains($"({page}.md", index, StringComparison.Ordinal);
    }
}
