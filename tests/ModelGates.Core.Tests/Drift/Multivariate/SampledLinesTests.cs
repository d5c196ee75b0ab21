using System.Globalization;
using System.Text;
using ModelGates.Data;
using ModelGates.Drift.Multivariate;
using ModelGates.Inputs;
using ModelGates.Statistics;
using ModelGates.Testing;

namespace ModelGates.Tests.Drift.Multivariate;

/// <summary>The sample drawn from a directly read file's lines must be the sample DuckDB's table gives, value for value.</summary>
public sealed class SampledLinesTests
{
    private static readonly (string Name, bool Numeric)[] Columns = [("n", true), ("i", true), ("t", false), ("b", false), ("m", true)];

    [Theory]
    [InlineData("\n", true, 1UL)]
    [InlineData("\r\n", true, 2UL)]
    [InlineData("\n", false, 3UL)]
    public void The_lines_sample_equals_the_tables_sample(string newline, bool finalNewline, ulong seed)
    {
        using var dir = new TempDirectory();
        var path = Write(dir.File("data.csv"), 5000, newline, finalNewline, seed);
        using var pipeline = new InputPipeline();
        var input = pipeline.ReadColumns(new DatasetSource(path));
        Assert.NotNull(input.Direct);

        var lines = SampledLines.TryDraw(input.Direct, Columns, 700, seed);
        var table = SampledRows.Draw(input.Engine, input.Table, Columns, 700, seed);

        Assert.NotNull(lines);
        Assert.Equal(5000, lines.TotalRows);
        Assert.Equal(table.TotalRows, lines.TotalRows);
        Assert.Equal(table.Count, lines.Count);
        Assert.Equal(700, lines.Count);
        for (var c = 0; c < Columns.Length; c++)
        {
            Assert.Equal(table.Columns[c].Name, lines.Columns[c].Name);
            if (Columns[c].Numeric)
            {
                Assert.Equal(table.Columns[c].Numbers!, lines.Columns[c].Numbers!);
            }
            else
            {
                Assert.Equal(table.Columns[c].Texts!, lines.Columns[c].Texts!);
            }
        }

        // The sample holds missing values of every kind, so the comparison above covered them.
        Assert.Contains(lines.Columns[0].Numbers!, double.IsNaN);
        Assert.Contains(lines.Columns[2].Texts!, t => t is null);
        Assert.Contains(lines.Columns[3].Texts!, t => t is null);
    }

    [Fact]
    public void A_file_changed_after_the_read_is_declined_and_the_table_is_sampled_instead()
    {
        using var dir = new TempDirectory();
        var path = Write(dir.File("data.csv"), 3000, "\n", true, 5);
        using var pipeline = new InputPipeline();
        var input = pipeline.ReadColumns(new DatasetSource(path));
        Assert.NotNull(input.Direct);
        File.AppendAllText(path, "1,2,x,true,3\n");

        Assert.Null(SampledLines.TryDraw(input.Direct, Columns, 500, 1));
    }

    // Columns: n a fraction (some missing), i an integer, t text (some missing, one with a non-ASCII letter), b a boolean (some missing), m a number.
    private static string Write(string path, int rows, string newline, bool finalNewline, ulong seed)
    {
        var random = new SeededRandom(seed);
        var text = new StringBuilder("n,i,t,b,m" + newline);
        string[] words = ["alpha", "beta", "gamma", "délta"];
        for (var r = 0; r < rows; r++)
        {
            var n = random.NextDouble() < 0.1 ? string.Empty : (random.NextGaussian() * 1000).ToString("R", CultureInfo.InvariantCulture);
            var t = random.NextDouble() < 0.1 ? string.Empty : words[random.NextInt64(words.Length)];
            var b = random.NextDouble() < 0.1 ? string.Empty : random.NextDouble() < 0.5 ? "true" : "false";
            text.Append(CultureInfo.InvariantCulture, $"{n},{random.NextInt64(100000) - 50000},{t},{b},{random.NextDouble():R}");
            if (r < rows - 1 || finalNewline)
            {
                text.Append(newline);
            }
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }
}
