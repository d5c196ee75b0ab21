using ModelGates.Models.Evaluation.Baselines;
using ModelGates.Models.Predictions;
using ModelGates.Models.Resources;
using ModelGates.Testing;

namespace ModelGates.Tests.Models.Resources;

/// <summary>The rule of <c>maxRegression</c>: worse than the baseline beyond the spread of both runs' passes and the tolerance.</summary>
public sealed class ResourceRegressionTests
{
    private static readonly ResourceKind Latency = ResourceKind.Find("latencyP95Ms")!;
    private static readonly ResourceKind Throughput = ResourceKind.Find("throughputRowsPerSecond")!;
    private static readonly ResourceKind Size = ResourceKind.Find("modelSizeMB")!;

    [Fact]
    public void A_timed_resource_compares_the_current_best_pass_with_the_baseline_worst()
    {
        var baseline = new BaselineResource("latencyP95Ms", 1.0, [0.9, 1.0, 1.2]);

        var overlapping = ResourceRegression.Judge(Latency, 1.5, [1.5, 1.1, 1.9], baseline, 0.0);
        var slower = ResourceRegression.Judge(Latency, 1.5, [1.5, 1.45, 1.9], baseline, 0.2);

        Assert.False(overlapping.Regressed);
        Assert.True(overlapping.Paired);
        Assert.Equal(1.1, overlapping.Current);
        Assert.Equal(1.2, overlapping.Baseline);
        Assert.Equal((1.1 / 1.2) - 1, overlapping.Change, 12);
        Assert.True(slower.Regressed);
        Assert.Equal((1.45 / 1.2) - 1, slower.Change, 12);
    }

    [Fact]
    public void Throughput_is_worse_when_lower_and_its_tolerance_is_the_same_relative_worsening()
    {
        var baseline = new BaselineResource("throughputRowsPerSecond", 1000, [900, 1000, 1100]);

        var within = ResourceRegression.Judge(Throughput, 800, [700, 800, 780], baseline, 0.2);
        var beyond = ResourceRegression.Judge(Throughput, 600, [600, 650, 700], baseline, 0.2);

        Assert.False(within.Regressed);
        Assert.Equal((900.0 / 800) - 1, within.Change, 12);
        Assert.True(beyond.Regressed);
        Assert.Equal((900.0 / 700) - 1, beyond.Change, 12);
    }

    [Fact]
    public void A_size_compares_values_and_any_growth_beyond_the_tolerance_regresses()
    {
        var baseline = new BaselineResource("modelSizeMB", 2.0, []);

        Assert.False(ResourceRegression.Judge(Size, 2.0, [], baseline, 0).Regressed);
        Assert.False(ResourceRegression.Judge(Size, 2.1, [], baseline, 0.05).Regressed);
        Assert.True(ResourceRegression.Judge(Size, 2.2, [], baseline, 0.05).Regressed);
        Assert.False(ResourceRegression.Judge(Size, 2.2, [], baseline, 0.05).Paired);
    }

    [Fact]
    public void Passes_of_a_second_measurement_join_the_first_and_the_values_stay()
    {
        var first = new ResourceUse { Values = new Dictionary<string, double> { ["latencyP95Ms"] = 3 }, Rows = 10, Passes = 5, PassValues = new Dictionary<string, IReadOnlyList<double>> { ["latencyP95Ms"] = [3, 4] } };
        var second = first with { PassValues = new Dictionary<string, IReadOnlyList<double>> { ["latencyP95Ms"] = [1, 2] } };

        var merged = first.WithPassesOf(second);

        Assert.Equal([3.0, 4, 1, 2], merged.PassValues["latencyP95Ms"]);
        Assert.Equal(3, merged.Values["latencyP95Ms"]);
    }

    [Fact]
    public void A_baseline_keeps_its_resources_through_its_file_and_one_without_keeps_its_bytes()
    {
        using var directory = new TempDirectory();
        var plain = new BaselineMetrics
        {
            Task = ModelTask.Binary,
            ToolVersion = "1.0.0",
            Scored = new BaselineFile("model", "m.zip", "ab"),
            Data = new BaselineFile("data", "d.csv", "cd"),
            Rows = 10,
            Settings = new BaselineSettings("bad", 0.5, 1, 100, 0.95, 7),
            Metrics = [new BaselineMetric("auc", 0.8, 0.7, 0.9)],
        };
        var measured = plain with { Resources = [new BaselineResource("latencyP95Ms", 0.25, [0.2, 0.3, 0.25]), new BaselineResource("modelSizeMB", 1.5, [])] };

        File.WriteAllBytes(directory.File("plain.json"), BaselineMetricsJson.Write(plain));
        File.WriteAllBytes(directory.File("measured.json"), BaselineMetricsJson.Write(measured));
        var read = BaselineMetricsJson.Read(directory.File("measured.json"));

        Assert.DoesNotContain("resources", File.ReadAllText(directory.File("plain.json")), StringComparison.Ordinal);
        Assert.Empty(BaselineMetricsJson.Read(directory.File("plain.json")).Resources);
        Assert.Equal(["latencyP95Ms", "modelSizeMB"], read.Resources.Select(r => r.Id));
        Assert.Equal([0.2, 0.3, 0.25], read.Resources[0].Passes);
        Assert.Equal(1.5, read.Resources[1].Value);
        Assert.Equal(File.ReadAllBytes(directory.File("measured.json")), BaselineMetricsJson.Write(read));
    }
}
