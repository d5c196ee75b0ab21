using System.Globalization;
using ModelGates.Checks;
using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Metrics;

namespace ModelGates.Monitoring.Promotion;

/// <summary>
/// The four rules a challenger must pass, each with its own MG code for a refusal, pointing at the line of
/// modelgates.json that the refusal rests on. Refusals are collected in <see cref="Refusals"/>.
/// </summary>
internal sealed class PromotionRules(GatesConfig config, ModelGate gate, string metric, double margin, double sliceMargin)
{
    private readonly List<Diagnostic> refusals = [];
    private readonly List<Diagnostic> notes = [];

    /// <summary>Every refusal so far, in rule order.</summary>
    public IReadOnlyList<Diagnostic> Refusals => refusals;

    /// <summary>Every min, max and maxGap bound of the gate holds for the challenger on every dataset (MG6030).</summary>
    public PromotionRuleOutcome Absolute(IReadOnlyList<JudgedSet> sets)
    {
        var count = 0;
        var failed = 0;
        foreach (var set in sets)
        {
            foreach (var outcome in set.Challenger.Outcomes)
            {
                count++;
                if (!outcome.IsFailure || outcome.Threshold.Severity is Severity.Warning or Severity.Info)
                {
                    continue;
                }

                failed++;
                var position = outcome.Threshold.Position ?? gate.PositionOf("metrics");
                Refuse(DiagnosticCatalog.PromotionAbsoluteGateFailed, position,
                    $"Model gate '{gate.Name}': promotion refused: the challenger fails {ModelGateRunner.Describe(outcome, set.Data)}: {outcome.Message}",
                    ModelGateRunner.CheckId(gate.Name, outcome), outcome.Measured, outcome.Threshold.Bound);
            }
        }

        var on = string.Join(", ", sets.Select(s => s.Data));
        return new PromotionRuleOutcome("absoluteGates", failed == 0, failed == 0
            ? $"absolute gates: the challenger meets all {count} bounds on {on}"
            : $"absolute gates: the challenger fails {failed} of {count} bounds on {on} (MG6030)");
    }

    /// <summary>On every dataset, the lower bound of the paired interval of the improvement is at least −margin (MG6031; MG6034 when undefined).</summary>
    public PromotionRuleOutcome Margin(IReadOnlyList<JudgedSet> sets)
    {
        var position = gate.Promotion?.Position ?? gate.Position;
        var passed = true;
        foreach (var set in sets)
        {
            var c = set.Comparison;
            if (c.ImprovementLowerBound is not { } lower)
            {
                passed = false;
                Refuse(DiagnosticCatalog.PromotionComparisonUndefined, position,
                    $"Model gate '{gate.Name}': promotion refused: {metric} is undefined on {set.Data} for {(c.Challenger is null ? "the challenger" : "the champion")} (champion {F(c.Champion)}, challenger {F(c.Challenger)}), so the challenger cannot be shown within the margin.",
                    $"promotion/{set.Data}/{metric}", null, -margin);
                continue;
            }

            if (lower < -margin - ThresholdEvaluator.DifferenceTolerance)
            {
                passed = false;
                var worse = set.Direction == MetricDirection.HigherIsBetter ? "lower" : "higher";
                Refuse(DiagnosticCatalog.PromotionBelowMargin, position,
                    $"Model gate '{gate.Name}': promotion refused: on {set.Data} the challenger's {metric} is {F(c.Challenger)} against the champion's {F(c.Champion)}; the paired bootstrap's interval of challenger - champion is [{F(c.Lower)}, {F(c.Upper)}], so the challenger may be {F(-lower)} {worse} ({metric} {(set.Direction == MetricDirection.HigherIsBetter ? "improves upwards" : "improves downwards")}), beyond the margin {F(margin)}.",
                    $"promotion/{set.Data}/{metric}", lower, -margin);
            }
        }

        var bounds = string.Join(", ", sets.Select(s => $"{s.Data} {F(s.Comparison.ImprovementLowerBound)}"));
        return new PromotionRuleOutcome("margin", passed, passed
            ? $"margin: the lower bound of the challenger's improvement in {metric} is at least {F(-margin)} ({bounds})"
            : $"margin: the lower bound of the challenger's improvement in {metric} is below {F(-margin)} ({bounds}) (MG6031/MG6034)");
    }

