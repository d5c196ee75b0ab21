using System.Globalization;
using ModelGates.Data;
using ModelGates.Data.Partitions;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Inputs;
using ModelGates.Testing;

namespace ModelGates.Tests.Data.Partitions;

/// <summary>
/// Hive-style folders become columns, typed as DuckDB types them, for every reader; a partition filter reads only the
/// chosen partitions' files, compares values as the column's type, and names a wrong key or value with an MG code.
/// </summary>
public sealed class PartitionedLakeTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Partition_columns_have_the_types_and_values_of_duckdb_s_own_read()
    {
        // Dates, integers (10 sorts before 9 as text), text with an escaped space and a NULL folder.
        var lake = dir.File("lake");
        foreach (var (day, hour, region) in new[] { ("2026-11-01", "9", "eu"), ("2026-11-01", "10", "us%20east"), ("2026-11-02", "NULL", "eu"), ("2026-11-03", "7", "NULL") })
        {
            dir.Write(Path.Combine("lake", $"day={day}", $"hour={hour}", $"region={region}", "part-0.csv"), "amount\n1.5\n2.5\n");
        }

        using var pipeline = new InputPipeline();
        var read = pipeline.ReadTable(new DatasetSource(lake));

        using var duck = new DataEngine();
        var glob = SqlText.Literal(Path.Combine(lake, "**", "*.csv"));
        var expectedTypes = duck.Query($"DESCRIBE SELECT * FROM read_csv({glob}, hive_partitioning = true)", r => (r.GetString(0), r.GetString(1)));
        Assert.Equal(expectedTypes, read.Dataset.Columns.Select(c => (c.Name, c.SqlType)));
        Assert.Equal(["amount", "day", "hour", "region"], read.Dataset.Columns.Select(c => c.Name));
        Assert.Equal(["DOUBLE", "DATE", "BIGINT", "VARCHAR"], read.Dataset.Columns.Select(c => c.SqlType));

        string Values(DataEngine engine, string from) => string.Join(
            "; ",
            engine.Query($"SELECT CAST(day AS VARCHAR), CAST(hour AS VARCHAR), region, count(*) FROM {from} GROUP BY ALL ORDER BY ALL", r => string.Join(",", Enumerable.Range(0, 4).Select(i => r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)))));
        Assert.Equal(Values(duck, $"read_csv({glob}, hive_partitioning = true)"), Values(pipeline.Engine, read.Dataset.Table));
        Assert.Contains("us east", Values(pipeline.Engine, read.Dataset.Table), StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_reads_only_the_chosen_partitions_and_never_opens_the_others()
    {
        var lake = LakeData.WriteParquet(dir.File("lake"), days: 6, rowsPerDay: 500);

        // An excluded partition's file is replaced by garbage: reading or hashing it would fail.
        var excluded = Directory.GetFiles(Path.Combine(lake, "day=2026-10-28")).Single();
        File.WriteAllText(excluded, "not parquet");

        using var pipeline = new InputPipeline();
        var source = new DatasetSource(lake) { Partitions = PartitionFilter.Parse(["day>=2026-10-31"]) };
        var read = pipeline.ReadTable(source);

        Assert.Equal(3 * 500, read.Dataset.Rows);
        Assert.Equal(3, read.Dataset.Files.Count);
        Assert.DoesNotContain(read.Hashes.Files, f => f.Path == excluded);
        Assert.Equal(3, read.Hashes.Files.Count);
        var days = pipeline.Engine.Query($"SELECT DISTINCT CAST(day AS VARCHAR) FROM {read.Dataset.Table} ORDER BY 1", r => r.GetString(0));
        Assert.Equal(["2026-10-31", "2026-11-01", "2026-11-02"], days);

        // Without the filter the garbage is read, and says so.
        var error = Assert.Throws<DataReadException>(() => pipeline.ReadTable(new DatasetSource(lake)));
        Assert.Equal("MG0106", error.Diagnostic.Code);
    }

    [Theory]
    [InlineData("hour<10", "2,9")]
    [InlineData("hour>=10", "10,11")]
    [InlineData("hour!=9", "2,10,11")]
    [InlineData("hour in (2, 11)", "2,11")]
    [InlineData("hour=10", "10")]
    [InlineData("region=eu", "2,10")]
    [InlineData("region in (eu, us)", "2,9,10,11")]
    public void Values_compare_as_the_partition_column_s_type(string condition, string hours)
    {
        foreach (var (hour, region) in new[] { (2, "eu"), (9, "us"), (10, "eu"), (11, "us") })
        {
            dir.Write(Path.Combine("lake", $"hour={hour}", $"region={region}", "data.csv"), "x\n1\n");
        }

        using var pipeline = new InputPipeline();
        var read = pipeline.ReadTable(new DatasetSource(dir.File("lake")) { Partitions = PartitionFilter.Parse([condition]) });

        var kept = pipeline.Engine.Query($"SELECT DISTINCT hour FROM {read.Dataset.Table} ORDER BY 1", r => Convert.ToString(r.GetValue(0), CultureInfo.InvariantCulture));
        Assert.Equal(hours, string.Join(",", kept));
    }

    [Fact]
    public void The_direct_csv_reader_leaves_partition_folders_to_duckdb_and_drift_sees_the_columns()
    {
        var lake = LakeData.WriteCsv(dir.File("lake"), days: 4, rowsPerDay: 300);

        using var pipeline = new InputPipeline();
        var october = pipeline.ReadColumns(new DatasetSource(lake) { Partitions = PartitionFilter.Parse(["day<2026-10-30"]) });
        var single = pipeline.ReadColumns(new DatasetSource(lake) { Partitions = PartitionFilter.Parse(["day=2026-10-31"]) });

        // One plain CSV file, which the direct reader takes when it is not in a partition folder.
        Assert.Single(single.Files);
        Assert.False(single.ReadDirectly);
        Assert.Contains(single.Columns, c => c.Name == "day" && c.SqlType == "DATE");
        Assert.Equal(600, october.Rows);

        var report = DriftEngine.Compare(DriftReference.FromColumns(october), single);
        Assert.Contains(report.Columns, c => c.Column == "day");
        Assert.Contains(report.Columns, c => c.Column == "amount");
    }

    [Fact]
    public void A_folder_of_partitions_is_read_whole_skipping_hidden_and_underscore_files()
    {
        var lake = LakeData.WriteParquet(dir.File("lake"), days: 2, rowsPerDay: 100);
        dir.Write(Path.Combine("lake", "_SUCCESS"), string.Empty);
        dir.Write(Path.Combine("lake", "day=2026-10-28", ".data_0.parquet.crc"), "crc");

        using var pipeline = new InputPipeline();
        Assert.Equal(2, pipeline.Files(new DatasetSource(lake)).Count);
        Assert.Equal(200, pipeline.ReadTable(new DatasetSource(lake)).Dataset.Rows);

        // A folder without partition folders is still not data.
        dir.Write(Path.Combine("plain", "a.csv"), "x\n1\n");
        var error = Assert.Throws<DataReadException>(() => pipeline.ReadTable(new DatasetSource(dir.File("plain"))));
        Assert.Equal("MG0103", error.Diagnostic.Code);
    }

    [Fact]
    public void A_filter_naming_an_unknown_key_is_MG0150_with_a_suggestion()
    {
        var lake = LakeData.WriteParquet(dir.File("lake"), days: 2, rowsPerDay: 10);
        using var pipeline = new InputPipeline();

        var error = Assert.Throws<ConfigurationException>(() => pipeline.ReadTable(new DatasetSource(lake) { Partitions = PartitionFilter.Parse(["dya>=2026-11-01"]) }));

        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
        Assert.Equal("MG0150", error.Diagnostics[0].Code);
        Assert.Contains("Did you mean 'day'?", error.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("--partition", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_not_of_the_column_s_type_is_MG0151()
    {
        var lake = LakeData.WriteParquet(dir.File("lake"), days: 2, rowsPerDay: 10);
        using var pipeline = new InputPipeline();

        var error = Assert.Throws<ConfigurationException>(() => pipeline.ReadTable(new DatasetSource(lake) { Partitions = PartitionFilter.Parse(["day>=2026-13-45"]) }));

        Assert.Equal("MG0151", error.Diagnostics[0].Code);
        Assert.Contains("not a DATE value", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("day")]
    [InlineData("day>=")]
    [InlineData(">=2026-11-01")]
    [InlineData("day in (a, )")]
    public void A_malformed_condition_is_MG0151(string condition)
    {
        var error = Assert.Throws<ConfigurationException>(() => PartitionFilter.Parse([condition]));

        Assert.Equal("MG0151", error.Diagnostics[0].Code);
    }

    [Fact]
    public void A_filter_that_keeps_nothing_is_MG0153_and_one_on_unpartitioned_data_is_MG0150()
    {
        var lake = LakeData.WriteParquet(dir.File("lake"), days: 2, rowsPerDay: 10);
        var plain = dir.Write("plain.csv", "x\n1\n");
        using var pipeline = new InputPipeline();

        var none = Assert.Throws<DataReadException>(() => pipeline.ReadTable(new DatasetSource(lake) { Partitions = PartitionFilter.Parse(["day>2030-01-01"]) }));
        var unpartitioned = Assert.Throws<ConfigurationException>(() => pipeline.ReadTable(new DatasetSource(plain) { Partitions = PartitionFilter.Parse(["day>2030-01-01"]) }));

        Assert.Equal(("MG0153", ExitCodes.DataError), (none.Diagnostic.Code, none.ExitCode));
        Assert.Contains("day=2026-10-28 to day=2026-10-29", none.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("MG0150", unpartitioned.Diagnostics[0].Code);
    }

    [Fact]
    public void Files_in_folders_of_different_keys_are_MG0152()
    {
        dir.Write(Path.Combine("lake", "day=2026-11-01", "a.csv"), "x\n1\n");
        dir.Write(Path.Combine("lake", "hour=3", "b.csv"), "x\n1\n");
        using var pipeline = new InputPipeline();

        var error = Assert.Throws<DataReadException>(() => pipeline.ReadTable(new DatasetSource(dir.File("lake"))));

        Assert.Equal("MG0152", error.Diagnostic.Code);
        Assert.EndsWith("b.csv", error.Diagnostic.File, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/data/day=2026-11-01/part-0.parquet", "day=2026-11-01")]
    [InlineData("/data/day=2026-11-01/hour=3/x.csv", "day=2026-11-01;hour=3")]
    [InlineData("/data/day=/x.csv", "day=")]
    [InlineData("/data/=x/x.csv", "")]
    [InlineData("/data/a=b=c/x.csv", "")]
    [InlineData("/data/v=1/file=2.csv", "v=1")]
    [InlineData("/data/k=1/k=2/x.csv", "k=1")]
    [InlineData("C:\\data\\day=1\\x.csv", "day=1")]
    public void Folders_are_parsed_as_duckdb_parses_them(string path, string expected)
    {
        Assert.Equal(expected, string.Join(";", HivePath.Parse(path).Select(p => $"{p.Key}={p.Value}")));
    }
}
