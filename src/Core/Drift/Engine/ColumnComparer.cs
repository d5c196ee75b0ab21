using ModelGates.Data;
using ModelGates.Drift.Engine.Effects;
using ModelGates.Drift.Engine.Inputs;
using ModelGates.Drift.Engine.Policy;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine;

/// <summary>
/// Runs one column's plan: the significance test, the effect with its bootstrap interval and minimum
/// detectable effect, and, against a reference profile, the error bounds of what the sketch approximates.
/// </summary>
internal static class ColumnComparer
{
    /// <summary>Most points per side the bootstrap resamples; larger samples are compressed into runs of equal weight.</summary>
    public const int BootstrapPoints = 1024;

    public static ColumnMeasurement Compare(ReferenceColumn reference, CurrentColumn current, DriftPlan plan, EffectBootstrapSettings bootstrap) =>
        plan.Input != DriftInputShape.Values
            ? CompareCounts(reference, current, plan, bootstrap)
            : current.Pooled is { } pooled
            ? ComparePooled(reference, pooled, plan, bootstrap)
            : current.Sketch is { } sketched
            ? CompareValues(reference, Weighted(sketched.Sketch), sketched, 0, plan, bootstrap)
            : current.Weights is { } weights
            ? CompareValues(reference, NumericSample.FromSorted(current.SortedValues!.Value.ToArray(), weights.ToArray()), null, current.ExtraEffectBound, plan, bootstrap)
            : CompareValues(reference, NumericSample.FromSorted(current.SortedValues!.Value), null, 0, plan, bootstrap);

    /// <summary>Reference and current counts aligned over the union of categories, in ordinal order (boolean: false, true).</summary>
    public static (long[] Reference, long[] Current) AlignCategories(ReferenceColumn reference, IReadOnlyDictionary<string, long> current)
    {
        if (reference.Kind == ColumnKind.Boolean)
        {
            return ([reference.Categories.GetValueOrDefault("false"), reference.Categories.GetValueOrDefault("true")],
                [current.GetValueOrDefault("false"), current.GetValueOrDefault("true")]);
        }

        // Ordinal order makes the vectors, and so every resample, independent of the order rows arrive in.
        var complete = reference.OtherCategories == 0;
        var keys = complete
            ? reference.Categories.Keys.Union(current.Keys).Order(StringComparer.Ordinal).ToList()
            : reference.Categories.Keys.Order(StringComparer.Ordinal).ToList();
        var r = keys.Select(k => reference.Categories.GetValueOrDefault(k)).ToList();
        var c = keys.Select(k => current.GetValueOrDefault(k)).ToList();
        if (!complete)
        {
            // A profile that lists only the most frequent values: the rest of both sides meet in one bucket.
            r.Add(reference.OtherCategories);
            c.Add(current.Where(p => !reference.Categories.ContainsKey(p.Key)).Sum(p => p.Value));
        }

        return ([.. r], [.. c]);
    }

    private static ColumnMeasurement CompareCounts(ReferenceColumn reference, CurrentColumn current, DriftPlan plan, EffectBootstrapSettings bootstrap)
    {
        var (r, c) = plan.Input == DriftInputShape.Bins
            ? ([.. reference.Bins!.Counts], current.BinCounts!)
            : AlignCategories(reference, current.Categories!);
        var referenceCounts = new CountVector(r);
        var currentCounts = new CountVector(c);
        var significance = plan.SignificanceTest.Compute(referenceCounts, currentCounts);
        var effect = plan.EffectMeasure.Compute(referenceCounts, currentCounts).Statistic;
        var (interval, mde) = EffectBootstrap.ForCounts(r, c, plan.EffectMeasure, effect, bootstrap);
        var statistic = ReferenceEquals(plan.Test, plan.SignificanceTest) ? significance.Statistic : effect;
        return new ColumnMeasurement
        {
            Statistic = statistic,
            PValue = significance.PValue!.Value,
            PValueMethod = significance.Method,
            Effect = effect,
            Interval = interval,
            MinimumDetectableEffect = mde,
            StatisticErrorBound = reference.FromProfile ? 0 : null,
            EffectErrorBound = reference.FromProfile ? 0 : null,
            Input = plan.Input,
        };
    }

