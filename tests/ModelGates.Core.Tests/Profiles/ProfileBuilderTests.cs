using ModelGates.Data;
using ModelGates.Profiles;
using ModelGates.Testing;

namespace ModelGates.Tests.Profiles;

public sealed class ProfileBuilderTests
{
    [Fact]
    public void Numeric_statistics_match_a_direct_computation()
    {
        using var dir = new TempDirectory();
        var path = ProfileTestData.WritePartition(dir.File("a.csv"), 3000, 7);

        var profile = ProfileTestData.Profile(path);
        var values = ProfileTestData.Values(path, "amount");
        var amount = profile.Find("amount")!;

        Assert.Equal(ColumnKind.Numeric, amount.Kind);
        Assert.Equal(values.Length, amount.Count);
        Assert.Equal(3000 - values.Length, amount.Missing);
        Assert.Equal(values.Min(), amount.Numeric!.Min);
        Assert.Equal(values.Max(), amount.Numeric.Max);
        var mean = values.Average();
        Assert.Equal(mean, amount.Numeric.Moments.Mean, 1e-9);
        var m2 = values.Sum(v => (v - mean) * (v - mean));
        Assert.Equal(1.0, amount.Numeric.Moments.M2 / m2, 12);
        Assert.Equal(values.Length, amount.Numeric.Histogram.Counts.Sum());
        Assert.Equal(values.Length, amount.Numeric.Bins.Counts.Sum());
    }

    [Fact]
    public void Sketch_cdf_is_within_its_stated_rank_error_everywhere()
    {
        using var dir = new TempDirectory();
        var path = ProfileTestData.WritePartition(dir.File("a.csv"), 5000, 11);

        var profile = ProfileTestData.Profile(path, new ProfileSettings { QuantilePoints = 64 });
        var values = ProfileTestData.Values(path, "amount");
        var sketch = profile.Find("amount")!.Numeric!.Quantiles;

        Assert.False(sketch.IsExact);
        Assert.Equal(1.0 / 64, sketch.RankError);
        Assert.True(MaxCdfError(sketch, values) <= sketch.RankError, $"CDF error {MaxCdfError(sketch, values)} exceeds {sketch.RankError}");
    }

    [Fact]
    public void Few_distinct_values_give_an_exact_sketch_and_exact_distinct_count()
    {
        using var dir = new TempDirectory();
        var path = ProfileTestData.WritePartition(dir.File("a.csv"), 5000, 3);

        var count = ProfileTestData.Profile(path).Find("count")!;

        Assert.True(count.Numeric!.Quantiles.IsExact);
        Assert.True(count.Distinct.IsExact);
        Assert.Equal(8, count.Distinct.Estimate);
        Assert.Equal(count.Count, count.Numeric.Quantiles.Weights.Sum());
    }

    [Fact]
    public void Column_kinds_follow_the_documented_rules()
    {
        using var dir = new TempDirectory();
        var path = ProfileTestData.WritePartition(dir.File("a.csv"), 2000, 5);

        var profile = ProfileTestData.Profile(path);

        Assert.Equal(ColumnKind.Text, profile.Find("id")!.Kind);
        Assert.Equal(ColumnKind.Categorical, profile.Find("city")!.Kind);
        Assert.Equal(ColumnKind.Boolean, profile.Find("flag")!.Kind);
        Assert.Equal(ColumnKind.Datetime, profile.Find("when")!.Kind);
        Assert.Equal(ColumnKind.Text, profile.Find("note")!.Kind);
        var city = profile.Find("city")!;
        Assert.True(city.Categories!.IsComplete);
        Assert.Equal(city.Count, city.Categories.Values.Sum(v => v.Count));
        Assert.StartsWith("2024-01-", profile.Find("when")!.TimeRange!.Value.Min, StringComparison.Ordinal);
    }

    [Fact]
    public void Distinct_estimate_of_a_high_cardinality_column_is_within_three_standard_errors()
    {
        using var dir = new TempDirectory();
        var path = ProfileTestData.WritePartition(dir.File("a.csv"), 20_000, 9);

        var note = ProfileTestData.Profile(path).Find("note")!;
        using var engine = new DataEngine();
        var data = DatasetLoader.Load(engine, new DatasetSource(path));
        var exact = Convert.ToInt64(engine.Scalar($"SELECT count(DISTINCT note) FROM {data.Table}"), System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(note.Distinct.IsExact);
        Assert.InRange(note.Distinct.Estimate, exact * (1 - 3 * DistinctSketch.StandardError), exact * (1 + 3 * DistinctSketch.StandardError));
    }

    [Fact]
    public void Json_round_trip_gives_the_same_bytes()
    {
        using var dir = new TempDirectory();
        var path = ProfileTestData.WritePartition(dir.File("a.csv"), 3000, 13);
        var bytes = ProfileJsonWriter.Write(ProfileTestData.Profile(path));

        var read = ProfileJsonReader.Parse(System.Text.Encoding.UTF8.GetString(bytes), "a.json");

        Assert.Equal(bytes, ProfileJsonWriter.Write(read));
    }

    [Fact]
    public void Building_twice_gives_the_same_bytes()
    {
        using var dir = new TempDirectory();
        var path = ProfileTestData.WritePartition(dir.File("a.csv"), 50_000, 17);

        var first = ProfileJsonWriter.Write(ProfileTestData.Profile(path));
        var second = ProfileJsonWriter.Write(ProfileTestData.Profile(path));

        Assert.Equal(first, second);
    }

    internal static double MaxCdfError(QuantileSketch sketch, double[] sorted)
    {
        var worst = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i + 1 < sorted.Length && sorted[i + 1] == sorted[i])
            {
                continue;
            }

            var exact = (double)(i + 1) / sorted.Length;
            worst = Math.Max(worst, Math.Abs(sketch.Cdf(sorted[i]) - exact));
        }

        return worst;
    }
}
