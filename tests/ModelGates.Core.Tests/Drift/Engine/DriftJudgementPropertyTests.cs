using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Results;
using ModelGates.Statistics;
using ModelGates.Testing;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>Properties that hold for any data: identical sides never drift; order of rows and categories never matters.</summary>
public sealed class DriftJudgementPropertyTests
{
    [Theory]
    [InlineData(30UL)]
    [InlineData(31UL)]
    [InlineData(32UL)]
    public void Identical_data_never_drifts(ulong seed)
    {
        using var dir = new TempDirectory();
        var path = DriftTestData.Write(dir.File("a.csv"), 1_000 + (int)(seed * 7), seed, shift: seed % 2, cityTilt: 0.1 * (seed % 3));

        var report = DriftTestData.Compare(path, path);

        Assert.All(report.Columns.Where(c => c.Status != ColumnDriftStatus.Skipped), c =>
        {
            Assert.Equal(ColumnDriftStatus.Ok, c.Status);
            Assert.Equal(0, c.Effect);
            Assert.Equal(1, c.PValue!.Value, 12);
            Assert.Equal(c.MissingShareReference, c.MissingShareCurrent);
        });
        Assert.True(report.Passed);
        Assert.Equal(report.Reference.Hash, report.Current.Hash);
    }

    [Fact]
    public void Identical_columns_in_memory_never_drift_at_any_size()
    {
        var random = new SeededRandom(33);
        foreach (var n in new[] { 10, 100, 10_000 })
        {
            var values = SampleStreams.Normal(random, n);
            var counts = SampleStreams.Categories(random, n, [0.5, 0.3, 0.2]);
            var report = SampleDrift.Compare(
                [SampleColumn.Numeric("x", values), SampleColumn.Counts("c", counts, missing: 3)],
                [SampleColumn.Numeric("x", values), SampleColumn.Counts("c", counts, missing: 3)]);
            Assert.All(report.Columns, c => Assert.Equal(ColumnDriftStatus.Ok, c.Status));
        }
    }

    [Fact]
    public void Category_order_and_spelling_order_do_not_matter()
    {
        var forward = new Dictionary<string, long> { ["b"] = 40, ["a"] = 25, ["c"] = 35 };
        var backward = new Dictionary<string, long> { ["c"] = 35, ["a"] = 25, ["b"] = 40 };
        var current = new Dictionary<string, long> { ["a"] = 50, ["b"] = 30, ["d"] = 20 };
        var currentBackward = new Dictionary<string, long> { ["d"] = 20, ["b"] = 30, ["a"] = 50 };

        var one = SampleDrift.Compare([SampleColumn.Counts("c", forward)], [SampleColumn.Counts("c", current)]).Columns[0];
        var two = SampleDrift.Compare([SampleColumn.Counts("c", backward)], [SampleColumn.Counts("c", currentBackward)]).Columns[0];

        Assert.Equal(one, two);
    }

    [Fact]
    public void Categories_in_a_different_row_order_in_the_file_give_the_same_result()
    {
        using var dir = new TempDirectory();
        var random = new SeededRandom(34);
        var cells = Enumerable.Range(0, 2_000).Select(_ => DriftTestData.Cities[random.NextInt64(5)]).ToList();
        var later = Enumerable.Range(0, 2_000).Select(i => i % 3 == 0 ? "Cork" : DriftTestData.Cities[random.NextInt64(5)]).ToList();
        var reference = DriftTestData.WriteColumns(dir.File("ref.csv"), ("city", cells));
        var current = DriftTestData.WriteColumns(dir.File("cur.csv"), ("city", later));
        var shuffledReference = DriftTestData.WriteColumns(dir.File("ref2.csv"), ("city", cells.OrderBy(c => c, StringComparer.Ordinal).Reverse().ToList()));

        var one = DriftTestData.Compare(reference, current).Column("city");
        var two = DriftTestData.Compare(shuffledReference, current).Column("city");

        Assert.Equal(one, two);
        Assert.Equal(ColumnDriftStatus.Drift, one.Status);
    }

    [Fact]
    public void Swapping_sides_keeps_symmetric_p_values()
    {
        var random = new SeededRandom(35);
        var a = SampleStreams.Normal(random, 800);
        var b = SampleStreams.Normal(random, 600, 0.2);

        var forward = SampleDrift.CompareValues("x", a, b).Columns[0];
        var backward = SampleDrift.CompareValues("x", b, a).Columns[0];

        Assert.Equal(forward.PValue, backward.PValue);
        Assert.Equal(forward.Statistic, backward.Statistic);
    }
}
