using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Profiles;
using ModelGates.Testing;

namespace ModelGates.Tests.Profiles;

/// <summary>merge(profile(A), profile(B)) against profile(A ∪ B), column by column.</summary>
public sealed class ProfileMergeTests
{
    [Fact]
    public void Merged_profile_equals_profile_of_the_union()
    {
        using var dir = new TempDirectory();
        var a = ProfileTestData.WritePartition(dir.File(Path.Combine("parts", "a.csv")), 4000, 21);
        var b = ProfileTestData.WritePartition(dir.File(Path.Combine("parts", "b.csv")), 2500, 22, shift: 300);
        var settings = new ProfileSettings { QuantilePoints = 128 };

        var merged = ProfileMerger.Merge(ProfileTestData.Profile(a, settings), ProfileTestData.Profile(b, settings));
        var whole = ProfileTestData.Profile(Path.Combine(dir.Path, "parts", "*.csv"), settings);

        Assert.Equal(whole.Rows, merged.Rows);
        foreach (var expected in whole.Columns)
        {
            var actual = merged.Find(expected.Name)!;
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.Missing, actual.Missing);
            if (expected.Numeric is { } n)
            {
                Assert.Equal(n.Min, actual.Numeric!.Min);
                Assert.Equal(n.Max, actual.Numeric.Max);
                AssertRelative(n.Moments.Mean, actual.Numeric.Moments.Mean, 1e-12);
                AssertRelative(n.Moments.M2, actual.Numeric.Moments.M2, 1e-12);
            }

            if (expected.Categories is { IsComplete: true } categories && expected.Kind != ColumnKind.Text)
            {
                Assert.Equal(categories.Values.OrderBy(v => v.Value, StringComparer.Ordinal), actual.Categories!.Values.OrderBy(v => v.Value, StringComparer.Ordinal));
            }
        }

        var small = merged.Find("count")!;
        Assert.True(small.Numeric!.Quantiles.IsExact);
        Assert.True(small.Distinct.IsExact);
        Assert.Equal(whole.Find("count")!.Numeric!.Bins.Counts, small.Numeric.Bins.Counts);
    }

    [Fact]
    public void Merged_sketch_stays_within_its_bound_through_repeated_merges()
    {
        using var dir = new TempDirectory();
        var settings = new ProfileSettings { QuantilePoints = 64 };
        var parts = Enumerable.Range(0, 4)
            .Select(i => ProfileTestData.WritePartition(dir.File(Path.Combine("p", $"{i}.csv")), 3000, (ulong)(100 + i), shift: 100 * i))
            .ToList();

        var merged = ProfileMerger.Merge(parts.Select(p => ProfileTestData.Profile(p, settings)).ToList());
        var values = ProfileTestData.Values(Path.Combine(dir.Path, "p", "*.csv"), "amount");
        var sketch = merged.Find("amount")!.Numeric!.Quantiles;

        Assert.Equal(values.Length, sketch.Count);
        Assert.True(sketch.RankError <= 4.0 / 64, $"bound {sketch.RankError}");
        Assert.True(ProfileBuilderTests.MaxCdfError(sketch, values) <= sketch.RankError);
    }

    [Fact]
    public void Merged_distinct_estimate_is_within_three_standard_errors()
    {
        using var dir = new TempDirectory();
        var a = ProfileTestData.WritePartition(dir.File(Path.Combine("d", "a.csv")), 8000, 31);
        var b = ProfileTestData.WritePartition(dir.File(Path.Combine("d", "b.csv")), 8000, 32);

        var merged = ProfileMerger.Merge(ProfileTestData.Profile(a), ProfileTestData.Profile(b)).Find("note")!;
        using var engine = new DataEngine();
        var data = DatasetLoader.Load(engine, new DatasetSource(Path.Combine(dir.Path, "d", "*.csv")));
        var exact = Convert.ToInt64(engine.Scalar($"SELECT count(DISTINCT note) FROM {data.Table}"), System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(merged.Distinct.Estimate, exact * (1 - 3 * DistinctSketch.StandardError), exact * (1 + 3 * DistinctSketch.StandardError));
    }

    [Fact]
    public void Exact_categorical_merged_with_estimated_text_hashes_the_listed_values()
    {
        using var dir = new TempDirectory();
        var few = dir.Write("few.csv", "k\na\nb\nc\n");
        var many = dir.Write("many.csv", "k\n" + string.Join('\n', Enumerable.Range(0, 5000).Select(i => "v" + i)) + "\n");

        var merged = ProfileMerger.Merge(ProfileTestData.Profile(few), ProfileTestData.Profile(many)).Find("k")!;

        Assert.False(merged.Distinct.IsExact);
        Assert.NotNull(merged.Distinct.Registers);
        Assert.InRange(merged.Distinct.Estimate, 5003 * (1 - 3 * DistinctSketch.StandardError), 5003 * (1 + 3 * DistinctSketch.StandardError));
    }

    [Fact]
    public void Profiles_with_different_settings_do_not_merge()
    {
        using var dir = new TempDirectory();
        var a = ProfileTestData.WritePartition(dir.File("a.csv"), 100, 1);

        var error = Assert.Throws<ConfigurationException>(() =>
            ProfileMerger.Merge(ProfileTestData.Profile(a), ProfileTestData.Profile(a, new ProfileSettings { QuantilePoints = 64 })));

        Assert.Equal("MG0021", error.Diagnostics[0].Code);
    }

    [Fact]
    public void Profiles_with_different_columns_do_not_merge()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a.csv", "x,y\n1,2\n");
        var b = dir.Write("b.csv", "x,z\n1,2\n");

        var error = Assert.Throws<ConfigurationException>(() => ProfileMerger.Merge(ProfileTestData.Profile(a), ProfileTestData.Profile(b)));

        Assert.Contains("only in the first: y", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(Math.Abs(expected), 1e-300), $"expected {expected}, got {actual}");
}
