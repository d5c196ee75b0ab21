using System.Globalization;
using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Models.Evaluation.Scoring;

/// <summary>Reads label and prediction columns of the evaluation data, in table order, as text or numbers.</summary>
internal static class EvaluationColumns
{
    /// <summary>The column, or MG4022 naming the columns there are (exit code 3).</summary>
    public static DatasetColumn Require(LoadedDataset data, string column, string role)
    {
        if (data.Find(column) is { } found)
        {
            return found;
        }

        var suggestion = DidYouMean.Suggest(column, data.Columns.Select(c => c.Name));
        throw EvaluationErrors.Data(DiagnosticCatalog.EvaluationColumnMissing,
            $"The {role} column '{column}' is not in '{data.Source.Path}' (columns: {string.Join(", ", data.Columns.Select(c => c.Name))}).{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}",
            data.Source.Path);
    }

    /// <summary>SQL for a column's values as text; whole numbers without a fraction (1.0 reads as "1").</summary>
    public static string TextOf(DatasetColumn column)
    {
        var x = SqlText.Identifier(column.Name);
        return column.TypeKind == ColumnKind.Numeric
            ? $"CASE WHEN {x} = trunc({x}) AND abs({x}) < 1e15 THEN CAST(CAST({x} AS BIGINT) AS VARCHAR) ELSE CAST(CAST({x} AS DOUBLE) AS VARCHAR) END"
            : $"CAST({x} AS VARCHAR)";
    }

    /// <summary>Every value of a column as text (null when missing).</summary>
    public static string?[] Text(DataEngine engine, LoadedDataset data, DatasetColumn column)
    {
        var values = new string?[data.Rows];
        var i = 0;
        engine.Query($"SELECT {TextOf(column)} FROM {data.Table}", r => values[i++] = r.IsDBNull(0) ? null : r.GetString(0));
        return values;
    }

    /// <summary>Every value of a column as a number; a missing value or a text that is not a number is an error of <paramref name="descriptor"/>.</summary>
    public static double[] Numbers(DataEngine engine, LoadedDataset data, DatasetColumn column, string role, DiagnosticDescriptor descriptor)
    {
        var x = SqlText.Identifier(column.Name);
        var values = new double[data.Rows];
        var i = 0;
        long? firstBad = null;
        string? badText = null;
        engine.Query($"SELECT TRY_CAST({x} AS DOUBLE), CAST({x} AS VARCHAR) FROM {data.Table}", r =>
        {
            if (r.IsDBNull(0) || double.IsNaN(values[i] = r.GetDouble(0)) || double.IsInfinity(values[i]))
            {
                if (firstBad is null)
                {
                    firstBad = i;
                    badText = r.IsDBNull(1) ? null : r.GetString(1);
                }
            }

            i++;
        });

        if (firstBad is { } bad)
        {
            throw EvaluationErrors.Data(descriptor, string.Create(CultureInfo.InvariantCulture,
                $"The {role} column '{column.Name}' must hold a finite number on every row; data row {bad + 1} has {(badText is null ? "a missing value" : $"'{badText}'")}."),
                data.Source.Path);
        }

        return values;
    }
}
