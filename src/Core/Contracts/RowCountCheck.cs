using ModelGates.Checks;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary><c>rows.min</c> and <c>rows.max</c> (MG2011).</summary>
internal static class RowCountCheck
{
    public static IEnumerable<CheckResult> Run(IValidationTarget context)
    {
        var rows = context.Rows;
        if (context.Contract.MinRows is { } min)
        {
            var failure = rows >= min ? null : context.AtKey(DiagnosticCatalog.RowCountOutOfBounds, "rows", $"'{context.DisplayName}' has {rows} rows, fewer than the minimum of {min}.")
                with { Check = "rows.min", Measured = rows, Bound = min };
            yield return ContractChecks.Result("rows/min", $"rows ≥ {min}", failure, rows, min);
        }

        if (context.Contract.MaxRows is { } max)
        {
            var failure = rows <= max ? null : context.AtKey(DiagnosticCatalog.RowCountOutOfBounds, "rows", $"'{context.DisplayName}' has {rows} rows, more than the maximum of {max}.")
                with { Check = "rows.max", Measured = rows, Bound = max };
            yield return ContractChecks.Result("rows/max", $"rows ≤ {max}", failure, rows, max);
        }
    }
}
