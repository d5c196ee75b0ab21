using ModelGates.Data;
using ModelGates.Data.Partitions;
using ModelGates.Inputs;
using ModelGates.Profiles;
using ModelGates.Testing;

namespace ModelGates.Tests.Data.Partitions;

/// <summary>
/// Partitioned data is profiled one partition at a time, in parallel, and merged; a partition whose files did not change
/// reuses its stored profile; and the merged profile is the whole dataset's profile within the merger's documented bounds.
/// </summary>
public sealed class PartitionedProfileTests : IDisposable
{
    private const int Days = 6;
    private const int RowsPerDay = 3000;
    private readonly TempDirectory dir = new();
    private readonly string lake;
    private readonly string cache;

    public PartitionedProfileTests()
    {
        lake = LakeData.WriteParquet(dir.File("lake"), Days, RowsPerDay);
        cache = dir.File("cache");
    }

    public void Dispose() => dir.Dispose();

    [Fact]
    public void A_second_run_reuses_every_partition_and_after_one_file_changes_reads_only_that_partition()
    {
        var (cold, coldLines) = Profile();
        var (warm, warmLines) = Profile();
        LakeData.RewriteDay(lake, "2026-10-30", RowsPerDay, seed: 7);
        var (changed, changedLines) = Profile();

        Assert.Equal((Days, 0, Days), (cold.Partitions!.Count, cold.Partitions.Reused, cold.Partitions.Computed));
        Assert.Equal(Days, coldLines.Count(l => l.StartsWith("Profiled partition ", StringComparison.Ordinal)));
        Assert.Equal((Days, 0), (warm.Partitions!.Reused, warm.Partitions.Computed));
        Assert.DoesNotContain(warmLines, l => l.StartsWith("Profiled partition ", StringComparison.Ordinal));
        Assert.Equal((Days - 1, 1), (changed.Partitions!.Reused, changed.Partitions.Computed));
        Assert.Equal(["Profiled partition day=2026-10-30 (3,000 rows)"], changedLines.Where(l => l.StartsWith("Profiled partition ", StringComparison.Ordinal)));

        // Reused profiles merge to the same bytes as computed ones; a changed partition changes the profile.
        Assert.Equal(ProfileJsonWriter.Write(cold.Profile), ProfileJsonWriter.Write(warm.Profile));
        Assert.NotEqual(ProfileJsonWriter.Write(cold.Profile), ProfileJsonWriter.Write(changed.Profile));
        Assert.Equal(Days + 1, Directory.GetFiles(cache, "*.profile.json", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void The_merged_profile_is_the_whole_dataset_s_profile_within_the_merger_s_bounds()
    {
        var settings = ProfileSettings.Default;
        var merged = Profile().Read.Profile;
        using var engine = new DataEngine();
        var table = DatasetLoader.Load(engine, new DatasetSource(Path.Combine(lake, "**", "*.parquet")));
        var whole = ProfileBuilder.Build(engine, table, settings);

        Assert.Equal(whole.Rows, merged.Rows);
        Assert.Equal(whole.Columns.Select(c => (c.Name, c.Kind, c.SqlType)), merged.Columns.Select(c => (c.Name, c.Kind, c.SqlType)));
        Assert.Equal(["id", "amount", "city", "score", "day"], merged.Columns.Select(c => c.Name));
        foreach (var expected in whole.Columns)
        {
            var actual = merged.Find(expected.Name)!;
            Assert.Equal((expected.Count, expected.Missing), (actual.Count, actual.Missing));
            Assert.Equal(expected.TimeRange, actual.TimeRange);
            if (expected.Numeric is { } n)
            {
                var m = actual.Numeric!;
                Assert.Equal((n.Min, n.Max), (m.Min, m.Max));
                Assert.Equal(n.Moments.Mean, m.Moments.Mean, Tolerance(n.Moments.Mean));
                Assert.Equal(n.Moments.M2, m.Moments.M2, Tolerance(n.Moments.M2));
                Assert.Equal(n.Histogram.Counts.Sum(), m.Histogram.Counts.Sum());
                Assert.Equal(n.Bins.Counts.Sum(), m.Bins.Counts.Sum());

                // docs/profiles.md: max(input error) + ceil(log2 partitions)/points when approximate, exact otherwise.
                var bound = (1 + Math.Ceiling(Math.Log2(Days))) / settings.QuantilePoints;
                Assert.True(m.Quantiles.RankError <= bound + 1e-15, $"{expected.Name}: rank error {m.Quantiles.RankError} > {bound}");
                Assert.Equal(n.Quantiles.IsExact, m.Quantiles.IsExact);
                if (n.Quantiles.IsExact)
                {
                    Assert.Equal(n.Quantiles.Values, m.Quantiles.Values);
                    Assert.Equal(n.Quantiles.Weights, m.Quantiles.Weights);
                    Assert.Equal(n.Bins.Counts, m.Bins.Counts);
                }
                else
                {
                    AssertRanks(engine, table, expected.Name, m.Quantiles, m.Quantiles.RankError);
                }
            }

            if (expected.Categories is { IsComplete: true } categories)
            {
                Assert.Equal(categories.Values, actual.Categories!.Values);
            }

            // Exact when the merged profile lists every value; otherwise the registers' estimate, within 3 standard errors.
            if (actual.Distinct.IsExact)
            {
                Assert.Equal(expected.Distinct.Estimate, actual.Distinct.Estimate);
            }
            else
            {
                Assert.InRange(actual.Distinct.Estimate, expected.Distinct.Estimate * (1 - (3 * 0.023)), expected.Distinct.Estimate * (1 + (3 * 0.023)));
            }
        }

        Assert.False(merged.Find("amount")!.Numeric!.Quantiles.IsExact);
        Assert.True(merged.Find("day")!.Numeric!.Quantiles.IsExact);
    }

    [Fact]
    public void Only_the_filtered_partitions_are_profiled()
    {
        var read = Profile(PartitionFilter.Parse(["day in (2026-10-29, 2026-11-02)"])).Read;

        Assert.Equal(2, read.Partitions!.Count);
        Assert.Equal(2 * RowsPerDay, read.Profile.Rows);
        Assert.Equal(("2026-10-29", "2026-11-02"), (read.Profile.Find("day")!.TimeRange!.Value.Min[..10], read.Profile.Find("day")!.TimeRange!.Value.Max[..10]));
    }

    [Fact]
    public void An_unreadable_stored_profile_is_read_again_and_replaced()
    {
        var cold = Profile().Read;
        var stored = Directory.GetFiles(cache, "*.profile.json", SearchOption.AllDirectories);
        File.WriteAllText(stored[0], "{ truncated");

        var again = Profile().Read;

        Assert.Equal((Days - 1, 1), (again.Partitions!.Reused, again.Partitions.Computed));
        Assert.Equal(ProfileJsonWriter.Write(cold.Profile), ProfileJsonWriter.Write(again.Profile));
        Assert.Equal(ProfileJsonWriter.Write(ProfileJsonReader.Read(stored[0])), File.ReadAllBytes(stored[0]));
    }

    [Fact]
    public void Other_settings_are_other_stored_profiles()
    {
        Profile();
        var other = Profile(settings: new ProfileSettings { QuantilePoints = 64 }).Read;

        Assert.Equal((0, Days), (other.Partitions!.Reused, other.Partitions.Computed));
        Assert.Equal(64, other.Profile.Settings.QuantilePoints);
    }

    [Fact]
    public void A_csv_lake_merges_even_where_a_partition_has_no_value_in_a_column()
    {
        // One partition's score column is empty: DuckDB sniffs it as text there, a number everywhere else.
        dir.Write(Path.Combine("csv", "day=2026-11-01", "part.csv"), "amount,score\n1.5,3\n2.5,4\n");
        dir.Write(Path.Combine("csv", "day=2026-11-02", "part.csv"), "amount,score\n3.5,\n4.5,\n");
        using var pipeline = new InputPipeline { PartitionCache = cache };

        var profile = pipeline.Profile(new DatasetSource(dir.File("csv"))).Profile;

        var score = profile.Find("score")!;
        Assert.Equal((ColumnKind.Numeric, 2L, 2L), (score.Kind, score.Count, score.Missing));
        Assert.Equal(4, profile.Rows);
        Assert.Equal(ColumnKind.Datetime, profile.Find("day")!.Kind);
    }

    private (ProfileRead Read, List<string> Lines) Profile(PartitionFilter? filter = null, ProfileSettings? settings = null)
    {
        var lines = new List<string>();
        using var pipeline = new InputPipeline(lines.Add) { PartitionCache = cache };
        return (pipeline.Profile(new DatasetSource(lake) { Partitions = filter }, settings), lines);
    }

    private static double Tolerance(double value) => Math.Max(1e-300, Math.Abs(value) * 1e-12);

    /// <summary>Each sketch quantile's true rank, counted by DuckDB over every row, lies within the sketch's rank error.</summary>
    private static void AssertRanks(DataEngine engine, LoadedDataset table, string column, QuantileSketch sketch, double rankError)
    {
        var name = SqlText.Identifier(column);
        foreach (var p in new[] { 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99 })
        {
            var value = sketch.Quantile(p);
            var row = engine.Row($"SELECT count(*) FILTER (WHERE {name} < {SqlText.Literal(value)}), count(*) FILTER (WHERE {name} <= {SqlText.Literal(value)}), count({name}) FROM {table.Table}");
            var (below, atOrBelow, n) = (Convert.ToDouble(row[0]), Convert.ToDouble(row[1]), Convert.ToDouble(row[2]));
            Assert.InRange(p, (below / n) - rankError - (1 / n), (atOrBelow / n) + rankError + (1 / n));
        }
    }
}
