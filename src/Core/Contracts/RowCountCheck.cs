using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary><c>rows.min</c> and <c>rows.max</c> (MG2011).</summary>
internal static class RowCountCheck
{
    public static IEnumerable<Diagnostic> Run(ValidationContext context)
    {
        var rows = context.Dataset.Rows;
        if (context.Contract.MinRows is { } min && rows < min)
        {
            yield return context.AtKey(DiagnosticCatalog.RowCountOutOfBounds, "rows", $"'{context.Dataset.Source.Path}' has {rows} rows, fewer than the minimum of {min}.")
                with { Check = "rows.min", Measured = rows, Bound = min };
        }

        if (context.Contract.MaxRows is { } max && rows > max)
        {
            yield return context.AtKey(DiagnosticCatalog.RowCountOutOfBounds, "rows", $"'{context.Dataset.Source.Path}' has {rows} rows, more than the maximum of {max}.")
                with { Check = "rows.max", Measured = rows, Bound = max };
        }
    }
}
