using ModelGates.Checks;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary>Missing required columns (MG2002) and columns the contract does not declare (MG2003).</summary>
internal static class SchemaCheck
{
    /// <param name="context">The dataset.</param>
    /// <param name="ignored">Columns that are bookkeeping, not data (a table's row-number column), and never undeclared.</param>
    public static IEnumerable<CheckResult> Run(IValidationTarget context, string? ignored = null)
    {
        var present = context.ColumnNames.ToHashSet(StringComparer.Ordinal);
        foreach (var column in context.Contract.Columns.Where(c => c.Required))
        {
            Diagnostic? failure = null;
            if (!present.Contains(column.Name))
            {
                var similar = Configuration.Json.DidYouMean.Suggest(column.Name, present);
                failure = DiagnosticCatalog.MissingColumn.Create(
                    $"Required column '{column.Name}' is missing from '{context.DisplayName}'.{(similar is null ? string.Empty : $" The data has '{similar}'; was it renamed?")}")
                    with
                    {
                        Severity = column.Severity,
                        File = context.ContractFile,
                        Line = column.Position.Line,
                        SourceColumn = column.Position.Column,
                        Column = column.Name,
                        Check = "required",
                    };
            }

            yield return ContractChecks.Result($"{column.Name}/required", $"{column.Name} is present", failure, column: column.Name);
        }

        if (context.Contract.AllowUnexpectedColumns)
        {
            yield break;
        }

        var unexpected = context.ColumnNames.Where(n => n != ignored && context.Contract.Find(n) is null).ToList();
        foreach (var name in unexpected)
        {
            var failure = context.AtKey(
                DiagnosticCatalog.UnexpectedColumn,
                "columns",
                $"Column '{name}' of '{context.DisplayName}' is not declared in the contract. Declare it, or set \"allowUnexpectedColumns\": true.")
                with { Column = name, Check = "allowUnexpectedColumns" };
            yield return ContractChecks.Result($"{name}/declared", $"{name} is declared", failure, column: name);
        }

        if (unexpected.Count == 0)
        {
            yield return ContractChecks.Result("columns/declared", "no undeclared columns", null, 0, 0);
        }
    }
}
