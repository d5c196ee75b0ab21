using ModelGates.Configuration.Json;
using ModelGates.Models.Resources;

namespace ModelGates.Gates.Config;

/// <summary>
/// Reads a model gate's <c>budgets</c>: <c>{ "latencyP95Ms": { "max": 2 }, "throughputRowsPerSecond": { "min": 5000 } }</c>.
/// A resource that is worse when higher takes <c>max</c>, throughput takes <c>min</c>; problems are MG0xxx at their line.
/// </summary>
internal static class BudgetReader
{
    /// <summary>The budgets of model gate <paramref name="name"/>; empty when it declares none.</summary>
    public static IReadOnlyList<ResourceBudget> Read(ConfigReader r, string name, ConfigObject gate)
    {
        if (gate.Find("budgets") is null || r.Property<ConfigObject>(gate, "budgets", "an object mapping resources to bounds", required: false) is not { } o)
        {
            return [];
        }

        r.CheckKeys(o, $"'budgets' of model gate '{name}'", [.. ConfigKeys.Budgets.Accepted]);
        if (gate.Find("model") is null)
        {
            r.Invalid(o, $"Model gate '{name}' reads a predictions file; 'budgets' measure an ML.NET model, so they need 'model'.");
        }

        var budgets = new List<ResourceBudget>();
        foreach (var property in o.Properties)
        {
            if (ResourceKind.Find(property.Name) is not { } resource || r.AsObject(property.Value, $"the bounds of budget '{property.Name}'") is not { } bounds)
            {
                continue;
            }

            r.CheckKeys(bounds, $"the bounds of budget '{property.Name}'", [.. ConfigKeys.BudgetBounds.Accepted]);
            var severity = bounds.Find("severity") is null ? null : r.SeverityValue(bounds);
            foreach (var bound in bounds.Properties.Where(p => p.Name is "max" or "min" or "maxRegression"))
            {
                if (bound.Value is not ConfigNumber { Value: var value })
                {
                    r.Report(Diagnostics.DiagnosticCatalog.WrongType, bound.Value.Position, $"'{bound.Name}' of budget '{property.Name}' must be a number, not {bound.Value.TypeName}.");
                    continue;
                }

                if (bound.Name == "maxRegression")
                {
                    if (RegressionBound(r, gate, name, property.Name, bound, value) is { } regression)
                    {
                        budgets.Add(regression with { Severity = severity });
                    }

                    continue;
                }

                var isMax = bound.Name == "max";
                if (isMax != resource.HigherIsWorse)
                {
                    r.Invalid(bound.Value, $"Budget '{property.Name}' is worse when {(resource.HigherIsWorse ? "higher" : "lower")}: bound it with '{(resource.HigherIsWorse ? "max" : "min")}', not '{bound.Name}'.");
                }
                else if (!(value > 0) || double.IsInfinity(value))
                {
                    r.Invalid(bound.Value, $"'{bound.Name}' of budget '{property.Name}' must be a positive number, not {value}.");
                }
                else
                {
                    budgets.Add(new ResourceBudget(resource, isMax, value, bound.NamePosition) { Severity = severity });
                }
            }
        }

        return budgets;
    }

    // "maxRegression": the relative tolerance beyond the measured noise, against the resources of the gate's baseline file.
    private static ResourceBudget? RegressionBound(ConfigReader r, ConfigObject gate, string name, string resource, ConfigProperty bound, double value)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            r.Invalid(bound.Value, $"'maxRegression' of budget '{resource}' is a relative tolerance (0.25 allows 25 % beyond the measured noise): a number of at least 0, not {value}.");
            return null;
        }

        if (gate.Find("baseline") is null)
        {
            r.Report(Diagnostics.DiagnosticCatalog.MissingKey, bound.NamePosition,
                $"'maxRegression' of budget '{resource}' compares with the resources measured when the baseline was accepted, but model gate '{name}' declares no 'baseline' (a metrics file written by modelgates accept).");
            return null;
        }

        return new ResourceBudget(ResourceKind.Find(resource)!, true, value, bound.NamePosition) { IsRegression = true };
    }
}