    /// <summary>On every slice gated on both models, the challenger's metric is worse than the champion's by at most the slice margin (MG6032).</summary>
    public PromotionRuleOutcome Slices(IReadOnlyList<JudgedSet> sets)
    {
        var count = 0;
        var failed = 0;
        foreach (var set in sets)
        {
            var sign = set.Direction == MetricDirection.HigherIsBetter ? 1.0 : -1.0;
            foreach (var slice in set.Challenger.Slices.Where(s => s.Gated))
            {
                var champion = set.Champion.Slices.FirstOrDefault(s => s.Group == slice.Group && s.Name == slice.Name);
                var now = Value(slice, metric);
                var before = champion is null ? null : Value(champion, metric);
                if (now is not { } n || before is not { } b)
                {
                    continue;
                }

                count++;
                var improvement = sign * (n - b);
                if (improvement >= -sliceMargin - ThresholdEvaluator.DifferenceTolerance)
                {
                    continue;
                }

                failed++;
                var definition = set.Request.Slices.FirstOrDefault(d => d.Group == slice.Group);
                var position = definition?.Position ?? gate.PositionOf("slices");
                Refuse(DiagnosticCatalog.PromotionSliceRegressed, position,
                    $"Model gate '{gate.Name}': promotion refused: on slice {slice.Name} of {set.Data} ({slice.Rows} rows) the challenger's {metric} is {F(n)} against the champion's {F(b)}, worse by {F(-improvement)}, beyond the slice margin {F(sliceMargin)}.",
                    $"promotion/{set.Data}/{slice.Name}/{metric}", improvement, -sliceMargin);
            }
        }

        return new PromotionRuleOutcome("slices", failed == 0, failed == 0
            ? $"slices: no gated slice's {metric} is worse than the champion's by more than {F(sliceMargin)} ({count} slices)"
            : $"slices: {failed} of {count} gated slices are worse than the champion's by more than {F(sliceMargin)} (MG6032)");
    }

    /// <summary>Remarks that refuse nothing but must be said: rows left out within a dataset's tolerance (MG2013).</summary>
    public IReadOnlyList<Diagnostic> Notes => notes;

    /// <summary>
    /// The rows of every scored dataset parse (beyond the dataset's <c>maxUnparsedRows</c> a refusal, within it a note),
    /// and every contract and drift gate passes on the current data, the window included (MG6033).
    /// </summary>
    public PromotionRuleOutcome DataGates(GatesConfig runConfig, DatasetCache datasets, PromotionRequest request, IReadOnlyList<JudgedSet> sets)
    {
        var unparsed = 0;
        foreach (var set in sets)
        {
            if (UnparsedRowsCheck.Check(set.Request.Data, set.Request.Data.Source.MaxUnparsedRows) is not { } parse)
            {
                continue;
            }

            if (!parse.IsError)
            {
                notes.Add(parse);
                continue;
            }

            unparsed++;
            Refuse(DiagnosticCatalog.PromotionDataGateFailed, gate.PositionOf("data"),
                $"Model gate '{gate.Name}': promotion refused: rows of {set.Data} do not parse, so both models were judged on part of it: {parse.Code} {parse.Message}",
                $"promotion/{set.Data}/parse", parse.Measured?.Number, parse.Bound?.Number, parse.File ?? config.File);
        }

        var options = new GateRunOptions { Time = request.Time, Today = DateOnly.FromDateTime(request.Time.UtcDateTime), ToolVersion = request.ToolVersion, Progress = request.Progress };
        var context = new GateRunContext(datasets, options);
        var results = new List<GateResult>();
        results.AddRange(new ContractGateRunner().Run(runConfig, context));
        results.AddRange(new DriftGateRunner().Run(runConfig, context));
        var (gates, _) = WaiverApplier.Apply(runConfig, results, options.Today);
        var failed = 0;
        foreach (var result in gates.Where(g => !g.Passed))
        {
            failed++;
            var first = result.Checks.First(c => c.Status == CheckStatus.Failed);
            var cause = first.Diagnostic is { } d ? $"{d.Code} {d.Message}" : first.Description;
            var more = result.Checks.Count(c => c.Status == CheckStatus.Failed) - 1;
            Refuse(DiagnosticCatalog.PromotionDataGateFailed, first.Diagnostic?.Line is { } line ? new SourcePosition(line, first.Diagnostic.SourceColumn ?? 1) : result.Position,
                $"Model gate '{gate.Name}': promotion refused: {result.Kind} gate '{result.Name}' fails on the new data: {cause}{(more > 0 ? $" (and {more} more failed check(s); run 'modelgates check')" : string.Empty)}",
                first.Id, null, null, first.Diagnostic?.File);
        }

        var parsed = unparsed == 0 ? string.Empty : $"; rows of {unparsed} dataset(s) do not parse";
        return new PromotionRuleOutcome("dataGates", failed + unparsed == 0, failed + unparsed == 0
            ? $"data gates: all {gates.Count} contract and drift gates pass on the new data"
            : $"data gates: {failed} of {gates.Count} contract and drift gates fail on the new data{parsed} (MG6033)");
    }

    private static double? Value(Models.Evaluation.SliceResult slice, string metric) =>
        slice.Metrics.Where(m => m.Key == metric).Select(m => m.Value.Value).FirstOrDefault();

    private static string F(double? value) => value is { } v ? (v == 0 ? 0.0 : v).ToString("0.####", CultureInfo.InvariantCulture) : "undefined";

    private void Refuse(DiagnosticDescriptor descriptor, SourcePosition position, string message, string check, double? measured, double? bound, string? file = null) =>
        refusals.Add(descriptor.Create(message) with
        {
            File = file ?? config.File,
            Line = position.Line,
            SourceColumn = position.Column,
            Check = check,
            Measured = measured is { } m ? m : null,
            Bound = bound is { } b ? b : null,
        });
}
