using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary>Missing required columns (MG2002) and columns the contract does not declare (MG2003).</summary>
internal static class SchemaCheck
{
    public static IEnumerable<Diagnostic> Run(ValidationContext context)
    {
        var present = context.Dataset.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var column in context.Contract.Columns.Where(c => c.Required && !present.Contains(c.Name)))
        {
            var similar = Configuration.Json.DidYouMean.Suggest(column.Name, present);
            yield return DiagnosticCatalog.MissingColumn.Create(
                $"Required column '{column.Name}' is missing from '{context.Dataset.Source.Path}'.{(similar is null ? string.Empty : $" The data has '{similar}'; was it renamed?")}")
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

        if (context.Contract.AllowUnexpectedColumns)
        {
            yield break;
        }

        foreach (var name in context.Dataset.Columns.Select(c => c.Name).Where(n => context.Contract.Find(n) is null))
        {
            yield return context.AtKey(
                DiagnosticCatalog.UnexpectedColumn,
                "columns",
                $"Column '{name}' of '{context.Dataset.Source.Path}' is not declared in the contract. Declare it, or set \"allowUnexpectedColumns\": true.")
                with { Column = name, Check = "allowUnexpectedColumns" };
        }
    }
}
