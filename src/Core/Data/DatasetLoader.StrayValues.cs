using System.Globalization;

namespace ModelGates.Data;

/// <summary>
/// One bad record must never change a column's kind. DuckDB types a column as text when a single value in
/// it is not a number (an unterminated quote, a stray <c>N/A</c>): a column of numbers then profiles and drifts
/// as categories, silently. A text column whose values are numbers but for a few strays is read as numbers
/// instead, and the records holding the strays are reported as unparsed (MG2001, or MG2013 within the
/// tolerance) with their lines, as any record that does not parse is. Declaring the column's type keeps it text.
/// </summary>
internal static partial class DatasetLoader
{
    /// <summary>The fewest numbers a column must hold before its few other values count as strays rather than text.</summary>
    public const int MinimumNumbersBesideStrays = 20;

    /// <summary>True when a column of <paramref name="nonMissing"/> values with <paramref name="strays"/> that are not numbers is a column of numbers with bad records.</summary>
    /// <remarks>At most one value in a thousand (and at least one) may stray; more, and the column is text.</remarks>
    public static bool IsNumbersWithStrays(long nonMissing, long strays) =>
        strays > 0 && strays <= Math.Max(1, nonMissing / 1000) && nonMissing - strays >= MinimumNumbersBesideStrays;

    /// <summary>Sniffed text columns that are numbers with a few strays: their strays' records become unparsed rows and the columns numbers.</summary>
    private static List<UnparsedRow> RejectStrays(
        DataEngine engine,
        DatasetSource source,
        IReadOnlyList<DataFile> files,
        string table,
        List<UnparsedRow> unparsed,
        long linesBeforeData,
        IReadOnlyDictionary<string, string> declared)
    {
        var quoted = SqlText.Identifier(table);
        var text = Columns(engine, table).Where(c => c.SqlType == "VARCHAR" && c.Name != FileColumn && !declared.ContainsKey(c.Name)).ToList();
        if (text.Count == 0)
        {
            return unparsed;
        }

        var counts = engine.Row($"SELECT {string.Join(", ", text.Select(c => $"count({SqlText.Identifier(c.Name)}), count(*) FILTER (WHERE {Stray(c.Name)})"))} FROM {quoted}");
        var strayColumns = text
            .Where((c, i) => IsNumbersWithStrays(SqlValue.ToInt64(counts[2 * i]), SqlValue.ToInt64(counts[(2 * i) + 1])))
            .Select(c => c.Name)
            .ToList();
        if (strayColumns.Count == 0)
        {
            return unparsed;
        }

        var locator = Finish(engine, source, files, table, DataFormat.Csv, Columns(engine, table), unparsed, linesBeforeData, linesKnown: true).Locator;
        var condition = string.Join(" OR ", strayColumns.Select(Stray));
        var values = string.Join(", ", strayColumns.Select(n => $"CASE WHEN {Stray(n)} THEN {SqlText.Identifier(n)} END"));
        var added = engine.Query(
            $"SELECT rowid, {values} FROM {quoted} WHERE {condition} ORDER BY rowid",
            r =>
            {
                var at = locator.Example(SqlValue.ToInt64(r.GetValue(0)), null);
                var found = strayColumns.Select((name, i) => (Name: name, Value: r.IsDBNull(i + 1) ? null : r.GetString(i + 1))).Where(p => p.Value is not null).ToList();
                var reason = string.Join("; ", found.Select(p => string.Create(CultureInfo.InvariantCulture, $"Column '{p.Name}' holds '{Shorten(p.Value!)}' where its other values are numbers")));
                return new UnparsedRow(at.File ?? files[0].Path, at.Line ?? at.Row, reason, string.Join(", ", found.Select(p => Shorten(p.Value!))));
            });

        // Rewriting the table keeps rowids contiguous, as the row locator (which now counts these rows as rejected) expects.
        var casts = string.Join(", ", Columns(engine, table).Select(c => strayColumns.Contains(c.Name)
            ? $"CAST({SqlText.Identifier(c.Name)} AS DOUBLE) AS {SqlText.Identifier(c.Name)}"
            : SqlText.Identifier(c.Name)));
        engine.Execute($"CREATE OR REPLACE TABLE {quoted} AS SELECT {casts} FROM {quoted} WHERE NOT ({condition}) ORDER BY rowid");

        NarrowWholeNumbers(engine, quoted, strayColumns);
        return unparsed.Concat(added).OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line).ToList();
    }

    /// <summary>Whole numbers read as integers, as DuckDB reads a column that holds nothing else.</summary>
    private static void NarrowWholeNumbers(DataEngine engine, string quoted, List<string> columns)
    {
        var notWhole = engine.Row($"SELECT {string.Join(", ", columns.Select(n => $"count(*) FILTER (WHERE {NotBigint(SqlText.Identifier(n))})"))} FROM {quoted}");
        for (var i = 0; i < columns.Count; i++)
        {
            if (SqlValue.ToInt64(notWhole[i]) == 0)
            {
                engine.Execute($"ALTER TABLE {quoted} ALTER COLUMN {SqlText.Identifier(columns[i])} SET DATA TYPE BIGINT");
            }
        }
    }

    private static string NotBigint(string value) => $"isnan({value}) OR isinf({value}) OR {value} <> trunc({value}) OR abs({value}) >= 9.2e18";

    private static string Stray(string column) =>
        $"({SqlText.Identifier(column)} IS NOT NULL AND TRY_CAST({SqlText.Identifier(column)} AS DOUBLE) IS NULL)";
}
