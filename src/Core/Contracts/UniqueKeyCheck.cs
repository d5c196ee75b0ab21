using ModelGates.Checks;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary>
/// <c>uniqueKeys</c>: combinations of columns that must not repeat (MG2010), counted exactly: one grouping scan per
/// key, rows with equal keys (NULLs equal, as GROUP BY has it) beyond the first of each group are repeats.
/// </summary>
internal static class UniqueKeyCheck
{
    public static IEnumerable<CheckResult> Run(IValidationTarget context)
    {
        var present = context.ColumnNames.ToHashSet(StringComparer.Ordinal);
        var d = context.Dialect;
        foreach (var key in context.Contract.UniqueKeys)
        {
            var id = $"uniqueKeys/{string.Join('+', key.Columns)}";
            var description = $"({string.Join(", ", key.Columns)}) unique";
            var missing = key.Columns.Where(c => !present.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                yield return ContractChecks.Result(id, description, DiagnosticCatalog.MissingColumn.Create($"Unique key ({string.Join(", ", key.Columns)}) names column(s) the data does not have: {string.Join(", ", missing)}.")
                    with { File = context.ContractFile, Line = key.Position.Line, SourceColumn = key.Position.Column, Check = "uniqueKeys" });
                continue;
            }

            var columns = string.Join(", ", key.Columns.Select(context.Stored));
            var relation = context.Relation;
            var repeats = SqlValue.ToInt64(context.Scalar($"SELECT coalesce(sum(__mg_n) - count(*), 0) FROM (SELECT count(*) AS __mg_n FROM {relation} GROUP BY {columns}) AS __mg_g"));
            if (repeats == 0)
            {
                yield return ContractChecks.Result(id, description, null, 0, 0);
                continue;
            }

            var condition = $"({columns}) IN (SELECT {columns} FROM {relation} GROUP BY {columns} HAVING count(*) > 1)";
            var value = $"concat_ws(', ', {string.Join(", ", key.Columns.Select(c => d.CastText(context.Stored(c))))})";
            yield return ContractChecks.Result(id, description, DiagnosticCatalog.DuplicateKeys.Create($"Key ({string.Join(", ", key.Columns)}) must be unique but {repeats} row(s) repeat a key that occurs earlier.")
                with
                {
                    File = context.ContractFile,
                    Line = key.Position.Line,
                    SourceColumn = key.Position.Column,
                    Column = string.Join(",", key.Columns),
                    Check = "uniqueKeys",
                    Measured = repeats,
                    Bound = 0,
                    Examples = context.Examples(condition, value),
                });
        }
    }
}
