using System.Globalization;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Statistics;
using Xunit.Abstractions;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>
/// Seeded simulations of the auto policy: how often it flags pairs with no drift (false alarms) and how
/// often it flags the documented shifts (detection). The rates printed here are the ones in docs/drift.md.
/// The decision does not use the bootstrap, so the simulations run it with few replicates to stay fast.
/// </summary>
public sealed class DriftSimulationTests(ITestOutputHelper output)
{
    private static readonly DriftOptions Fast = new() { BootstrapReplicates = 20 };

    public static TheoryData<int, int, int> NoDriftSizes() => new()
    {
        { 50, 50, 400 },
        { 2_000, 2_000, 200 },
        { 2_000, 20, 200 },
        { 1_000_000, 1_000_000, 3 },
    };

    [Theory]
    [MemberData(nameof(NoDriftSizes))]
    public void Numeric_false_alarms_stay_within_the_significance_level(int referenceSize, int currentSize, int repetitions)
    {
        var random = new SeededRandom((ulong)(referenceSize + currentSize));
        var alarms = 0;
        var significant = 0;
        for (var k = 0; k < repetitions; k++)
        {
            var column = SampleDrift.CompareValues("x", SampleStreams.Normal(random, referenceSize), SampleStreams.Normal(random, currentSize), Fast).Columns[0];
            alarms += column.ValueDrifted ? 1 : 0;
            significant += column.PValue < 0.05 ? 1 : 0;
        }

        var rate = (double)alarms / repetitions;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"numeric n={referenceSize}/{currentSize}: drift in {alarms}/{repetitions} ({rate:P1}), p < 0.05 in {significant}/{repetitions}"));

        // α plus three standard errors of the simulated rate.
        Assert.True(rate <= 0.05 + (3 * Math.Sqrt(0.05 * 0.95 / repetitions)), $"false-alarm rate {rate:P1}");
        if (referenceSize >= 1_000_000)
        {
            // At a million rows noise is two orders of magnitude below the effect threshold.
            Assert.Equal(0, alarms);
        }
    }

    [Theory]
    [InlineData(50, 400)]
    [InlineData(2_000, 200)]
    public void Categorical_false_alarms_stay_within_the_significance_level(int size, int repetitions)
    {
        var random = new SeededRandom(7 + (ulong)size);
        double[] probabilities = [0.4, 0.25, 0.15, 0.1, 0.06, 0.04];
        var alarms = 0;
        for (var k = 0; k < repetitions; k++)
        {
            var report = SampleDrift.Compare(
                [SampleColumn.Counts("c", SampleStreams.Categories(random, size, probabilities))],
                [SampleColumn.Counts("c", SampleStreams.Categories(random, size, probabilities))],
                Fast);
            alarms += report.Columns[0].ValueDrifted ? 1 : 0;
        }

        var rate = (double)alarms / repetitions;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"categorical n={size}: drift in {alarms}/{repetitions} ({rate:P1})"));
        Assert.True(rate <= 0.05 + (3 * Math.Sqrt(0.05 * 0.95 / repetitions)), $"false-alarm rate {rate:P1}");
    }

    public static TheoryData<int, double, double, double> Shifts() => new()
    {
        // size per side, shift in σ, the least and the most detection rate expected
        { 200, 0.5, 0.95, 1.0 },
        { 2_000, 0.5, 1.0, 1.0 },
        { 2_000, 0.2, 0.95, 1.0 },
        { 100_000, 0.05, 0.0, 0.0 }, // significant every time, but half the effect threshold
    };

    [Theory]
    [MemberData(nameof(Shifts))]
    public void Numeric_shifts_are_detected_at_the_documented_rates(int size, double shift, double least, double most)
    {
        var repetitions = size >= 100_000 ? 10 : 40;
        var random = new SeededRandom(1_000 + (ulong)size);
        var detected = 0;
        for (var k = 0; k < repetitions; k++)
        {
            var column = SampleDrift.CompareValues("x", SampleStreams.Normal(random, size), SampleStreams.Normal(random, size, shift), Fast).Columns[0];
            detected += column.ValueDrifted ? 1 : 0;
        }

        var rate = (double)detected / repetitions;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"n={size}, shift {shift}σ: detected {detected}/{repetitions} ({rate:P0})"));
        Assert.InRange(rate, least, most);
    }

    [Fact]
    public void A_categorical_shift_is_detected_and_noise_is_not()
    {
        const int Repetitions = 40;
        var random = new SeededRandom(77);
        double[] before = [0.4, 0.3, 0.2, 0.1];
        double[] after = [0.25, 0.3, 0.2, 0.25];
        var detected = 0;
        for (var k = 0; k < Repetitions; k++)
        {
            var report = SampleDrift.Compare(
                [SampleColumn.Counts("c", SampleStreams.Categories(random, 1_000, before))],
                [SampleColumn.Counts("c", SampleStreams.Categories(random, 1_000, after))],
                Fast);
            detected += report.Columns[0].ValueDrifted ? 1 : 0;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"categorical 40/30/20/10 → 25/30/20/25 at n=1000: detected {detected}/{Repetitions}"));
        Assert.Equal(Repetitions, detected);
    }
}
