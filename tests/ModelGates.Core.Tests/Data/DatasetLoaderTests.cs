using System.Globalization;
using System.Text;
using ModelGates.Data;
using ModelGates.Testing;

namespace ModelGates.Tests.Data;

public sealed class DatasetLoaderTests
{
    [Fact]
    public void Sniffs_delimiter_header_and_types()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("semi.csv", "id;price;name\n1;2.5;a\n2;3.5;b\n");
        using var engine = new DataEngine();

        var data = DatasetLoader.Load(engine, new DatasetSource(path));

        Assert.Equal(2, data.Rows);
        Assert.Equal(["id", "price", "name"], data.Columns.Select(c => c.Name));
        Assert.Equal(ColumnKind.Numeric, data.Find("id")!.TypeKind);
        Assert.Equal("DOUBLE", data.Find("price")!.SqlType);
    }

    [Fact]
    public void Sniffing_leaves_the_engine_s_thread_count_as_it_was_even_when_it_fails()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("semi.csv", "id;price\n1;2.5\n");
        using var engine = new DataEngine();
        var before = engine.Scalar("SELECT current_setting('threads')");

        var dialect = DatasetLoader.SniffDialect(engine, new DatasetSource(path), path);
        var afterSniff = engine.Scalar("SELECT current_setting('threads')");
        var missing = DatasetLoader.SniffDialect(engine, new DatasetSource(path), dir.File("missing.csv"));

        Assert.Equal(";", dialect!.Delimiter);
        Assert.Null(missing);
        Assert.Equal(before, afterSniff);
        Assert.Equal(before, engine.Scalar("SELECT current_setting('threads')"));
    }

    [Fact]
    public void Explicit_options_override_the_sniffer()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("odd.txt", "1|NA|'x|y'\n2|5|z\n");
        using var engine = new DataEngine();

        var data = DatasetLoader.Load(engine, new DatasetSource(path)
        {
            Format = DataFormat.Csv,
            Csv = new CsvOptions
            {
                Delimiter = "|",
                Header = false,
                Quote = "'",
                NullStrings = ["NA"],
                ColumnTypes = new Dictionary<string, string> { ["column0"] = "VARCHAR" },
            },
        });

        Assert.Equal(2, data.Rows);
        Assert.Equal("VARCHAR", data.Columns[0].SqlType);
        Assert.Equal(1L, Convert.ToInt64(engine.Scalar($"SELECT count(*) FROM {data.Table} WHERE column1 IS NULL"), CultureInfo.InvariantCulture));
        Assert.Equal("x|y", engine.Scalar($"SELECT column2 FROM {data.Table} ORDER BY rowid LIMIT 1"));
    }

    [Fact]
    public void Reads_tsv_gzip_parquet_and_json_lines()
    {
        using var dir = new TempDirectory();
        var tsv = dir.Write("a.tsv", "x\ty\n1\tp\n2\tq\n");
        var gz = dir.File("a.csv.gz");
        using (var file = File.Create(gz))
        using (var zip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            zip.Write(Encoding.UTF8.GetBytes("x,y\n1,p\n2,q\n3,r\n"));
        }

        var jsonl = dir.Write("a.jsonl", "{\"x\": 1, \"y\": \"p\"}\n{\"x\": 2, \"y\": \"q\"}\n");
        var parquet = dir.File("a.parquet");
        using var engine = new DataEngine();
        engine.Execute($"COPY (SELECT range AS x, 'v' || range AS y FROM range(5)) TO {SqlText.Literal(parquet)} (FORMAT parquet)");

        Assert.Equal(2, DatasetLoader.Load(engine, new DatasetSource(tsv)).Rows);
        Assert.Equal(3, DatasetLoader.Load(engine, new DatasetSource(gz)).Rows);
        Assert.Equal(2, DatasetLoader.Load(engine, new DatasetSource(jsonl)).Rows);
        var p = DatasetLoader.Load(engine, new DatasetSource(parquet));
        Assert.Equal(5, p.Rows);
        Assert.Equal(DataFormat.Parquet, p.Format);
    }

    [Fact]
    public void Unparseable_records_are_counted_with_file_line_and_reason()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bad.csv", "a,b\n1,2\n3,4,5\n6,7\n8\n");
        using var engine = new DataEngine();

        var data = DatasetLoader.Load(engine, new DatasetSource(path));

        Assert.Equal(2, data.Rows);
        Assert.Equal(2, data.Unparsed.Count);
        Assert.Equal([3L, 5L], data.Unparsed.Examples.Select(e => e.Line));
        Assert.Equal([2L, 4L], data.Unparsed.Examples.Select(e => e.Record));
        Assert.Contains("Expected Number of Columns", data.Unparsed.Examples[0].Reason, StringComparison.Ordinal);
        Assert.Equal("3,4,5", data.Unparsed.Examples[0].Text);
    }

    [Fact]
    public void Row_locator_counts_rejected_records_before_a_row()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bad.csv", "a,b\n1,2\n3,4,5\n6,7\n");
        using var engine = new DataEngine();

        var data = DatasetLoader.Load(engine, new DatasetSource(path));
        var second = data.Locator.Example(1, "6");

        Assert.Equal(3, second.Row);
        Assert.Equal(4, second.Line);
    }

    [Fact]
    public void A_late_word_in_a_column_of_numbers_is_a_bad_record_not_a_text_column()
    {
        var data = LoadLate(words: 1);

        Assert.Equal(30_000, data.Rows);
        Assert.Equal(1, data.Unparsed.Count);
        Assert.Equal(30_002, data.Unparsed.Examples[0].Line);
        Assert.Contains("'n/a'", data.Unparsed.Examples[0].Reason, StringComparison.Ordinal);
        Assert.Equal("BIGINT", data.Columns[0].SqlType);
    }

    [Fact]
    public void Sniffed_type_too_narrow_for_many_late_words_is_widened_to_text_not_rejected()
    {
        var data = LoadLate(words: 40);

        Assert.Equal(30_040, data.Rows);
        Assert.Equal(0, data.Unparsed.Count);
        Assert.Equal("VARCHAR", data.Columns[0].SqlType);
    }

    /// <summary>30,000 whole numbers, then <paramref name="words"/> lines of "n/a", past DuckDB's sniffing sample.</summary>
    private static LoadedDataset LoadLate(int words)
    {
        using var dir = new TempDirectory();
        var text = new StringBuilder("n\n");
        for (var i = 0; i < 30_000; i++)
        {
            text.Append(i).Append('\n');
        }

        text.Append(string.Concat(Enumerable.Repeat("n/a\n", words)));
        var path = dir.Write("late.csv", text.ToString());
        using var engine = new DataEngine();
        var data = DatasetLoader.Load(engine, new DatasetSource(path));
        return data;
    }

    [Fact]
    public void Declared_type_failures_are_real_rejects()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("typed.csv", "n\n1\nx\n3\n");
        using var engine = new DataEngine();

        var data = DatasetLoader.Load(engine, new DatasetSource(path) { Csv = new CsvOptions { ColumnTypes = new Dictionary<string, string> { ["n"] = "BIGINT" } } });

        Assert.Equal(2, data.Rows);
        Assert.Equal(1, data.Unparsed.Count);
        Assert.Equal(3, data.Unparsed.Examples[0].Line);
    }

    [Fact]
    public void Glob_reads_files_in_ordinal_order_and_locates_rows_per_file()
    {
        using var dir = new TempDirectory();
        dir.Write(Path.Combine("parts", "b.csv"), "k\n3\n4\n");
        dir.Write(Path.Combine("parts", "a.csv"), "k\n1\n2\n");
        using var engine = new DataEngine();

        var data = DatasetLoader.Load(engine, new DatasetSource(Path.Combine(dir.Path, "parts", "*.csv")));

        Assert.Equal(4, data.Rows);
        Assert.Equal(["a.csv", "b.csv"], data.Files.Select(f => Path.GetFileName(f.Path)));
        var third = data.Locator.Example(2, "3");
        Assert.Equal(1, third.Row);
        Assert.EndsWith("b.csv", third.File, StringComparison.Ordinal);
        Assert.DoesNotContain(data.Columns, c => c.Name == DatasetLoader.FileColumn);
    }
}

