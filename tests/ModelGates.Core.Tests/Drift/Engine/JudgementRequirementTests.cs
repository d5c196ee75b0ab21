using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Statistics;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>
/// The three judgement requirements of the auto policy at the sizes where p-value tests and distances
/// each fail on their own (docs/drift.md#judgement).
/// </summary>
public sealed class JudgementRequirementTests
{
    [Fact]
    public void A_mean_shift_of_one_percent_of_sigma_in_a_million_rows_is_not_drift()
    {
        var random = new SeededRandom(101);
        var reference = SampleStreams.Normal(random, 1_000_000);
        var current = SampleStreams.Normal(random, 1_000_000, shift: 0.01);

        var report = SampleDrift.CompareValues("x", reference, current);
        var column = report.Columns[0];

        // The change is real (KS alone, as --decision test reads it, would flag it) but an order of magnitude
        // below a change that matters.
        Assert.Equal("ks", column.Test);
        Assert.True(column.PValueAdjusted < 1e-6, $"p = {column.PValueAdjusted}");
        Assert.True(column.Effect < 0.02, $"effect = {column.Effect}");
        Assert.True(column.EffectInterval!.Value.Upper < 0.1);
        Assert.Equal(ColumnDriftStatus.Ok, column.Status);
        Assert.True(report.Passed);
        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public void A_mean_shift_of_half_a_sigma_in_two_thousand_rows_is_drift()
    {
        var random = new SeededRandom(102);
        var reference = SampleStreams.Normal(random, 2_000);
        var current = SampleStreams.Normal(random, 2_000, shift: 0.5);

        foreach (var rule in new[] { DriftDecisionRule.Effect, DriftDecisionRule.LowerBound })
        {
            var report = SampleDrift.CompareValues("x", reference, current, new DriftOptions { Decision = rule });
            var column = report.Columns[0];
            Assert.Equal(ColumnDriftStatus.Drift, column.Status);
            Assert.InRange(column.Effect!.Value, 0.4, 0.6);
            Assert.True(column.EffectInterval!.Value.Lower > 0.1, $"{rule}: lower bound {column.EffectInterval.Value.Lower}");
            Assert.False(report.Passed);
            Assert.Equal(["MG3001", "MG3002"], report.Diagnostics.Select(d => d.Code));
            Assert.Equal(("x", "ks"), (report.Diagnostics[0].Column, report.Diagnostics[0].Check));
        }
    }

    [Fact]
    public void Twenty_rows_drawn_from_the_reference_distribution_are_not_drift()
    {
        var random = new SeededRandom(103);
        var reference = SampleStreams.Normal(random, 2_000);
        var current = SampleStreams.Normal(random, 20);

        var report = SampleDrift.CompareValues("x", reference, current);
        var column = report.Columns[0];

        // Twenty rows sit far from their distribution by chance: the distance alone is over its threshold,
        // and the minimum detectable effect says that these sizes cannot resolve effects that small.
        Assert.True(column.Effect >= 0.1, $"effect = {column.Effect}");
        Assert.True(column.MinimumDetectableEffect > 0.2, $"MDE = {column.MinimumDetectableEffect}");
        Assert.True(column.PValue > 0.05, $"p = {column.PValue}");
        Assert.Equal(ColumnDriftStatus.Ok, column.Status);
        Assert.True(report.Passed);
        // Not a silent "ok": the column is warned that these sizes cannot see an effect of the threshold's size.
        Assert.Equal(["MG3010"], report.Diagnostics.Select(d => d.Code));

        var distanceOnly = SampleDrift.CompareValues("x", reference, current, new DriftOptions { Test = "wasserstein", Decision = DriftDecisionRule.TestOnly });
        Assert.Equal(ColumnDriftStatus.Drift, distanceOnly.Columns[0].Status);
    }
}
