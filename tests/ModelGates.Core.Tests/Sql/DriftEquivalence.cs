using ModelGates.Drift.Engine.Results;

namespace ModelGates.Tests.Sql;

/// <summary>
/// Holds a drift report over a table to the report over a CSV of the same rows: every verdict, count, share,
/// p-value of a count test and KS statistic and p-value equal; a value distance within the extra bound the
/// pushed-down report states; the bootstrap interval within that bound and its resampling noise.
/// </summary>
internal static class DriftEquivalence
{
    /// <summary>How far the bootstrap interval's ends may move when the current's values are the engine's run means.</summary>
    public const double IntervalTolerance = 2e-3;

    public static void AssertEquivalent(DriftReport file, DriftReport pushed)
    {
        Assert.Equal(file.DatasetDrift, pushed.DatasetDrift);
        Assert.Equal(file.DriftedShare, pushed.DriftedShare);
        Assert.Equal(file.Current.Rows, pushed.Current.Rows);
        Assert.Equal(file.Diagnostics.Select(d => (d.Code, d.Column)), pushed.Diagnostics.Select(d => (d.Code, d.Column)));
        Assert.Equal(file.Columns.Count, pushed.Columns.Count);
        foreach (var (f, p) in file.Columns.Zip(pushed.Columns))
        {
            var name = f.Column;
            Assert.Equal((name, f.Kind, f.Status, f.Test, f.PValueTest, f.EffectMeasure, f.Input, f.ValueDrifted, f.MissingShareDrifted), (p.Column, p.Kind, p.Status, p.Test, p.PValueTest, p.EffectMeasure, p.Input, p.ValueDrifted, p.MissingShareDrifted));
            Assert.Equal((name, f.ReferenceCount, f.CurrentCount, f.MissingShareCurrent, f.MissingSharePValue, f.BelowReferenceShare, f.AboveReferenceShare), (name, p.ReferenceCount, p.CurrentCount, p.MissingShareCurrent, p.MissingSharePValue, p.BelowReferenceShare, p.AboveReferenceShare));
            if (f.Input is DriftInputShape.Values or DriftInputShape.Sketch)
            {
                // KS against the sketch is exact: the engine's counts give the current's CDF at every sketch point.
                Assert.True(f.PValueTest != "ks" || (f.PValue == p.PValue && (f.Test != "ks" || f.Statistic == p.Statistic)), $"{name}: ks {f.Statistic}/{f.PValue} vs {p.Statistic}/{p.PValue}");
                var extra = (p.EffectErrorBound ?? 0) - (f.EffectErrorBound ?? 0);
                Assert.True(extra >= 0, $"{name}: the pushed-down bound {p.EffectErrorBound} is below the file's {f.EffectErrorBound}");
                Assert.True(Math.Abs(f.Effect!.Value - p.Effect!.Value) <= extra + 1e-12, $"{name}: effect {f.Effect} vs {p.Effect}, extra bound {extra}");
                Assert.True(Math.Abs(f.EffectInterval!.Value.Lower - p.EffectInterval!.Value.Lower) <= (2 * extra) + IntervalTolerance, $"{name}: interval {f.EffectInterval} vs {p.EffectInterval}");
                Assert.True(Math.Abs(f.EffectInterval.Value.Upper - p.EffectInterval.Value.Upper) <= (2 * extra) + IntervalTolerance, $"{name}: interval {f.EffectInterval} vs {p.EffectInterval}");
            }
            else
            {
                Assert.Equal((name, f.Statistic, f.PValue, f.Effect, f.EffectInterval, f.MinimumDetectableEffect), (name, p.Statistic, p.PValue, p.Effect, p.EffectInterval, p.MinimumDetectableEffect));
            }
        }

        Assert.Equal(file.Distributions.Keys.Order(), pushed.Distributions.Keys.Order());
        foreach (var (name, distribution) in file.Distributions)
        {
            Assert.Equal(distribution.Labels, pushed.Distributions[name].Labels);
            Assert.Equal(distribution.Current, pushed.Distributions[name].Current);
        }
    }
}