    /// <summary>Both sides beyond the memory limit: the tests measured inside DuckDB, the bootstrap as on values in memory.</summary>
    private static ColumnMeasurement ComparePooled(ReferenceColumn reference, PooledMeasure pooled, DriftPlan plan, EffectBootstrapSettings bootstrap)
    {
        var effect = pooled.Effect.Statistic;
        var scale = plan.EffectMeasure.CdfDistance == CdfDistance.Rank ? 1.0 / RankScale.Norm : reference.PopulationStandardDeviation;
        var grid = ValueGrid.Of(pooled.ReferencePoints, pooled.CurrentPoints, scale);
        var (interval, mde) = EffectBootstrap.ForValues(grid, squared: IsSquared(plan.EffectMeasure), effect, bootstrap);
        return new ColumnMeasurement
        {
            Statistic = ReferenceEquals(plan.Test, plan.SignificanceTest) ? pooled.Significance.Statistic : effect,
            PValue = pooled.Significance.PValue!.Value,
            PValueMethod = pooled.Significance.Method,
            Effect = effect,
            Interval = interval,
            MinimumDetectableEffect = mde,
            Input = DriftInputShape.Values,
        };
    }

    /// <param name="reference">The reference column.</param>
    /// <param name="current">The current values, or a streamed current's sketch as a weighted sample, or a pushed-down current's weighted runs.</param>
    /// <param name="sketched">The streamed current's sketch, when <paramref name="current"/> is one; null for exact values.</param>
    /// <param name="extraEffectBound">A pushed-down current: the most a CDF-integral effect can differ from the exact one (<see cref="Inputs.CurrentColumn.ExtraEffectBound"/>).</param>
    /// <param name="plan">The column's plan.</param>
    /// <param name="bootstrap">The bootstrap settings.</param>
    private static ColumnMeasurement CompareValues(ReferenceColumn reference, NumericSample current, Profiles.Streaming.StreamedNumeric? sketched, double extraEffectBound, DriftPlan plan, EffectBootstrapSettings bootstrap)
    {
        if (sketched is not null && (!plan.SignificanceTest.AcceptsWeights || !plan.EffectMeasure.AcceptsWeights || reference.Sketch is null))
        {
            // A test that needs every value of the current side reads them from the table.
            throw new DirectReadDeclinedException();
        }

        var currentError = sketched?.Sketch.RankError ?? 0;
        var (significance, statisticBound) = Significance(reference, current, plan.SignificanceTest, currentError, sketched);
        var (effect, effectBound) = Effect(reference, current, plan.EffectMeasure, currentError, sketched);
        if (extraEffectBound > 0 && plan.EffectMeasure.CdfDistance == CdfDistance.Absolute)
        {
            // The current is the engine's counts between the sketch's points, each run at its values' mean. (On the
            // rank scale a run between two points maps where its values would: the sketch's T is flat there.)
            effectBound += extraEffectBound;
        }

        var referencePoints = reference.BootstrapPoints ?? WeightedPoints.Of(reference.Sketch!).Compress(BootstrapPoints);
        var currentPoints = sketched is not null
            ? WeightedPoints.Of(sketched.Sketch).Compress(BootstrapPoints)
            : current.IsWeighted
            ? WeightedPoints.Of(current).Compress(BootstrapPoints)
            : WeightedPoints.CompressedFromSorted(current.Values, BootstrapPoints);
        var scale = reference.PopulationStandardDeviation;
        if (plan.EffectMeasure.CdfDistance == CdfDistance.Rank)
        {
            // Replicates are redrawn on the rank scale the estimate was measured on, normed as it is (1/√12).
            var rank = RankScale.Of(reference.Values ?? Weighted(reference.Sketch!));
            referencePoints = referencePoints.Mapped(x => rank[x]);
            currentPoints = currentPoints.Mapped(x => rank[x]);
            scale = 1.0 / RankScale.Norm;
        }

        var grid = ValueGrid.Of(referencePoints, currentPoints, scale);
        var (interval, mde) = EffectBootstrap.ForValues(grid, squared: IsSquared(plan.EffectMeasure), effect, bootstrap);

        var reportsSignificance = ReferenceEquals(plan.Test, plan.SignificanceTest);
        return new ColumnMeasurement
        {
            Statistic = reportsSignificance ? significance.Statistic : effect,
            PValue = significance.PValue!.Value,
            PValueMethod = significance.Method,
            Effect = effect,
            Interval = interval,
            MinimumDetectableEffect = mde,
            StatisticErrorBound = reference.FromProfile ? (reportsSignificance ? statisticBound : effectBound) : null,
            EffectErrorBound = reference.FromProfile ? effectBound : null,
            Input = reference.FromProfile ? DriftInputShape.Sketch : DriftInputShape.Values,
        };
    }

