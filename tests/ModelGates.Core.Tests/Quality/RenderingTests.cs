using System.Text;
using System.Text.Json;
using ModelGates.Output;
using ModelGates.Quality;
using ModelGates.Quality.Reports;
using ModelGates.Testing;

namespace ModelGates.Tests.Quality;

/// <summary>The listed rows of a finding are bounded by maxRows in every format; its count is not.</summary>
public sealed class RenderingTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Max_rows_bounds_the_listed_rows_but_not_the_count_and_the_same_run_gives_the_same_bytes()
    {
        var data = directory.Write("d.csv", "a,y\n1,0\n1,0\n1,0\n1,0\n2,1\n");
        var options = new QualityOptions { Label = "y", MaxRows = 1 };

        var report = InjectedCredit.Run(data, options, only: ["duplicates"]);
        var json = JsonWriterExtensions.Build(w =>
        {
            w.WriteStartObject();
            QualityJson.Write(w, report);
            w.WriteEndObject();
        });
        var text = new StringWriter();
        QualityText.WriteText(text, report);
        QualityText.WriteMarkdown(text, report);

        var finding = JsonDocument.Parse(json).RootElement.GetProperty("findings")[0];
        Assert.Equal(3, finding.GetProperty("count").GetInt32());
        Assert.Equal("3", Assert.Single(finding.GetProperty("rows").EnumerateArray().ToList()).GetProperty("key").GetString());
        Assert.Contains("| duplicates | MG2100 | warning |  | 3 | 60% | 3 |", text.ToString(), StringComparison.Ordinal);
        var again = JsonWriterExtensions.Build(w =>
        {
            w.WriteStartObject();
            QualityJson.Write(w, InjectedCredit.Run(data, options, only: ["duplicates"]));
            w.WriteEndObject();
        });
        Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(again));
    }
}
