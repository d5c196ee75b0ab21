using System.Globalization;
using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation.Baselines;
using ModelGates.Models.Resources;

namespace ModelGates.Gates;

/// <summary>
/// Turns a model gate's budgets into checks (<c>model:&lt;gate&gt;/budget/&lt;resource&gt;/max</c>): MG4040 when the model
/// goes past a bound, MG4041 when the resource cannot be measured, MG4061 when it regressed against the baseline's
/// measurement beyond the noise and <c>maxRegression</c>, MG4062 when the baseline holds no measurement; each at the
/// line of the bound.
/// </summary>
internal static class BudgetChecks
{
    /// <summary>Judges each bound of <paramref name="gate"/> on <paramref name="use"/>.</summary>
    /// <param name="config">The config, for the diagnostics' file.</param>
    /// <param name="gate">The model gate.</param>
    /// <param name="use">What was measured.</param>
    /// <param name="baseline">The gate's baseline (for <c>maxRegression</c>), or null.</param>
    /// <param name="remeasure">
    /// Measures again. A timed resource that looks regressed is measured once more and judged on the passes of both
    /// measurements (its best pass), so one burst of load on the machine does not fail the build; null: never.
    /// </param>
    public static IEnumerable<CheckResult> Run(GatesConfig config, ModelGate gate, ResourceUse use, BaselineMetrics? baseline = null, Func<ResourceUse>? remeasure = null)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(use);
        foreach (var budget in gate.Budgets)
        {
            var resource = budget.Resource;
            var id = $"model:{gate.Name}/budget/{resource.Id}/{budget.Key}";
            if (budget.IsRegression)
            {
                var (check, again) = Regression(config, gate, budget, id, use, baseline, remeasure);
                use = again ?? use;
                yield return check;
                continue;
            }

            var description = string.Create(CultureInfo.InvariantCulture, $"{resource.Id} {(budget.IsMax ? "≤" : "≥")} {Scalar.Format(budget.Bound)}");
            if (!use.Values.TryGetValue(resource.Id, out var measured))
            {
                var reason = use.Missing.GetValueOrDefault(resource.Id, "it was not measured");
                yield return Failed(id, description, null, budget, Located(config, budget, DiagnosticCatalog.BudgetNotMeasurable.Create(
                    $"Model gate '{gate.Name}': {resource.What} cannot be checked: {reason}.")));
                continue;
            }

            var within = budget.IsMax ? measured <= budget.Bound : measured >= budget.Bound;
            if (within)
            {
                yield return new CheckResult(id, description) { Status = CheckStatus.Passed, Measured = measured, Bound = budget.Bound };
                continue;
            }

            var how = resource.Id switch
            {
                "throughputRowsPerSecond" => string.Create(CultureInfo.InvariantCulture, $" (the median of {use.Passes} passes over {use.Rows} rows after a warm-up)"),
                "latencyP50Ms" or "latencyP95Ms" => string.Create(CultureInfo.InvariantCulture, $" (over {ResourceMeter.LatencyPasses} passes of single-row requests for {Math.Min(use.Rows, ResourceMeter.LatencyRows)} rows after a warm-up)"),
                _ => string.Empty,
            };
            yield return Failed(id, description, measured, budget, Located(config, budget, DiagnosticCatalog.BudgetExceeded.Create(string.Create(CultureInfo.InvariantCulture,
                $"Model gate '{gate.Name}': {resource.What} is {Scalar.Format(measured)}, {(budget.IsMax ? "above" : "below")} the budget's {budget.Key} {Scalar.Format(budget.Bound)}{how}."))));
        }
    }

    private static (CheckResult Check, ResourceUse? Again) Regression(GatesConfig config, ModelGate gate, ResourceBudget budget, string id, ResourceUse use, BaselineMetrics? baseline, Func<ResourceUse>? remeasure)
    {
        var resource = budget.Resource;
        var description = string.Create(CultureInfo.InvariantCulture, $"{resource.Id} regression vs baseline ≤ {Scalar.Format(budget.Bound)} beyond noise");
        var recorded = baseline?.Resources.FirstOrDefault(r => r.Id == resource.Id);
        if (recorded is null)
        {
            var file = gate.Baseline is { } path ? Path.GetRelativePath(config.BaseDirectory, path).Replace('\\', '/') : "(none)";
            var why = baseline is null
                ? $"its baseline '{file}' does not exist yet"
                : $"its baseline '{file}' was accepted without measuring it";
            var missing = Located(config, budget, DiagnosticCatalog.BudgetBaselineMissing.Create(
                $"Model gate '{gate.Name}': {resource.What} cannot be compared with the baseline: {why}. Run 'modelgates accept' to record the accepted model's resources."));
            return (Failed(id, description, null, budget, missing), null);
        }

        if (!use.Values.TryGetValue(resource.Id, out var measured))
        {
            var reason = use.Missing.GetValueOrDefault(resource.Id, "it was not measured");
            return (Failed(id, description, null, budget, Located(config, budget, DiagnosticCatalog.BudgetNotMeasurable.Create(
                $"Model gate '{gate.Name}': {resource.What} cannot be checked: {reason}."))), null);
        }

        var verdict = ResourceRegression.Judge(resource, measured, use.PassValues.GetValueOrDefault(resource.Id, []), recorded, budget.Bound);
        ResourceUse? again = null;
        if (verdict.Regressed && verdict.Paired && remeasure is not null)
        {
            again = use.WithPassesOf(remeasure());
            verdict = ResourceRegression.Judge(resource, measured, again.PassValues.GetValueOrDefault(resource.Id, []), recorded, budget.Bound);
        }

        if (!verdict.Regressed)
        {
            return (new CheckResult(id, description) { Status = CheckStatus.Passed, Measured = verdict.Change, Bound = budget.Bound }, again);
        }

        var compared = verdict.Paired
            ? string.Create(CultureInfo.InvariantCulture, $"its best pass {Scalar.Format(verdict.Current)} against the baseline's worst pass {Scalar.Format(verdict.Baseline)}")
            : string.Create(CultureInfo.InvariantCulture, $"{Scalar.Format(verdict.Current)} against the baseline's {Scalar.Format(verdict.Baseline)}");
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Model gate '{gate.Name}': {resource.What} regressed by {Percent(verdict.Change)} against the baseline ({compared}), beyond the budget's maxRegression {Percent(budget.Bound)}.");
        return (Failed(id, description, verdict.Change, budget, Located(config, budget, DiagnosticCatalog.BudgetRegressed.Create(message))), again);
    }

    private static string Percent(double fraction) =>
        double.IsPositiveInfinity(fraction) ? "an unbounded factor" : (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    private static CheckResult Failed(string id, string description, double? measured, ResourceBudget budget, Diagnostic diagnostic) =>
        new(id, description)
        {
            Status = diagnostic.Severity == Severity.Error ? CheckStatus.Failed : CheckStatus.Warned,
            Measured = measured,
            Bound = budget.Bound,
            Diagnostic = diagnostic with { Measured = measured, Bound = budget.Bound },
        };

    private static Diagnostic Located(GatesConfig config, ResourceBudget budget, Diagnostic diagnostic) => diagnostic with
    {
        Severity = budget.Severity ?? diagnostic.Severity,
        File = config.File,
        Line = budget.Position.Line,
        SourceColumn = budget.Position.Column,
        Check = $"budget/{budget.Resource.Id}/{budget.Key}",
    };
}
