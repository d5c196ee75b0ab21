using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Inputs;
using ModelGates.Memory;
using ModelGates.Testing;
using ModelGates.Tests.Sql;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>
/// Raw reference data against current data, either side beyond the memory limit, is compared inside DuckDB (the value
/// tests on the sorted union of both sides streamed out, categories and bins by aggregates): every verdict, count and
/// distribution equals the in-memory comparison of the same files, and every statistic, p-value, effect, interval
/// and minimum detectable effect equals it to 1e-12 (relative), for each test that needs ranks. t_test reads the current
/// side's mean and variance from DuckDB's sums, added in an order that can change from run to run: its statistic and
/// p-value agree to 1e-9 (the p-value far in the tail, where rounding in the moments is amplified; docs/drift.md says so).
/// </summary>
public sealed class RawInEngineDriftTests : IDisposable
{
    private const int Rows = 6_000;
    private const double Tolerance = 1e-12;
    private const double MomentsTolerance = 1e-9;

    private readonly TempDirectory directory = new();

    public RawInEngineDriftTests()
    {
        // Plain CSV (the direct reader in memory, the streaming reader beyond the limit), and the same rows as Parquet
        // and JSON Lines (a DuckDB table either way).
        var plain = directory.Write("data.csv", GeneratedData.Csv(Rows, seed: 31));
        var moved = directory.Write("moved.csv", GeneratedData.Csv(Rows + 500, seed: 32, shift: 30));
        using var engine = new DataEngine();
        foreach (var (source, name) in new[] { (plain, "data"), (moved, "moved") })
        {
            engine.Execute($"COPY (SELECT * FROM read_csv('{source}')) TO '{directory.File(name + ".jsonl")}' (FORMAT json)");
            engine.Execute($"COPY (SELECT * FROM read_csv('{source}')) TO '{directory.File(name + ".parquet")}' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        }
    }

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("data.csv", "moved.csv")]
    [InlineData("data.parquet", "moved.parquet")]
    [InlineData("data.jsonl", "moved.csv")]
    [InlineData("data.csv", "data.parquet")]
    public void Raw_against_raw_beyond_the_limit_is_judged_inside_DuckDB_as_in_memory(string reference, string current)
    {
        var (expected, actual, phases) = Compare(reference, current, new DriftOptions { Multivariate = MultivariateDrift.Off }, MemoryLimit.OfBytes(Rows));

        Assert.Contains(phases, p => p.Contains("inside DuckDB: beyond the memory limit", StringComparison.Ordinal));
        AssertSame(expected, actual);
        Assert.Equal(current.StartsWith("moved", StringComparison.Ordinal), actual.Columns.Single(c => c.Column == "amount").ValueDrifted);
    }

    [Theory]
    [InlineData("ks")]
    [InlineData("mannw")]
    [InlineData("anderson")]
    [InlineData("cramer_von_mises")]
    [InlineData("wasserstein")]
    [InlineData("ed")]
    [InlineData("wasserstein_rank")]
    [InlineData("t_test")]
    public void Every_value_test_inside_DuckDB_equals_it_in_memory(string test)
    {
        var options = new DriftOptions { Test = test, Columns = ["amount", "count", "rating", "seen"], Multivariate = MultivariateDrift.Off };

        var (expected, actual, phases) = Compare("data.parquet", "moved.csv", options, MemoryLimit.OfBytes(Rows));

        Assert.Contains(phases, p => p.Contains("inside DuckDB: beyond the memory limit", StringComparison.Ordinal));
        Assert.All(actual.Columns, c => Assert.Equal(test, c.Test));
        Assert.All(actual.Columns, c => Assert.Equal(DriftInputShape.Values, c.Input));
        AssertSame(expected, actual);
    }

    [Fact]
    public void Only_one_side_beyond_the_limit_is_enough_and_DuckDB_runs_under_a_16_MB_limit()
    {
        // 40 number columns: the 1,000-row reference fits 16 MB as doubles, the 60,000-row current (19 MB) does not, so
        // the comparison moves into DuckDB, whose memory_limit is the one given (raised to the 128 MB its CSV reader needs).
        File.WriteAllText(directory.File("wide.csv"), WideCsv(1_000, seed: 1, offset: 0));
        File.WriteAllText(directory.File("wide-current.csv"), WideCsv(60_000, seed: 2, offset: 3));
        var (expected, actual, phases) = Compare("wide.csv", "wide-current.csv", new DriftOptions { Multivariate = MultivariateDrift.Off }, MemoryLimit.Parse("16MB"));

        Assert.Contains(phases, p => p.Contains("inside DuckDB: beyond the memory limit", StringComparison.Ordinal));
        AssertSame(expected, actual);
        Assert.Equal(40, actual.Columns.Count);
        Assert.Contains(actual.Columns, c => c.ValueDrifted == true);
    }

    [Fact]
    public void An_explicit_limit_is_DuckDB_s_and_it_spills_under_the_system_s_temporary_folder()
    {
        using var pipeline = new InputPipeline { MemoryLimit = MemoryLimit.Parse("200MB") };
        using var other = new InputPipeline { MemoryLimit = MemoryLimit.Parse("200MB") };

        var folder = (string)pipeline.Engine.Scalar("SELECT current_setting('temp_directory')")!;

        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "modelgates-duckdb-"), folder, StringComparison.Ordinal);
        Assert.NotEqual(folder, (string)other.Engine.Scalar("SELECT current_setting('temp_directory')")!);
    }

    [Fact]
    public void A_raw_reference_held_in_memory_counts_against_DuckDB_s_share_of_the_limit()
    {
        // The reference CSV is read directly into arrays the run holds beside DuckDB; the current Parquet file is loaded
        // into DuckDB: DuckDB's memory_limit is the limit less the arrays, so the two together stay within the limit.
        // (The wide file: whole numbers only, which the direct reader takes; timestamps it leaves to DuckDB.)
        File.WriteAllText(directory.File("wide.csv"), WideCsv(5_000, seed: 1, offset: 0));
        using var pipeline = new InputPipeline { MemoryLimit = MemoryLimit.Parse("400MB") };
        Assert.Equal("400.0 MiB", pipeline.Engine.Scalar("SELECT current_setting('memory_limit')"));

        var reference = pipeline.ReadColumns(new DatasetSource(directory.File("wide.csv")));
        pipeline.ReadColumns(new DatasetSource(directory.File("moved.parquet")));

        Assert.NotNull(reference.Direct);
        var held = reference.Direct.HeldBytes;
        Assert.Equal(5_000L * 40 * sizeof(double), held);
        var setting = (string)pipeline.Engine.Scalar("SELECT current_setting('memory_limit')")!;
        var mebibytes = double.Parse(setting.Replace(" MiB", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(mebibytes, 400.0 - (held / 1048576.0) - 0.1, 400.0 - (held / 1048576.0) + 0.1);
        Assert.True(mebibytes < 400.0, setting);
    }

    private static string WideCsv(int rows, int seed, int offset)
    {
        var random = new Random(seed);
        var text = new System.Text.StringBuilder(string.Join(',', Enumerable.Range(0, 40).Select(c => $"x{c}"))).Append('\n');
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < 40; c++)
            {
                // Whole numbers (ties for the rank tests); every fourth column moved in the current file.
                var value = random.Next(1000) + (c % 4 == 0 ? offset * 10 : 0);
                text.Append(c == 0 ? string.Empty : ",").Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private (DriftReport Expected, DriftReport Actual, List<string> Phases) Compare(string reference, string current, DriftOptions options, MemoryLimit limit)
    {
        var phases = new List<string>();
        using var exact = new InputPipeline();
        using var bounded = new InputPipeline(phases.Add) { MemoryLimit = limit };
        var (r, c) = (new DatasetSource(directory.File(reference)), new DatasetSource(directory.File(current)));
        var expected = DriftEngine.Compare(exact.ReadReference(r), exact.ReadColumns(c), options);
        var actual = DriftEngine.Compare(bounded.ReadReference(r), bounded.ReadColumns(c), options, phases.Add);
        return (expected, actual, phases);
    }

    private static void AssertSame(DriftReport expected, DriftReport actual)
    {
        Assert.Equal((expected.DatasetDrift, expected.DriftedShare), (actual.DatasetDrift, actual.DriftedShare));
        Assert.Equal((expected.Reference.Rows, expected.Current.Rows, expected.Reference.Hash, expected.Current.Hash), (actual.Reference.Rows, actual.Current.Rows, actual.Reference.Hash, actual.Current.Hash));
        Assert.Equal(expected.Diagnostics.Select(d => (d.Code, d.Column)), actual.Diagnostics.Select(d => (d.Code, d.Column)));
        Assert.Equal(expected.Columns.Count, actual.Columns.Count);
        var compared = 0;
        foreach (var (e, a) in expected.Columns.Zip(actual.Columns))
        {
            var name = e.Column;
            Assert.Equal((name, e.Kind, e.Status, e.Test, e.PValueTest, e.EffectMeasure, e.Input, e.ValueDrifted, e.MissingShareDrifted), (a.Column, a.Kind, a.Status, a.Test, a.PValueTest, a.EffectMeasure, a.Input, a.ValueDrifted, a.MissingShareDrifted));
            Assert.Equal((name, e.ReferenceCount, e.CurrentCount, e.MissingShareCurrent, e.MissingSharePValue, e.BelowReferenceShare, e.AboveReferenceShare), (name, a.ReferenceCount, a.CurrentCount, a.MissingShareCurrent, a.MissingSharePValue, a.BelowReferenceShare, a.AboveReferenceShare));
            Assert.Null(a.EffectErrorBound);
            foreach (var (what, x, y) in new[]
            {
                ("statistic", e.Statistic, a.Statistic), ("p-value", e.PValue, a.PValue), ("effect", e.Effect, a.Effect),
                ("lower", e.EffectInterval?.Lower, a.EffectInterval?.Lower), ("upper", e.EffectInterval?.Upper, a.EffectInterval?.Upper),
                ("mde", e.MinimumDetectableEffect, a.MinimumDetectableEffect),
            })
            {
                Assert.Equal(x is null, y is null);
                if (x is { } u && y is { } v)
                {
                    var tolerance = e.PValueTest == "t_test" && what is "statistic" or "p-value" ? MomentsTolerance : Tolerance;
                    Assert.True(u == v || Math.Abs(u - v) <= tolerance * Math.Max(Math.Abs(u), Math.Abs(v)), $"{name} {what}: {u:R} in memory, {v:R} inside DuckDB");
                    compared++;
                }
            }
        }

        Assert.True(compared >= 12, $"only {compared} numbers compared");
        Assert.Equal(expected.Distributions.Keys.Order(), actual.Distributions.Keys.Order());
        foreach (var (name, distribution) in expected.Distributions)
        {
            Assert.Equal(distribution.Labels, actual.Distributions[name].Labels);
            Assert.Equal(distribution.Reference, actual.Distributions[name].Reference);
            Assert.Equal(distribution.Current, actual.Distributions[name].Current);
        }
    }
}
