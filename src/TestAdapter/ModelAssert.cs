using System.Globalization;
using System.Text;
using ModelGates.Configuration.Options;
using ModelGates.Diagnostics;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Options;
using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Metrics;

namespace ModelGates.Xunit;

/// <summary>
/// Assertions on a model's metrics: that it meets bounds on labelled data (every metric with its seeded bootstrap
/// interval), and that a challenger does not regress against a champion scored on the same rows (paired bootstrap).
/// The metrics are the engine's, the same as <c>modelgates evaluate</c> reports.
/// </summary>
public static class ModelAssert
{
    /// <summary>Asserts that the model at <paramref name="modelPath"/> meets every bound on <paramref name="data"/>.</summary>
    /// <param name="modelPath">An ML.NET model saved with its input schema.</param>
    /// <param name="data">The labelled rows and how to judge them.</param>
    /// <param name="bounds">Bounds such as <c>auc &gt;= 0.8</c> or <c>logLoss &lt;= 0.5</c> (<c>≥</c> and <c>≤</c> work too).</param>
    /// <returns>The evaluation (every metric with its interval, every bound's outcome), for further assertions.</returns>
    /// <exception cref="ModelGatesAssertException">A bound fails, names an unknown metric, or the model or data cannot be used.</exception>
    /// <exception cref="ArgumentException">A bound is not of the form <c>metric &gt;= number</c> or <c>metric &lt;= number</c>.</exception>
    public static EvaluationResult Meets(string modelPath, EvaluationData data, params string[] bounds)
    {
        using var fixture = new ModelFixture(modelPath, data);
        return Meets(fixture, bounds);
    }

    /// <summary>Asserts that a loaded model meets every bound on <paramref name="data"/>.</summary>
    /// <inheritdoc cref="Meets(string, EvaluationData, string[])"/>
    public static EvaluationResult Meets(MlNetModel model, EvaluationData data, params string[] bounds)
    {
        using var fixture = new ModelFixture(model, data);
        return Meets(fixture, bounds);
    }

    /// <summary>Asserts that the fixture's model meets every bound on the fixture's data (scored once per fixture).</summary>
    /// <inheritdoc cref="Meets(string, EvaluationData, string[])"/>
    public static EvaluationResult Meets(ModelFixture fixture, params string[] bounds)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(bounds);
        var thresholds = bounds.Select(MetricBound.Parse).ToList();
        if (thresholds.Count == 0)
        {
            throw new ArgumentException("Give at least one bound, e.g. \"auc >= 0.8\".", nameof(bounds));
        }

        var request = fixture.Request() with { Thresholds = thresholds };
        CheckOptions(request, $"Model '{fixture.Model.Name}' cannot be judged on {fixture.Data.Path}:");
        var predictions = fixture.Predictions;
        var result = ModelFixture.Guard($"Model '{fixture.Model.Name}' cannot be judged on {fixture.Data.Path}:", () => ModelEvaluator.Evaluate(predictions, null, request, []));
        var failed = result.Outcomes.Count(o => o.IsFailure);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Model '{fixture.Model.Name}' {(failed == 0 ? "meets" : "does not meet")} {(failed == 0 ? "all" : $"{failed} of")} {result.Outcomes.Count} bound(s) on {request.DataName} ({result.Rows} rows; {Intervals(request.Bootstrap)}).\n")
            .Append(Table.Render(
                ["metric", "value [CI]", "bound", "status"],
                [.. result.Outcomes.Select(o => (IReadOnlyList<string>)[o.Threshold.Metric, ValueWithInterval(result, o.Threshold.Metric), Bound(o.Threshold), Status(o)])]));
        AppendNotes(text, result.Notes.Concat(Notes(fixture.Scores)));
        foreach (var o in result.Outcomes.Where(o => o.Status == ThresholdStatus.Undefined))
        {
            text.Append(o.Message).Append('\n');
        }

