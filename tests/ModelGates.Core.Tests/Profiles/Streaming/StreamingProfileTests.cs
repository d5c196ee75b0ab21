using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Data.Streaming;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Inputs;
using ModelGates.Memory;
using ModelGates.Profiles;
using ModelGates.Profiles.Streaming;
using ModelGates.Statistics;
using ModelGates.Testing;

namespace ModelGates.Tests.Profiles.Streaming;

/// <summary>
/// A streamed profile of the real credit data against the exact in-memory profile of the same file: counts,
/// extremes, histograms and categories equal, moments to rounding, reference-bin counts exact on their edges, and
/// every quantile within the rank error the profile states. Small leaves, trees and ranges make the tree and the
/// range joins work on a small file.
/// </summary>
public sealed class StreamingProfileTests
{
    private static readonly string Train = RepoPaths.Combine(["samples", "CreditRisk", "data", "train.csv"]);
    private static readonly string Scoring = RepoPaths.Combine(["samples", "CreditRisk", "data", "scoring.csv"]);
    private static readonly ProfileSettings Settings = new() { QuantilePoints = 32 };

    [Fact]
    public void A_streamed_profile_of_real_data_is_the_exact_one_within_its_stated_bounds()
    {
        using var engine = new DataEngine();
        var source = new DatasetSource(Train);
        var streamed = Stream(engine, source, rangeBytes: 8 * 1024);
        var exact = DirectCsvProfiler.TryProfile(engine, source, Settings)!;
        var data = DirectCsvReader.TryRead(engine, source)!;

        Assert.Equal(exact.Rows, streamed.Rows);
        Assert.Equal(exact.Columns.Select(c => (c.Name, c.Kind, c.SqlType)), streamed.Columns.Select(c => (c.Name, c.Kind, c.SqlType)));
        var inexact = 0;
        foreach (var (s, e) in streamed.Columns.Zip(exact.Columns))
        {
            Assert.Equal(e.Count, s.Count);
            Assert.Equal(e.Missing, s.Missing);
            if (e.Numeric is null)
            {
                Assert.Equal(e.Categories!.Values, s.Categories!.Values);
                Assert.Equal(e.Distinct.Estimate, s.Distinct.Estimate);
                Assert.Equal(e.Length, s.Length);
                continue;
            }

            var (sn, en) = (s.Numeric!, e.Numeric);
            Assert.Equal(en.Min, sn.Min);
            Assert.Equal(en.Max, sn.Max);
            Assert.Equal(en.Histogram.Edges, sn.Histogram.Edges);
            Assert.Equal(en.Histogram.Counts, sn.Histogram.Counts);
            Assert.Equal(en.Moments.Mean, sn.Moments.Mean, 1e-12 * Math.Max(1, Math.Abs(en.Moments.Mean)));
            Assert.True(Math.Abs(en.Moments.M2 - sn.Moments.M2) <= 1e-11 * Math.Max(1, en.Moments.M2), $"{s.Name}: M2 {sn.Moments.M2} vs {en.Moments.M2}");

            var sorted = data.Find(s.Name)!.SortNumbers().ToArray();
            Assert.Equal(SortedValues.BinCounts(sorted, sn.Bins.Edges), sn.Bins.Counts);
            Assert.True(sn.Bins.IsExact && sn.Histogram.IsExact);
            Assert.True(StreamingQuantilesTests.MaxCdfError(sn.Quantiles, sorted) <= sn.Quantiles.RankError + 1e-12, $"{s.Name}: the sketch is off beyond its rank error {sn.Quantiles.RankError}");
            if (!sn.Quantiles.IsExact)
            {
                inexact++;
                Assert.Equal(SortedValues.DistinctCount(sorted), s.Distinct.IsExact ? s.Distinct.Estimate : SortedValues.DistinctCount(sorted));
                Assert.InRange(s.Distinct.Estimate, SortedValues.DistinctCount(sorted) * (1 - (3 * DistinctSketch.StandardError)), SortedValues.DistinctCount(sorted) * (1 + (3 * DistinctSketch.StandardError)));
            }
            else
            {
                Assert.Equal(SortedValues.DistinctCount(sorted), s.Distinct.Estimate);
            }
        }

        Assert.True(inexact >= 3, "the test should exercise columns the tree summarises");
    }

    [Fact]
    public void Streamed_profiles_are_the_same_bytes_whatever_the_ranges()
    {
        using var engine = new DataEngine();
        var source = new DatasetSource(Train);
        var small = ProfileJsonWriter.Write(Stream(engine, source, rangeBytes: 4 * 1024));
        var large = ProfileJsonWriter.Write(Stream(engine, source, rangeBytes: 64 * 1024));

        Assert.Equal(small, large);
    }

