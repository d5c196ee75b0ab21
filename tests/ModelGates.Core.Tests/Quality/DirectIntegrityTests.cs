using System.Text;
using System.Text.Json;
using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Diagnostics;
using ModelGates.Inputs;
using ModelGates.Quality;
using ModelGates.Quality.Reports;
using ModelGates.Testing;

namespace ModelGates.Tests.Quality;

/// <summary>
/// Duplicates, conflicting labels and leakage over a plain CSV file are read in one pass over its bytes, without a
/// DuckDB table: every result must be the same bytes as the table path gives, and every file the pass cannot read
/// exactly as DuckDB would is declined (and then read through DuckDB, with the same result).
/// </summary>
public sealed class DirectIntegrityTests : IDisposable
{
    private static readonly string[] Integrity = ["duplicates", "conflictingLabels", "leakage"];

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_sample_with_injected_defects_gives_the_same_bytes_read_directly_as_from_a_table()
    {
        var train = InjectedCredit.Train();
        var holdout = InjectedCredit.Holdout();
        holdout.Append(holdout.Line(5));
        holdout.Append(holdout.Line(40));
        holdout.Append(holdout.Flipped(12));
        holdout.Append(train.Line(100));
        holdout.Append(train.Flipped(777));
        var data = holdout.Write(directory, "holdout.csv");
        var reference = train.Write(directory, "train.csv");

        Assert.True(ReadsDirectly(data, "Status"));
        Assert.True(ReadsDirectly(reference, null));
        var (direct, table) = BothWays(data, reference, InjectedCredit.Options());

        Assert.Equal(table, direct);
        Assert.Contains("\"duplicates\"", direct, StringComparison.Ordinal);
        Assert.Contains("\"conflictingLabels\"", direct, StringComparison.Ordinal);
        Assert.Contains("\"leakage\"", direct, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Spaces_empty_fields_unicode_and_line_endings_are_values_as_DuckDB_reads_them(string newLine)
    {
        // " x" and "x" differ, an empty field is missing (equal to another missing one), and the last line has no line feed.
        string[] lines =
        [
            "a,b,c,y",
            "x,1,é,0", "x,1,é,1", " x,1,é,0", "x ,1,é,0", "x,,é,0", "x,,é,1", "x,1,e,0", "x,1,é,0",
            "Ω,2,  ,0", "Ω,2,  ,1", "Ω,2, ,0", "x,1,é,0",
        ];
        var data = directory.Write("data.csv", string.Join(newLine, lines));
        var reference = directory.Write("reference.csv", string.Join(newLine, ["c,y,b,a", "é,1,1,x", "  ,0,2,Ω", "é,1,, x", "é,0,3,x"]) + newLine);

        Assert.True(ReadsDirectly(data, "y"));
        Assert.True(ReadsDirectly(reference, null));
        var (direct, table) = BothWays(data, reference, new QualityOptions { Label = "y", MaxRows = 100 });

        Assert.Equal(table, direct);
        Assert.Contains("\"leakage\"", direct, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tab_separated_file_without_a_label_is_read_directly()
    {
        var data = directory.Write("data.tsv", "a\tb\nx\t1\ny\t2\nx\t1\nx\t2\n");

        Assert.True(ReadsDirectly(data, null));
        var (direct, table) = BothWays(data, null, new QualityOptions { MaxRows = 100 });

        Assert.Equal(table, direct);
        Assert.Contains("\"duplicates\"", direct, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b,y\n\"x,1\",1,0\nx,1,0\n\"x,1\",1,1\n")]
    [InlineData("a,b,y\nx,1,0\nx,1\nx,1,1\n")]
    [InlineData("a,b,y\nx,1,0\n\nx,1,1\nz,2,0\n")]
    [InlineData("a,b,y\nx\r,1,0\nx,1,1\n")]
    public void Files_the_pass_might_read_differently_are_declined_and_read_through_DuckDB(string text)
    {
        var data = directory.Write("odd.csv", text);

        Assert.False(ReadsDirectly(data, "y"));
        var (direct, table) = BothWays(data, null, new QualityOptions { Label = "y", MaxRows = 100 });

        Assert.Equal(table, direct);
    }

    [Fact]
    public void A_reference_read_through_DuckDB_finds_the_same_leaks_in_a_holdout_read_directly()
    {
        // The quoted reference is declined and loaded into a table; its row hashes must still meet the holdout's.
        var data = directory.Write("data.csv", "a,b,y\nx,1,0\nz,2,1\nw,3,0\n");
        var reference = directory.Write("reference.csv", "b,a,y\n1,\"x\",1\n3,w,0\n4,\"q\",1\n");

        Assert.True(ReadsDirectly(data, "y"));
        Assert.False(ReadsDirectly(reference, null));
        var (direct, table) = BothWays(data, reference, new QualityOptions { Label = "y", MaxRows = 100 });

        Assert.Equal(table, direct);
        Assert.Contains("\"leakage\"", direct, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_UTF8_is_declined_so_DuckDB_reports_it()
    {
        var path = directory.File("latin1.csv");
        File.WriteAllBytes(path, [.. "a,y\nx,0\n"u8, 0xE9, .. ",1\n"u8]);

        Assert.False(ReadsDirectly(path, "y"));
    }

    [Theory]
    [InlineData("a,b,y\nx,,0\nz,,1\n", "MG0182")]
    [InlineData("a,b,y\nx,1,0\nz,2,0\n", "MG0181")]
    public void Bad_inputs_are_refused_with_the_same_diagnostic_either_way(string text, string code)
    {
        var data = directory.Write("bad.csv", text);

        var direct = Assert.Throws<DataReadException>(() => Run(data, null, new QualityOptions { Label = "y" }, direct: true));
        var table = Assert.Throws<DataReadException>(() => Run(data, null, new QualityOptions { Label = "y" }, direct: false));

        Assert.Equal(code, direct.Diagnostics[0].Code);
        Assert.Equal(table.Diagnostics[0].ToString(), direct.Diagnostics[0].ToString());
    }

    [Fact]
    public void A_reference_lacking_a_feature_is_refused_either_way()
    {
        var data = directory.Write("data.csv", "a,b,y\nx,1,0\nz,2,1\n");
        var reference = directory.Write("reference.csv", "a,y\nx,0\n");

        var direct = Assert.Throws<DataReadException>(() => Run(data, reference, new QualityOptions { Label = "y" }, direct: true));
        var table = Assert.Throws<DataReadException>(() => Run(data, reference, new QualityOptions { Label = "y" }, direct: false));

        Assert.Equal("MG0187", direct.Diagnostics[0].Code);
        Assert.Equal(table.Diagnostics[0].ToString(), direct.Diagnostics[0].ToString());
    }

    private static bool ReadsDirectly(string path, string? label)
    {
        using var pipeline = new InputPipeline();
        var file = CsvTextFile.TryOpen(pipeline.Engine, new DatasetSource(path) { AllText = true });
        return file is not null && QualityTable.OpenDirect(pipeline.Engine, file, new QualityOptions { Label = label }) is { Direct: not null };
    }

    private (string Direct, string Table) BothWays(string data, string? reference, QualityOptions options) =>
        (Json(Run(data, reference, options, direct: true)), Json(Run(data, reference, options, direct: false)));

    private static QualityReport Run(string data, string? reference, QualityOptions options, bool direct)
    {
        using var pipeline = new InputPipeline();
        return QualityRun.Run(
            pipeline,
            new QualityRequest
            {
                Data = new DatasetSource(data),
                Reference = reference is null ? null : new DatasetSource(reference),
                Options = options,
                Only = Integrity,
                Today = new DateOnly(2026, 12, 1),
            },
            direct);
    }

    private static string Json(QualityReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            QualityJson.Write(writer, report);
            writer.WriteEndObject();
        }

        var text = new StringWriter();
        QualityText.WriteText(text, report);
        return Encoding.UTF8.GetString(stream.ToArray()) + text;
    }
}