        fixture.Write(text.ToString());
        return failed == 0 ? result : throw new ModelGatesAssertException(text.ToString());
    }

    /// <summary>
    /// Asserts that the challenger at <paramref name="challengerPath"/> does not regress against the champion at
    /// <paramref name="championPath"/>: both are scored on the same rows of <paramref name="data"/>, and each allowed
    /// drop is judged on the paired difference. With <see cref="EvaluationData.RequireSignificantRegression"/>, a drop
    /// beyond its allowance fails only when the paired bootstrap shows it is real.
    /// </summary>
    /// <param name="challengerPath">The new model.</param>
    /// <param name="championPath">The model in use.</param>
    /// <param name="data">The labelled rows, the bootstrap (resamples, seed, confidence) and whether regressions must be significant.</param>
    /// <param name="allowed">The allowed drop of each metric judged (<see cref="RegressionAllowance.Drop"/>, <see cref="RegressionAllowance.RelativeDrop"/>).</param>
    /// <returns>The evaluation of the challenger with its changes against the champion, for further assertions.</returns>
    /// <exception cref="ModelGatesAssertException">A metric regressed beyond its allowance, names an unknown metric, or a model or the data cannot be used.</exception>
    public static EvaluationResult NoRegression(string challengerPath, string championPath, EvaluationData data, params RegressionAllowance[] allowed)
    {
        using var fixture = new ModelFixture(challengerPath, data);
        return NoRegression(fixture, Load(championPath), allowed);
    }

    /// <summary>Asserts that a loaded challenger does not regress against a loaded champion on <paramref name="data"/>.</summary>
    /// <inheritdoc cref="NoRegression(string, string, EvaluationData, RegressionAllowance[])"/>
    public static EvaluationResult NoRegression(MlNetModel challenger, MlNetModel champion, EvaluationData data, params RegressionAllowance[] allowed)
    {
        using var fixture = new ModelFixture(challenger, data);
        return NoRegression(fixture, champion, allowed);
    }

    /// <summary>Asserts that the fixture's model (the challenger) does not regress against <paramref name="champion"/> on the fixture's data.</summary>
    /// <inheritdoc cref="NoRegression(string, string, EvaluationData, RegressionAllowance[])"/>
    public static EvaluationResult NoRegression(ModelFixture challenger, MlNetModel champion, params RegressionAllowance[] allowed)
    {
        ArgumentNullException.ThrowIfNull(challenger);
        ArgumentNullException.ThrowIfNull(champion);
        ArgumentNullException.ThrowIfNull(allowed);
        if (allowed.Length == 0)
        {
            throw new ArgumentException("Give at least one allowance, e.g. RegressionAllowance.Drop(\"auc\", 0.01).", nameof(allowed));
        }

        var request = challenger.Request() with { Thresholds = [.. allowed.Select(a => a.ToThreshold())] };
        CheckOptions(request, $"Challenger '{challenger.Model.Name}' cannot be compared with champion '{champion.Name}':");
        var current = challenger.Predictions;
        var baseline = challenger.PredictionsOf(champion);
        var result = ModelFixture.Guard($"Challenger '{challenger.Model.Name}' cannot be compared with champion '{champion.Name}':", () => ModelEvaluator.Evaluate(current, baseline, request, []));
        var failed = result.Outcomes.Count(o => o.IsFailure);
        var significance = request.RequireSignificantRegression
            ? string.Create(CultureInfo.InvariantCulture, $"a drop beyond its allowance fails only when significant, p ≤ {1 - request.Bootstrap.Confidence:0.###}")
            : "any drop beyond its allowance fails";
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Challenger '{challenger.Model.Name}' {(failed == 0 ? "does not regress" : $"regresses on {failed} of {result.Outcomes.Count} metric(s)")} against champion '{champion.Name}' on {request.DataName} ({result.Rows} rows; paired bootstrap, {Intervals(request.Bootstrap)}; {significance}).\n")
            .Append(Table.Render(
                request.RequireSignificantRegression
                    ? ["metric", "champion → challenger", "difference", "allowed", $"drop, {ChangeSignificance.Label(request.Bootstrap.Confidence)}", "p", "status"]
                    : ["metric", "champion → challenger", "difference", "allowed", "status"],
                [.. result.Outcomes.Select(o => Row(result, o, request.RequireSignificantRegression))]));
        AppendNotes(text, result.Notes.Concat(Notes(challenger.Scores)));
        foreach (var o in result.Outcomes.Where(o => o.Status == ThresholdStatus.Undefined))
        {
            text.Append(o.Message).Append('\n');
        }

        challenger.Write(text.ToString());
        return failed == 0 ? result : throw new ModelGatesAssertException(text.ToString());
    }

    /// <summary>The options of <see cref="EvaluationData"/> checked as a model gate's and <c>modelgates evaluate</c>'s are (<see cref="ModelOptionTable"/>).</summary>
    private static void CheckOptions(EvaluationRequest request, string headline)
    {
        var problems = ModelOptionTable.Check(request.Options, OptionFrontEnd.CSharp);
        if (problems.Count > 0)
        {
            throw new ModelGatesAssertException(FailureMessage.ForDiagnostics(headline, [.. problems.Select(p => p.Diagnostic)]));
        }
    }

    private static IReadOnlyList<string> Row(EvaluationResult result, ThresholdOutcome o, bool significance)
    {
        var change = result.Changes.FirstOrDefault(c => c.MetricId == o.Threshold.Metric);
        var difference = change?.Difference is { } d
            ? Signed(d) + (d == 0 ? string.Empty : (d > 0) == (change.Direction == MetricDirection.HigherIsBetter) ? " better" : " worse")
            : "–";
        var relative = o.Threshold.Kind == ThresholdKind.MaxRelativeDrop;
        var allowed = relative
            ? string.Create(CultureInfo.InvariantCulture, $"{o.Threshold.Bound * 100:0.###} % ({F(o.Threshold.Bound * Math.Abs(change?.Baseline ?? 0))})")
            : F(o.Threshold.Bound);

        // The bound the verdict used (one-sided, in the unit of "allowed"), never a two-sided interval that could
        // reach "not worse" next to REGRESSED.
        var bound = o.Significance?.DropLowerBound is { } low
            ? relative ? string.Create(CultureInfo.InvariantCulture, $"{low * 100:0.###} %") : F(low)
            : "–";
        return significance
            ? [o.Threshold.Metric, $"{F(change?.Baseline)} → {F(change?.Current)}", difference, allowed, bound, o.PValue is { } p ? P(p) : "–", Status(o)]
            : [o.Threshold.Metric, $"{F(change?.Baseline)} → {F(change?.Current)}", difference, allowed, Status(o)];
    }

    private static string Status(ThresholdOutcome o) => o.Status switch
    {
        ThresholdStatus.Passed when o.Descriptor == DiagnosticCatalog.RegressionNotSignificant => "ok (drop not significant)",
        ThresholdStatus.Passed => "ok",
        ThresholdStatus.Failed when o.Threshold.Kind.IsChange() && o.PValue is not null => "REGRESSED (significant)",
        ThresholdStatus.Failed when o.Threshold.Kind.IsChange() => "REGRESSED",
        ThresholdStatus.Failed => "FAILED",
        ThresholdStatus.Undefined => "UNDEFINED",
        _ => o.Status.ToString().ToUpperInvariant(),
    };

    private static string ValueWithInterval(EvaluationResult result, string metric)
    {
        var interval = result.Metrics.FirstOrDefault(m => m.MetricId == metric);
        if (interval?.Estimate.Value is not { } v)
        {
            return "undefined";
        }

        return interval.Lower is { } lo && interval.Upper is { } hi ? $"{F(v)} [{F(lo)}, {F(hi)}]" : F(v);
    }

    private static string Bound(MetricThreshold t) => (t.Kind == ThresholdKind.Min ? "≥ " : "≤ ") + F(t.Bound);

    private static string Intervals(Models.Intervals.BootstrapOptions b) =>
        string.Create(CultureInfo.InvariantCulture, $"{b.Confidence * 100:0.##} % intervals from {b.Resamples} resamples, seed {b.Seed}");

    private static IEnumerable<string> Notes(ModelScores scores) => scores.Note is { } note ? [note] : [];

    private static void AppendNotes(StringBuilder text, IEnumerable<string> notes)
    {
        foreach (var note in notes.Distinct(StringComparer.Ordinal))
        {
            text.Append("note: ").Append(note).Append('\n');
        }
    }

    private static MlNetModel Load(string path) => ModelFixture.Guard($"Model '{path}' cannot be loaded:", () => MlNetModel.Load(path));

    private static string F(double? value) => value is { } v ? Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture) : "–";

    private static string Signed(double value) => (value >= 0 ? "+" : "−") + F(Math.Abs(value));

    private static string P(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.###", CultureInfo.InvariantCulture);
}