    [Fact]
    public void Beyond_the_memory_limit_the_pipeline_streams_and_below_it_stays_exact()
    {
        using var streaming = new InputPipeline { MemoryLimit = MemoryLimit.OfBytes(1) };
        using var exact = new InputPipeline();
        var source = new DatasetSource(Train);

        var streamed = streaming.Profile(source).Profile;
        var inMemory = exact.Profile(source).Profile;

        Assert.Equal(ProfileJsonWriter.Write(DirectCsvProfiler.TryProfile(exact.Engine, source)!), ProfileJsonWriter.Write(inMemory));
        Assert.NotNull(streaming.ReadColumns(source).Streamed);
        Assert.Null(exact.ReadColumns(source).Streamed);
        Assert.Equal(inMemory.Columns.Select(c => c.Count), streamed.Columns.Select(c => c.Count));
        Assert.Equal(inMemory.Columns.Select(c => c.Numeric?.Histogram.Counts), streamed.Columns.Select(c => c.Numeric?.Histogram.Counts));
    }

    [Fact]
    public void Drift_against_a_profile_with_a_streamed_current_decides_as_with_the_exact_current()
    {
        using var dir = new TempDirectory();
        var profilePath = Path.Combine(dir.Path, "train.profile.json");
        using (var pipeline = new InputPipeline())
        {
            File.WriteAllBytes(profilePath, ProfileJsonWriter.Write(pipeline.Profile(new DatasetSource(Train)).Profile));
        }

        using var streaming = new InputPipeline { MemoryLimit = MemoryLimit.OfBytes(1) };
        using var exact = new InputPipeline();
        var options = new ModelGates.Drift.Engine.Options.DriftOptions();
        var onStream = DriftEngine.Compare(streaming.ReadReference(new DatasetSource(profilePath)), streaming.ReadColumns(new DatasetSource(Scoring)), options);
        var onValues = DriftEngine.Compare(exact.ReadReference(new DatasetSource(profilePath)), exact.ReadColumns(new DatasetSource(Scoring)), options);

        Assert.Equal(onValues.DatasetDrift, onStream.DatasetDrift);
        Assert.Equal(onValues.Columns.Count, onStream.Columns.Count);
        foreach (var (s, v) in onStream.Columns.Zip(onValues.Columns))
        {
            Assert.Equal(v.Column, s.Column);
            Assert.Equal(v.Status, s.Status);
            Assert.Equal(v.Test, s.Test);
            Assert.Equal(v.CurrentCount, s.CurrentCount);
            Assert.Equal(v.MissingShareCurrent, s.MissingShareCurrent);
            if (v.Input == ModelGates.Drift.Engine.Results.DriftInputShape.Sketch)
            {
                // Both sides' sketch errors add: the streamed statistic is within the bound it reports of the exact one.
                Assert.True(s.StatisticErrorBound >= v.StatisticErrorBound);
                Assert.InRange(s.Statistic!.Value, v.Statistic!.Value - s.StatisticErrorBound!.Value - 1e-12, v.Statistic.Value + s.StatisticErrorBound.Value + 1e-12);
            }
            else
            {
                Assert.Equal(v.Statistic, s.Statistic);
                Assert.Equal(v.PValue, s.PValue);
            }
        }
    }

    [Theory]
    [InlineData("512MB", 512L << 20)]
    [InlineData("1.5gb", 3L << 29)]
    [InlineData("2 GiB", 2L << 30)]
    [InlineData("20000000", 20_000_000)]
    public void Memory_limits_read_sizes(string text, long bytes)
    {
        var limit = MemoryLimit.Parse(text);
        Assert.Equal(bytes, limit.Bytes);
        Assert.True(limit.IsExplicit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("2 gigs")]
    [InlineData("-1GB")]
    [InlineData("1MB")]
    public void A_bad_memory_limit_is_MG0160(string text)
    {
        var error = Assert.Throws<ConfigurationException>(() => MemoryLimit.Parse(text));
        Assert.Equal("MG0160", error.Diagnostics[0].Code);
        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
    }

    private static DatasetProfile Stream(DataEngine engine, DatasetSource source, long rangeBytes) =>
        StreamingProfiler.Profile(engine, StreamingCsvFile.TryOpen(engine, source, rangeBytes)!, Settings, leafSize: 256, treePoints: 64)!;
}
