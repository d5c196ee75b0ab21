using ModelGates.Data;
using ModelGates.Inputs;
using ModelGates.Profiles;
using ModelGates.Sql;
using ModelGates.Sql.Pushdown;
using ModelGates.Testing;

namespace ModelGates.Tests.Sql;

/// <summary>A profile pushed down to DuckDB equals <c>modelgates profile</c> of the CSV holding the same rows.</summary>
public sealed class PushdownProfilerDuckDbTests
{
    [Fact]
    public void Credit_data_profiled_in_the_engine_equals_the_file_profile()
    {
        var path = RepoPaths.Combine("samples", "data", "credit_data.csv");
        var (file, pushed, queries) = BothWays(path);

        var exact = ProfileEquivalence.AssertEquivalent(file, pushed, sameTextHash: true);
        Assert.True(exact > 1000, $"only {exact} values compared exactly");
        Assert.InRange(queries, 3, 6);
    }

    [Fact]
    public void Generated_data_with_every_kind_profiled_in_the_engine_equals_the_file_profile()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("generated.csv", GeneratedData.Csv(20_000, seed: 11));
        var (file, pushed, queries) = BothWays(path);

        ProfileEquivalence.AssertEquivalent(file, pushed, sameTextHash: true);
        Assert.Equal(6, queries);
        Assert.False(pushed.Find("amount")!.Numeric!.Quantiles.IsExact);
        Assert.Equal(ColumnKind.Text, pushed.Find("id")!.Kind);
        Assert.Equal(ColumnKind.Datetime, pushed.Find("seen")!.Kind);
    }

    [Theory]
    [InlineData(512, 3)]
    [InlineData(513, 4)]
    public void Whole_numbers_spanning_fewer_values_than_the_sketch_holds_are_counted_without_sorting(int span, int expectedQueries)
    {
        // 512 values (0 … 511) fit the 512-point sketch: the value counts give it, and no order query sorts the column;
        // 513 values do not, and the column is sorted for its order statistics and hashed for its registers as before.
        using var dir = new TempDirectory();
        var random = new Random(3);
        var text = new System.Text.StringBuilder("n\n");
        for (var i = 0; i < 5_000; i++)
        {
            text.Append(i < span ? i : random.Next(span)).Append('\n');
        }

        var (file, pushed, queries) = BothWays(dir.Write("whole.csv", text.ToString()));

        ProfileEquivalence.AssertEquivalent(file, pushed, sameTextHash: true);
        Assert.Equal(span, pushed.Find("n")!.Distinct.Estimate);
        Assert.Equal(span <= 512, pushed.Find("n")!.Numeric!.Quantiles.IsExact);
        Assert.Equal(expectedQueries, queries);
    }

    internal static (DatasetProfile File, DatasetProfile Pushed, int Queries) BothWays(string path)
    {
        using var pipeline = new InputPipeline();
        var file = pipeline.Profile(new DatasetSource(path)).Profile;
        var loaded = DatasetLoader.Load(pipeline.Engine, new DatasetSource(path));
        using var session = new DuckDbSession(pipeline.Engine);
        var runner = PushdownRunner.Over(session);
        var pushed = PushdownProfiler.Profile(runner, SqlRelation.OfTable(loaded.Table.Trim('"')), null, null, session.Provider, session);
        return (file, pushed, runner.Queries);
    }
}
