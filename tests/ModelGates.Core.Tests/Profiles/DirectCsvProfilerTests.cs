using System.Globalization;
using System.IO.Compression;
using System.Text;
using ModelGates.Data;
using ModelGates.Profiles;
using ModelGates.Data.Direct;
using ModelGates.Statistics;
using ModelGates.Testing;

namespace ModelGates.Tests.Profiles;

/// <summary>
/// The direct CSV reader must give the very bytes the DuckDB path gives, or decline. Small split sizes make
/// every file be read in several ranges, so the joins between ranges are exercised too.
/// </summary>
public sealed class DirectCsvProfilerTests
{
    private const long SmallRanges = 1024;

    [Theory]
    [InlineData("\n", true)]
    [InlineData("\r\n", true)]
    [InlineData("\n", false)]
    public void Mixed_data_gives_the_profile_the_engine_gives(string newLine, bool finalNewLine)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("mixed.csv", MixedCsv(4000, seed: 5, newLine, finalNewLine));

        var direct = AssertSameAsEngine(path);

        Assert.Equal(4000, direct.Rows);
        Assert.Equal(["id", "amount", "count", "city", "flag", "note", "temp"], direct.Columns.Select(c => c.Name));
        Assert.Equal("BIGINT", direct.Find("count")!.SqlType);
        Assert.Equal(ColumnKind.Boolean, direct.Find("flag")!.Kind);
        Assert.Equal(ColumnKind.Categorical, direct.Find("city")!.Kind);
        Assert.Equal(ColumnKind.Text, direct.Find("note")!.Kind);
        Assert.False(direct.Find("note")!.Distinct.IsExact);
        Assert.True(direct.Find("amount")!.Missing > 0);
    }

    [Fact]
    public void Many_ranges_of_a_large_file_join_exactly()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("large.csv", MixedCsv(30_000, seed: 9, "\n", finalNewLine: true));

        var direct = AssertSameAsEngine(path, minimumBytesPerRange: 64 * 1024);

        Assert.Equal(30_000, direct.Rows);
    }

    [Fact]
    public void Lines_longer_than_a_read_block_are_read_whole()
    {
        using var dir = new TempDirectory();
        var text = new StringBuilder("n,note\n");
        for (var i = 0; i < 300; i++)
        {
            // Values of 0.3 MB to 1.3 MB, so the read buffer grows more than once within a range.
            var note = i % 100 == 7 ? new string((char)('a' + (i % 26)), 300_000 + (i * 3_000)) : "short" + (i % 5).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{i * 0.5},{note}\n");
        }

        var path = dir.Write("long.csv", text.ToString());

        var direct = AssertSameAsEngine(path, minimumBytesPerRange: 64 * 1024);

        Assert.Equal(300, direct.Rows);
        Assert.Equal(8, direct.Find("note")!.Distinct.Estimate);
    }

    [Fact]
    public void Integer_column_with_a_fraction_past_the_sniffer_sample_becomes_double()
    {
        using var dir = new TempDirectory();
        var text = new StringBuilder("n,m\n");
        for (var i = 0; i < 25_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i % 97},{(i == 24_000 ? "2.5" : (i % 13).ToString(CultureInfo.InvariantCulture))}\n");
        }

        var direct = AssertSameAsEngine(dir.Write("late.csv", text.ToString()), minimumBytesPerRange: 16 * 1024);

        Assert.Equal("BIGINT", direct.Find("n")!.SqlType);
        Assert.Equal("DOUBLE", direct.Find("m")!.SqlType);
    }

    [Fact]
    public void Number_spellings_parse_to_the_doubles_the_engine_reads()
    {
        using var dir = new TempDirectory();
        string[] values =
        [
            "5", ".5", "5.", "1e5", "1E-3", "-.5e-3", "0.1", "0.30000000000000004", "2.2250738585072014e-308",
            "4.9e-324", "1.7976931348623157e308", "9007199254740993", "12345678901234567890123", "0.000000000000000000000000001",
            "123456789.123456789123", "-0", "7e22", "7e23", "1e-22", "3.14159265358979323846264338327950288",
        ];
        var text = "x,k\n" + string.Join(string.Empty, values.Select((v, i) => $"{v},{(i == 3 ? "-0" : i.ToString(CultureInfo.InvariantCulture))}\n"));

        var direct = AssertSameAsEngine(dir.Write("numbers.csv", text));

        Assert.Equal("DOUBLE", direct.Find("x")!.SqlType);
        Assert.Equal(values.Length, direct.Find("x")!.Count);
        Assert.Equal("BIGINT", direct.Find("k")!.SqlType);
    }

    [Fact]
    public void Text_is_measured_in_code_points_and_ordered_by_bytes()
    {
        using var dir = new TempDirectory();
        string[] words = ["Zürich", "zurich", "e\u0301te", "😀", "Ärger", "apple", "Apple", "日本"];
        var text = "w,n\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"{words[i % words.Length]},{i}\n"));

        var direct = AssertSameAsEngine(dir.Write("unicode.csv", text));

        Assert.Equal(words.Length, direct.Find("w")!.Distinct.Estimate);
    }

    [Fact]
    public void Tab_separated_file_without_header_gives_the_engine_profile()
    {
        using var dir = new TempDirectory();
        var random = new SeededRandom(3);
        var text = string.Concat(Enumerable.Range(0, 500).Select(_ =>
            $"{random.NextGaussian().ToString("R", CultureInfo.InvariantCulture)}\t{random.NextInt64(5)}\t{random.NextInt64(1000)}\n"));

        var direct = AssertSameAsEngine(dir.Write("plain.tsv", text));

        Assert.Equal(500, direct.Rows);
    }

    [Fact]
    public void Declared_delimiter_and_header_are_honoured()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("semi.txt", "a;b\n1;x\n2;y\n3;x\n");
        var source = new DatasetSource(path) { Format = DataFormat.Csv, Csv = new CsvOptions { Delimiter = ";", Header = true } };

        var direct = AssertSameAsEngine(source);

        Assert.Equal(["a", "b"], direct.Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("quoted.csv", "a,b\n1,\"x,y\"\n2,z\n")]
    [InlineData("ragged.csv", "a,b\n1,2\n3\n4,5\n")]
    [InlineData("extra.csv", "a,b\n1,2\n3,4,5\n4,5\n")]
    [InlineData("blank-line.csv", "a,b\n1,2\n\n4,5\n")]
    [InlineData("nan.csv", "a,b\n1.5,2\nnan,3\n4.5,5\n")]
    [InlineData("dates.csv", "a,b\n2024-01-01,2\n2024-02-01,3\n")]
    public void Files_outside_the_direct_path_are_declined_and_the_engine_still_reads_them(string name, string text)
    {
        using var dir = new TempDirectory();
        var path = dir.Write(name, text);

        Assert.Null(Direct(new DatasetSource(path)));
        Assert.True(EngineProfile(new DatasetSource(path) { MaxUnparsedRows = 10 }).Rows > 0);
    }

    /// <summary>Spellings DuckDB's sniffer types its own way (text for "+1" and "001"): the direct path follows it or declines.</summary>
    [Theory]
    [InlineData("underscore.csv", "a,b\n1,2\n1_000,3\n4,5\n", true)]
    [InlineData("plus.csv", "a,b\n+1,2\n2,3\n4,5\n", true)]
    [InlineData("zeros.csv", "a,b\n001,2\n2,3\n4,5\n", true)]
    [InlineData("booleans.csv", "a,b\nTRUE,2\nFalse,3\nt,5\n", true)]
    [InlineData("whole-doubles.csv", "a,b\n1.0,2\n2.0,3\n4.0,5\n", true)]
    [InlineData("spaces.csv", "a,b\n 1,2\n2 ,3\n4,5\n", false)]
    [InlineData("trailing-blank-line.csv", "a\nx\ny\n\n", false)]
    [InlineData("header-only.csv", "a,b\n", false)]
    [InlineData("bom-header.csv", "\uFEFFa,b\n1,x\n2,y\n", true)]
    [InlineData("bom-no-header.csv", "\uFEFFx,1\ny,2\nz,3\n", false)]
    public void Unusual_files_agree_with_the_engine_or_are_declined(string name, string text, bool readDirectly)
    {
        using var dir = new TempDirectory();
        var path = dir.Write(name, text);

        var direct = Direct(new DatasetSource(path));

        Assert.Equal(readDirectly, direct is not null);
        if (direct is not null)
        {
            Assert.Equal(
                Encoding.UTF8.GetString(ProfileJsonWriter.Write(EngineProfile(new DatasetSource(path)))),
                Encoding.UTF8.GetString(ProfileJsonWriter.Write(direct)));
        }
    }

    [Fact]
    public void Compressed_files_globs_and_options_it_does_not_handle_are_declined()
    {
        using var dir = new TempDirectory();
        var plain = dir.Write("a.csv", "a,b\n1,x\n2,y\n");
        dir.Write("b.csv", "a,b\n3,x\n");
        using (var gz = new GZipStream(File.Create(dir.File("c.csv.gz")), CompressionLevel.Fastest))
        {
            gz.Write("a,b\n1,x\n"u8);
        }

        Assert.NotNull(Direct(new DatasetSource(plain)));
        Assert.Null(Direct(new DatasetSource(dir.File("c.csv.gz"))));
        Assert.Null(Direct(new DatasetSource(dir.File("*.csv"))));
        Assert.Null(Direct(new DatasetSource(plain) { Csv = new CsvOptions { NullStrings = ["NA"] } }));
        Assert.Null(Direct(new DatasetSource(plain) { Csv = new CsvOptions { ColumnTypes = new Dictionary<string, string> { ["a"] = "DOUBLE" } } }));
        Assert.Null(Direct(new DatasetSource(plain) { AllText = true }));
    }

    [Fact]
    public void A_text_column_with_more_distinct_values_than_the_limit_is_declined()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("ids.csv", "id\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"k{i}\n")));

        using var engine = new DataEngine();
        Assert.Null(DirectCsvProfiler.TryProfile(engine, new DatasetSource(path), ProfileSettings.Default, SmallRanges, distinctCapacity: 200));
        Assert.NotNull(DirectCsvProfiler.TryProfile(engine, new DatasetSource(path), ProfileSettings.Default, SmallRanges, distinctCapacity: 300));
    }

    [Fact]
    public void Invalid_utf8_is_declined_so_the_engine_reports_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("latin1.csv");
        File.WriteAllBytes(path, [.. "a,b\n1,caf"u8, 0xE9, .. "\n2,x\n"u8]);

        Assert.Null(Direct(new DatasetSource(path)));
    }

    [Fact]
    public void A_guess_the_sniff_overrules_is_parsed_again_with_the_sniffed_types()
    {
        // Numbers in the lines the guess samples, text further on but inside DuckDB's sniffing sample: the guess
        // says number, DuckDB says VARCHAR, and the file is parsed again as DuckDB reads it.
        using var dir = new TempDirectory();
        var text = new StringBuilder("code,value\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append(i < 2000 ? (i % 97).ToString(CultureInfo.InvariantCulture) : "x" + (i % 13).ToString(CultureInfo.InvariantCulture))
                .Append(',').Append((i * 0.25).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        var path = dir.Write("late-text.csv", text.ToString());
        Assert.Equal([DirectColumn.Number, DirectColumn.Number], CsvDialectGuess.From(path)!.Kinds);

        var direct = AssertSameAsEngine(path);

        Assert.Equal(ColumnKind.Categorical, direct.Find("code")!.Kind);
    }

    [Fact]
    public void A_delimiter_guess_the_sniff_overrules_still_gives_the_engine_profile()
    {
        // Every line holds one comma and one semicolon: the guess takes the comma, whatever DuckDB decides wins.
        using var dir = new TempDirectory();
        var text = new StringBuilder("a,b;c\n");
        for (var i = 0; i < 500; i++)
        {
            text.Append(i % 7).Append(',').Append(i % 5).Append(';').Append(i).Append('\n');
        }

        AssertSameAsEngine(dir.Write("both.csv", text.ToString()));
    }

    [Fact]
    public void A_missing_file_gets_the_engine_diagnostic()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<DataReadException>(() => Direct(new DatasetSource(dir.File("absent.csv"))));

        Assert.StartsWith("MG", error.Diagnostic.Code, StringComparison.Ordinal);
    }

    private static DatasetProfile AssertSameAsEngine(string path, long minimumBytesPerRange = SmallRanges) =>
        AssertSameAsEngine(new DatasetSource(path), minimumBytesPerRange);

    private static DatasetProfile AssertSameAsEngine(DatasetSource source, long minimumBytesPerRange = SmallRanges)
    {
        var direct = Direct(source, minimumBytesPerRange);
        Assert.NotNull(direct);
        var expected = Encoding.UTF8.GetString(ProfileJsonWriter.Write(EngineProfile(source)));
        Assert.Equal(expected, Encoding.UTF8.GetString(ProfileJsonWriter.Write(direct)));
        return direct;
    }

    private static DatasetProfile? Direct(DatasetSource source, long minimumBytesPerRange = SmallRanges)
    {
        using var engine = new DataEngine();
        return DirectCsvProfiler.TryProfile(engine, source, ProfileSettings.Default, minimumBytesPerRange, DirectCsvReader.DistinctCapacity);
    }

    private static DatasetProfile EngineProfile(DatasetSource source)
    {
        using var engine = new DataEngine();
        return ProfileBuilder.Build(engine, DatasetLoader.Load(engine, source));
    }

    /// <summary>Numbers with missing values, integers, a categorical column with non-ASCII names, yes/no, a high-cardinality text column.</summary>
    private static string MixedCsv(int rows, ulong seed, string newLine, bool finalNewLine)
    {
        var random = new SeededRandom(seed);
        string[] cities = ["Oslo", "Lima", "Pune", "Kyiv", "Cork", "Zürich", "São Paulo"];
        var lines = new List<string> { "id,amount,count,city,flag,note,temp" };
        for (var i = 0; i < rows; i++)
        {
            var amount = random.NextDouble() < 0.05 ? string.Empty : (1000 + (250 * random.NextGaussian())).ToString("R", CultureInfo.InvariantCulture);
            var count = random.NextInt64(8).ToString(CultureInfo.InvariantCulture);
            var city = random.NextDouble() < 0.02 ? string.Empty : cities[random.NextInt64(cities.Length)];
            var flag = random.NextDouble() < 0.3 ? "yes" : "no";
            var note = "n" + random.NextInt64(1_000_000).ToString(CultureInfo.InvariantCulture);
            var temp = (random.NextGaussian() * 12).ToString("0.##", CultureInfo.InvariantCulture);
            lines.Add($"{i},{amount},{count},{city},{flag},{note},{temp}");
        }

        return string.Join(newLine, lines) + (finalNewLine ? newLine : string.Empty);
    }
}
