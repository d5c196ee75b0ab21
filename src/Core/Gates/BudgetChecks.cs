using System.Globalization;
using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Models.Resources;

namespace ModelGates.Gates;

/// <summary>
/// Turns a model gate's budgets into checks (<c>model:&lt;gate&gt;/budget/&lt;resource&gt;/max</c>): MG4040 when the model
/// goes past a bound, MG4041 when the resource cannot be measured, each at the line of the bound.
/// </summary>
internal static class BudgetChecks
{
    /// <summary>Measures what the budgets need and judges each bound.</summary>
    public static IEnumerable<CheckResult> Run(GatesConfig config, ModelGate gate, ResourceUse use)
    {
        foreach (var budget in gate.Budgets)
        {
            var resource = budget.Resource;
            var id = $"model:{gate.Name}/budget/{resource.Id}/{budget.Key}";
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
