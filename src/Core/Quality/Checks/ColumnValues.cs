using ModelGates.Data;

namespace ModelGates.Quality.Checks;

/// <summary>SQL over the text table shared by the column checks.</summary>
internal static class ColumnValues
{
    /// <summary>Spellings of a missing value (compared lower-cased and trimmed); an empty field is read as NULL.</summary>
    public static IReadOnlyList<string> NullSpellings { get; } = ["", "na", "n/a", "nan", "null", "none", "nil", "missing", "-", "?"];

    /// <summary>The columns the column checks look at: every column but the key.</summary>
    public static IEnumerable<string> Checked(QualityTable table) => table.Columns.Where(c => !table.Key.Contains(c, StringComparer.Ordinal));

    /// <summary>SQL true when the column's value spells a missing value (NULL included).</summary>
    public static string IsMissing(string column) =>
        $"({SqlText.Identifier(column)} IS NULL OR lower(trim({QualityTable.Text(column)})) IN ({string.Join(", ", NullSpellings.Select(SqlText.Literal))}))";

    /// <summary>SQL true when the column's value reads as a number.</summary>
    public static string IsNumber(string column) => $"(TRY_CAST({QualityTable.Text(column)} AS DOUBLE) IS NOT NULL)";

    /// <summary>Row indexes and values of the rows where <paramref name="condition"/> holds, in file order.</summary>
    public static List<(long Row, string? Value)> Rows(QualityTable table, string column, string condition) =>
        table.Engine.Query(
            $"SELECT rowid, {QualityTable.Text(column)} FROM {table.Table} WHERE {condition} ORDER BY rowid",
            r => (SqlValue.ToInt64(r.GetValue(0)), r.IsDBNull(1) ? null : r.GetString(1)));

    /// <summary>Per column, how many values read as numbers and how many are other text (missing spellings aside), in one scan.</summary>
    public static Dictionary<string, (long Numbers, long Texts)> Kinds(QualityTable table)
    {
        var columns = Checked(table).ToList();
        var kinds = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        if (columns.Count == 0)
        {
            return kinds;
        }

        var select = columns.SelectMany(c => new[]
        {
            $"count(*) FILTER (WHERE {IsNumber(c)})",
            $"count(*) FILTER (WHERE NOT {IsMissing(c)} AND NOT {IsNumber(c)})",
        });
        var row = table.Engine.Row($"SELECT {string.Join(", ", select)} FROM {table.Table}");
        for (var i = 0; i < columns.Count; i++)
        {
            kinds[columns[i]] = (SqlValue.ToInt64(row[2 * i]), SqlValue.ToInt64(row[(2 * i) + 1]));
        }

        return kinds;
    }
}
