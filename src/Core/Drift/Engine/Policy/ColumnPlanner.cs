using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Inputs;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine.Policy;

/// <summary>
/// Resolves a column's plan and thresholds from its settings: the test asked for when it applies, the
/// automatic choice otherwise (an info when the test was asked for every column, an error when it was
/// set for this column), and the refusal of tests a reference profile cannot serve.
/// </summary>
internal static class ColumnPlanner
{
    /// <summary>The largest error of the effect on a sketch, as a share of its threshold, that auto accepts before falling back to bins.</summary>
    private const double SketchBoundShare = 0.5;

    public static ColumnPlanChoice Choose(ReferenceColumn column, ColumnDriftSettings settings, long currentCount, string referencePath)
    {
        DriftPlan? plan;
        Diagnostic? note = null;
        var explicitThreshold = settings.Threshold;
        if (settings.Test == DriftOptions.AutoTest)
        {
            plan = Auto(column, currentCount, settings.Threshold ?? settings.EffectThreshold);
        }
        else
        {
            var test = DriftTestRegistry.Get(settings.Test);
            if (test.ColumnKinds.Contains(column.Kind))
            {
                plan = Explicit(test, column, currentCount);
                RefuseUnservable(plan, column, referencePath);
            }
            else if (settings.TestFromOverride)
            {
                throw new ConfigurationException(DiagnosticCatalog.DriftTestNotApplicable.Create(
                    $"Test '{test.Id}' set for column '{column.Name}' does not apply to {column.Kind.ToText()} columns ({test.Id} applies to {Kinds(test)})."
                    + $" Choose a test for {column.Kind.ToText()} columns, or 'auto'.") with
                {
                    Column = column.Name,
                    Check = "test",
                    Measured = column.Kind.ToText(),
                    Bound = Kinds(test),
                });
            }
            else
            {
                // The threshold given with the test is in that test's units; it does not carry over to auto's choice.
                explicitThreshold = null;
                plan = Auto(column, currentCount, settings.EffectThreshold);
                note = plan is null ? null : DiagnosticCatalog.DriftTestFallback.Create(
                    $"Test '{test.Id}' does not apply to {column.Kind.ToText()} column '{column.Name}' ({test.Id} applies to {Kinds(test)}); it is compared with the automatic choice, {plan.SignificanceTest.Id} and {plan.EffectMeasure.Id}.") with
                {
                    Column = column.Name,
                    Check = "test",
                };
            }
        }

        if (plan is null)
        {
            return new ColumnPlanChoice(null, 0, 0, 0, note);
        }

        var (threshold, alpha, effectThreshold) = Thresholds(plan, explicitThreshold, settings);
        return new ColumnPlanChoice(plan, threshold, alpha, effectThreshold, note);
    }

    /// <summary>The reported test's threshold, the significance level and the effect threshold.</summary>
    private static (double Threshold, double Alpha, double EffectThreshold) Thresholds(DriftPlan plan, double? explicitThreshold, ColumnDriftSettings settings)
    {
        if (plan.Auto)
        {
            var effect = explicitThreshold ?? settings.EffectThreshold ?? plan.EffectMeasure.DefaultThreshold;
            return (settings.Alpha, settings.Alpha, effect);
        }

        if (plan.Test.ThresholdKind == DriftThresholdKind.PValue)
        {
            var alpha = explicitThreshold ?? settings.Alpha;
            return (alpha, alpha, settings.EffectThreshold ?? plan.EffectMeasure.DefaultThreshold);
        }

        var distance = explicitThreshold ?? settings.EffectThreshold ?? plan.Test.DefaultThreshold;
        return (distance, settings.Alpha, distance);
    }

    private static DriftPlan? Auto(ReferenceColumn column, long currentCount, double? effectThreshold)
    {
        var plan = AutoDriftPolicy.Choose(column.Kind, column.Count, currentCount, column.Distinct, IsHeavyTailed(column));
        if (plan is { Input: DriftInputShape.Values } && column.FromProfile && column.Sketch is { IsExact: false } sketch)
        {
            // The sketch bounds the effect only within its error bound; when that is a large share of the
            // threshold the verdict would be a guess, so compare the exact frozen bins instead.
            var bound = plan.EffectMeasure.SketchErrorBound(sketch.RankError, column.Max - column.Min, column.PopulationStandardDeviation);
            var threshold = effectThreshold ?? plan.EffectMeasure.DefaultThreshold;
            if (!(bound <= SketchBoundShare * threshold))
            {
                return AutoDriftPolicy.Binned();
            }
        }

        return plan;
    }

    /// <summary>
    /// Whether a numeric reference is heavy-tailed, from its exact standard deviation and its sketch's quartiles (a
    /// raw reference's sketch is built by the profile's rule, so raw data and its profile choose alike).
    /// </summary>
    internal static bool IsHeavyTailed(ReferenceColumn column) =>
        column.IsNumeric && column.Sketch is { Count: > 0 } sketch
        && AutoDriftPolicy.IsHeavyTailed(column.PopulationStandardDeviation, sketch.Quantile(0.25), sketch.Quantile(0.75));

    private static DriftPlan Explicit(IDriftTest test, ReferenceColumn column, long currentCount)
    {
        var input = test.Input == DriftInputKind.Values
            ? DriftInputShape.Values
            : column.IsNumeric ? DriftInputShape.Bins : DriftInputShape.Categories;
        if (test.ThresholdKind == DriftThresholdKind.PValue)
        {
            return new DriftPlan(test, test, DriftTestRegistry.Get(AutoDriftPolicy.EffectFor(input, IsHeavyTailed(column))), input, Auto: false);
        }

        var significance = AutoDriftPolicy.SignificanceFor(input, column.Kind, column.Count, currentCount);
        return new DriftPlan(test, DriftTestRegistry.Get(significance), test, input, Auto: false);
    }

    private static void RefuseUnservable(DriftPlan plan, ReferenceColumn column, string referencePath)
    {
        var test = plan.Test;
        if (plan.Input != DriftInputShape.Values || !column.FromProfile || column.Sketch is not { IsExact: false } sketch
            || test.ProfileUse != DriftProfileUse.ExactSketch)
        {
            return;
        }

        throw new ConfigurationException(DiagnosticCatalog.DriftTestNeedsRawReference.Create(
            $"Test '{test.Id}' needs the reference's raw values of column '{column.Name}', but the reference profile '{referencePath}' holds a quantile sketch of it (rank error {Scalar.Format(sketch.RankError)}) and {test.Id} does not accept weighted samples."
            + $" Use {ServedBySketch} (which run on the profile within a stated bound), a binned test such as psi, or the raw reference data.") with
        {
            Column = column.Name,
            Check = "test",
        });
    }

    /// <summary>The tests on values a profile serves without its raw values, as a list for messages (<c>ks, t_test, wasserstein or ed</c>).</summary>
    private static string ServedBySketch
    {
        get
        {
            var ids = DriftTestRegistry.All
                .Where(t => t.Input == DriftInputKind.Values && t.ProfileUse is DriftProfileUse.Sketch or DriftProfileUse.Moments)
                .Select(t => t.Id)
                .ToList();
            return ids.Count == 1 ? ids[0] : $"{string.Join(", ", ids[..^1])} or {ids[^1]}";
        }
    }

    private static string Kinds(IDriftTest test) => string.Join(", ", test.ColumnKinds.Select(k => k.ToText()));
}

/// <summary>A column's plan (null: not compared), its thresholds, and an info to report with it.</summary>
internal sealed record ColumnPlanChoice(DriftPlan? Plan, double Threshold, double Alpha, double EffectThreshold, Diagnostic? Note);