public sealed class IntegerColumnTests
{
    [Fact]
    public void A_late_fraction_in_a_sniffed_integer_column_is_kept_not_rounded()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("late.csv", "n\n" + string.Concat(Enumerable.Range(0, 30_000).Select(i => i + "\n")) + "2.5\n");
        using var engine = new DataEngine();

        var data = DatasetLoader.Load(engine, new DatasetSource(path));

        Assert.Equal("DOUBLE", data.Columns[0].SqlType);
        Assert.Equal(2.5, Convert.ToDouble(engine.Scalar($"SELECT n FROM {data.Table} ORDER BY rowid DESC LIMIT 1"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Whole_numbers_stay_integers()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("ints.csv", "n,m\n1,9007199254740993\n2,5\n");
        using var engine = new DataEngine();

        var data = DatasetLoader.Load(engine, new DatasetSource(path));

        Assert.Equal("BIGINT", data.Columns[0].SqlType);
    }

    [Fact]
    public void A_fraction_in_a_declared_integer_column_is_an_unparsed_row_with_its_line()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("declared.csv", "n,s\n1,a\n2.5,b\n3,c\n4,d,extra\n5,e\n");
        using var engine = new DataEngine();

        var data = DatasetLoader.Load(engine, new DatasetSource(path) { Csv = new CsvOptions { ColumnTypes = new Dictionary<string, string> { ["n"] = "BIGINT" } } });

        Assert.Equal(3, data.Rows);
        Assert.Equal("BIGINT", data.Find("n")!.SqlType);
        Assert.Equal([3L, 5L], data.Unparsed.Examples.Select(e => e.Line));
        Assert.Equal(6, data.Locator.Example(2, "5").Line);
    }
}
