using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Inputs;
using ModelGates.Profiles;
using ModelGates.Testing;

namespace ModelGates.Tests.Data;

/// <summary>
/// One bad record never changes a column's kind: a column of numbers with a few values that are not numbers
/// stays numbers, and the records holding them are unparsed rows with their lines (issue 15, defect b).
/// </summary>
public sealed class StrayValueTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void An_unterminated_quote_in_one_record_leaves_the_column_numeric_and_is_reported_with_its_line()
    {
        var path = Credit(119, line: 51, amount: "\"750");
        using var engine = new DataEngine();

        var dataset = DatasetLoader.Load(engine, new DatasetSource(path));

        Assert.Equal("BIGINT", dataset.Find("amount")!.SqlType);
        Assert.Equal(118, dataset.Rows);
        var row = Assert.Single(dataset.Unparsed.Examples);
        Assert.Equal(51, row.Line);
        Assert.Equal(50, row.Record);
        Assert.Contains("'amount'", row.Reason, StringComparison.Ordinal);
        Assert.Contains("\"750", row.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_of_it_stops_with_MG2001_at_the_line_and_within_the_tolerance_is_numeric_with_MG2013()
    {
        var path = Credit(119, line: 51, amount: "\"750");
        using var pipeline = new InputPipeline();

        var error = Assert.Throws<ModelGatesException>(() => pipeline.Profile(new DatasetSource(path)));
        Assert.Equal(("MG2001", 51, ExitCodes.CheckFailed), (error.Diagnostics[0].Code, error.Diagnostics[0].Line, error.ExitCode));

        var (profile, tolerated) = pipeline.Profile(new DatasetSource(path) { MaxUnparsedRows = 1 });
        Assert.Equal(ColumnKind.Numeric, profile.Find("amount")!.Kind);
        Assert.Equal(1, profile.UnparsedRows);
        Assert.Equal("MG2013", tolerated!.Code);
    }

    [Fact]
    public void A_stray_word_past_the_sniffer_s_sample_is_a_bad_record_not_a_text_column()
    {
        var path = Credit(5000, line: 4800, amount: "N/A");
        using var pipeline = new InputPipeline();

        var input = pipeline.ReadColumns(new DatasetSource(path) { MaxUnparsedRows = 1 });

        Assert.False(input.ReadDirectly);
        Assert.Equal(ColumnKind.Numeric, input.Columns.Single(c => c.Name == "amount").TypeKind);
        Assert.Equal("MG2013", input.Unparsed!.Code);
        Assert.Equal(4800, input.Unparsed.Line);
    }

    [Fact]
    public void The_direct_reader_leaves_numbers_with_strays_to_the_table_path_and_both_agree()
    {
        var path = Credit(3000, line: 20, amount: "unknown");
        using var pipeline = new InputPipeline();

        Assert.Null(ModelGates.Data.Direct.DirectCsvReader.TryRead(pipeline.Engine, new DatasetSource(path)));
        var input = pipeline.ReadColumns(new DatasetSource(path));
        Assert.Equal("BIGINT", input.Columns.Single(c => c.Name == "amount").SqlType);
        Assert.Equal(("MG2001", 20), (input.Unparsed!.Code, input.Unparsed.Line));
    }

    [Fact]
    public void A_declared_text_column_or_many_words_keep_the_column_text()
    {
        var declared = Credit(119, line: 51, amount: "\"750");
        var wordy = Credit(1000, line: 51, amount: "abc", alsoAt: 60);
        using var engine = new DataEngine();

        var kept = DatasetLoader.Load(engine, new DatasetSource(declared) { Csv = new CsvOptions { ColumnTypes = new Dictionary<string, string> { ["amount"] = "VARCHAR" } } });
        var text = DatasetLoader.Load(engine, new DatasetSource(wordy));

        Assert.Equal(("VARCHAR", 0L), (kept.Find("amount")!.SqlType, kept.Unparsed.Count));
        Assert.Equal(("VARCHAR", 0L), (text.Find("amount")!.SqlType, text.Unparsed.Count));
    }

    [Theory]
    [InlineData(119, 1, true)]
    [InlineData(1000, 1, true)]
    [InlineData(1000, 2, false)]
    [InlineData(5000, 5, true)]
    [InlineData(5000, 6, false)]
    [InlineData(20, 1, false)]
    [InlineData(21, 1, true)]
    [InlineData(500, 0, false)]
    public void At_most_one_value_in_a_thousand_strays_beside_at_least_twenty_numbers(long nonMissing, long strays, bool numbers) =>
        Assert.Equal(numbers, DatasetLoader.IsNumbersWithStrays(nonMissing, strays));

    /// <summary>A small credit-like CSV whose <c>amount</c> holds <paramref name="amount"/> at file line <paramref name="line"/> (and <paramref name="alsoAt"/>).</summary>
    private string Credit(int rows, int line, string amount, int? alsoAt = null)
    {
        var lines = new List<string> { "id,home,amount" };
        for (var i = 1; i <= rows; i++)
        {
            var at = i + 1;
            var value = at == line || at == alsoAt ? amount : (500 + (i * 37 % 900)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines.Add($"{i},{(i % 3 == 0 ? "rent" : "owner")},{value}");
        }

        return dir.Write($"credit-{rows}-{line}.csv", string.Join("\n", lines) + "\n");
    }
}