    /// <summary>The p-value test; against a sketch, as the test declares it runs there, with the bound on its statistic.</summary>
    private static (DriftTestResult Result, double Bound) Significance(ReferenceColumn reference, NumericSample current, IDriftTest test, double currentError, Profiles.Streaming.StreamedNumeric? sketched)
    {
        if (reference.Values is { } values)
        {
            return (test.Compute(values, current), 0);
        }

        var sketch = reference.Sketch!;
        if (test.ProfileUse == DriftProfileUse.Moments)
        {
            return (test.Compute(MomentSurrogate(reference), current), 0);
        }

        // An exact sketch holds every value with its count: expanded, it is the reference itself.
        var result = test.Compute(test.AcceptsWeights ? Weighted(sketch) : Expanded(sketch), current);
        // The CDF errors of both sketches add; a streamed current's values may reach beyond the reference's range.
        var bound = test.SketchErrorBound(sketch.RankError + currentError, Range(reference, sketched), reference.PopulationStandardDeviation);
        if (!(sketch.IsExact && currentError == 0) && test.PValueOf(Math.Max(0.0, result.Statistic - bound), reference.Count, (long)current.Size) is { } lowered)
        {
            // The statistic on the sketch is within the bound of the exact one; its p-value is taken at the
            // smallest statistic the bound allows, so the sketch can hide drift but never invent it.
            result = result with { PValue = lowered.PValue, Method = lowered.Method };
        }

        return (result, bound);
    }

    /// <summary>The normed distance; against a sketch, normed by the profile's exact standard deviation and with its error bound.</summary>
    private static (double Effect, double Bound) Effect(ReferenceColumn reference, NumericSample current, IDriftTest measure, double currentError, Profiles.Streaming.StreamedNumeric? sketched)
    {
        if (reference.Values is { } values)
        {
            return (measure.Compute(values, current).Statistic, 0);
        }

        var sketch = reference.Sketch!;
        var sample = Weighted(sketch);
        var onSketch = measure.Compute(sample, current).Statistic;
        if (measure.CdfDistance == CdfDistance.Rank)
        {
            // The rank scale has no unit to correct: T is the sketch's own.
            return (onSketch, sketch.IsExact && currentError == 0 ? 0 : measure.SketchErrorBound(sketch.RankError + currentError, 0, 1));
        }

        var sketchSd = WeightedPoints.Of(sketch).PopulationStandardDeviation();
        var sd = reference.PopulationStandardDeviation;
        var effect = sketchSd > 0 && sd > 0 ? onSketch * sketchSd / sd : onSketch;

        return (effect, sketch.IsExact && currentError == 0 ? 0 : measure.SketchErrorBound(sketch.RankError + currentError, Range(reference, sketched), sd));
    }

    /// <summary>The range the sketches' values span: the reference's, widened to a streamed current's extremes.</summary>
    private static double Range(ReferenceColumn reference, Profiles.Streaming.StreamedNumeric? sketched) =>
        sketched is null || sketched.Moments.Count == 0
            ? reference.Max - reference.Min
            : Math.Max(reference.Max, sketched.Max) - Math.Min(reference.Min, sketched.Min);

    /// <summary>Whether the bootstrap redraws the effect as the energy distance (true) or the Wasserstein distance (false) on its grid.</summary>
    private static bool IsSquared(IDriftTest measure) => measure.CdfDistance switch
    {
        CdfDistance.Squared => true,
        CdfDistance.Absolute or CdfDistance.Rank => false,
        _ => throw new InvalidOperationException($"The effect measure {measure.Id} is not an integral of the CDF difference, which the effect bootstrap redraws."),
    };

    private static NumericSample Weighted(Profiles.QuantileSketch sketch) =>
        NumericSample.FromSorted([.. sketch.Values], sketch.Weights.Select(w => (double)w).ToArray());

    private static NumericSample Expanded(Profiles.QuantileSketch sketch)
    {
        var values = new double[sketch.Count];
        var k = 0;
        for (var i = 0; i < sketch.Values.Count; i++)
        {
            for (long j = 0; j < sketch.Weights[i]; j++)
            {
                values[k++] = sketch.Values[i];
            }
        }

        return NumericSample.FromSorted(values);
    }

    private static NumericSample MomentSurrogate(ReferenceColumn reference)
    {
        // Two points at mean ± σ with half the count each: the same size, mean and variance as the column.
        var sd = reference.PopulationStandardDeviation;
        var half = reference.Count / 2.0;
        return sd > 0
            ? NumericSample.FromSorted([reference.Mean - sd, reference.Mean + sd], [half, half])
            : NumericSample.FromSorted([reference.Mean], [reference.Count]);
    }
}
